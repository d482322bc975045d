import Foundation
import Imaging
import Verification

/// A 1920×1080 camera frame holding one QR label, seen at a slant with sensor noise, as
/// `shared/bench/anchors/mkimages.py` makes it: the station's decode and match on it, beside
/// zxing-cpp's decode alone on the same frame, timed by its Python binding in another process.
struct CameraFrameWorkload {
    /// What the frame's QR holds (`mkimages.py`'s payload).
    static let payload = "https://id.gs1.org/01/06901234567892/21/A1B2C3D4E5F6/10/L2026112901"

    let framePath: String
    let frame: GrayImage
    private let script: String

    /// Makes the frame (JPEG, as cameras send) in `folder` with the anchors' own generator.
    init(anchors: String, folder: String) throws {
        script = "\(folder)/camera_frame.py"
        framePath = "\(folder)/camera_qr.jpg"
        try Data(Self.python.utf8).write(to: URL(fileURLWithPath: script))
        do {
            try AnchorProbes.run("/usr/bin/env", ["python3", script, "make", anchors, framePath])
        } catch {
            throw BenchError("the camera frame needs Python 3 with numpy, Pillow and zxing-cpp (pip install numpy pillow zxing-cpp): \(error)")
        }
        frame = try ImageFile.read(path: framePath)
    }

    /// Milliseconds to decode the frame and match it against its code, as a quality station
    /// does for each frame; fails unless it passes.
    func decodeAndMatch() throws -> Double {
        var verifier = Verifier(options: .init(symbologies: [.qr]), expected: [Self.payload])
        let clock = ContinuousClock()
        let start = clock.now
        let result = verifier.verify(frame, name: framePath)
        let elapsed = clock.now - start
        guard result.status == .pass else { throw BenchError("the camera frame did not verify: \(result.status)") }
        return elapsed.milliseconds
    }

    /// zxing-cpp's median milliseconds to decode the frame (QR only, already loaded), over `iterations`.
    func zxingDecode(iterations: Int) throws -> Double {
        let output = try AnchorProbes.run("/usr/bin/env", ["python3", script, "time", framePath, String(iterations)])
        guard let milliseconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("the zxing-cpp timing printed no number: \(output)")
        }
        return milliseconds
    }

    /// `make ANCHORS OUT`: the frame, as `mkimages.py` makes `camera_qr.jpg`.
    /// `time FRAME N`: zxing-cpp's median decode time in milliseconds, checked against the payload.
    private static let python = """
        import statistics, sys, time
        if sys.argv[1] == "make":
            sys.path.insert(0, sys.argv[2])
            import mkimages
            from PIL import Image, ImageDraw
            label = Image.new("1", (720, 480), 1)
            qr, _ = mkimages.qr_image(6)
            label.paste(qr, (720 - qr.width - 24, (480 - qr.height) // 2))
            mkimages.text_block(ImageDraw.Draw(label), 28, 48, mkimages.LINES[:5], 36)
            corners = [(700, 330), (1268, 400), (1222, 790), (650, 715)]
            mkimages.camera_frame(label, 1, corners).save(sys.argv[3], quality=85)
        else:
            import zxingcpp
            from PIL import Image
            image = Image.open(sys.argv[2]).convert("L")
            times = []
            for _ in range(int(sys.argv[3])):
                start = time.perf_counter()
                found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
                times.append(time.perf_counter() - start)
                assert found and found[0].text == "\(payload)", "zxing-cpp misread the frame"
            print(statistics.median(times) * 1000)
        """
}
