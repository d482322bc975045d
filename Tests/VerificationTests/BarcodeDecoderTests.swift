import Foundation
import Imaging
import Testing
import Verification

@Suite("Decoding images")
struct BarcodeDecoderTests {
    @Test("an all-white image holds no symbols and is not an error")
    func whiteImage() throws {
        #expect(try BarcodeDecoder().decode(GrayImage(width: 320, height: 240)).isEmpty)
    }

    @Test("a zero-size image is refused with an error naming its size")
    func zeroSizeImage() throws {
        #expect(throws: VerificationError.emptyImage(width: 0, height: 10)) {
            try BarcodeDecoder().decode(GrayImage(width: 0, height: 10))
        }
        #expect(VerificationError.emptyImage(width: 0, height: 10).description.contains("0x10"))
    }

    @Test("an unreadable file is an error that names the file")
    func unreadableFile() throws {
        #expect {
            try BarcodeDecoder().decode(file: "/nonexistent/label.png")
        } throws: { error in
            "\(error)".contains("/nonexistent/label.png")
        }
    }

    @Test(
        "a QR code holding UTF-8 Chinese comes back byte for byte",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/qrencode"), "qrencode is not installed")
    )
    func chineseQR() throws {
        let text = "追溯码 一码贯通 テスト"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verification-\(UUID()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/qrencode")
        process.arguments = ["-s", "4", "-o", path, text]
        try process.run()
        process.waitUntilExit()

        let symbols = try BarcodeDecoder(options: .init(symbologies: [.qr])).decode(file: path)
        #expect(symbols.map(\.text) == [text])
        #expect(symbols.first?.bytes == Array(text.utf8))
        #expect(symbols.first?.symbology == .qr)
        #expect(symbols.first?.position.count == 4)
    }

    @Test("a QR code is not reported when only linear symbologies are asked for", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func symbologyFilter() throws {
        let image = try #require(Self.fixtureImage("qrcode-1/1.png"))
        #expect(try BarcodeDecoder(options: .init(symbologies: [.ean13, .code128])).decode(image).isEmpty)
        #expect(try !BarcodeDecoder(options: .init(symbologies: [.qr])).decode(image).isEmpty)
    }

    @Test("a UPC-A reads as 13 digits with a leading 0, also when only EAN-13 is asked for", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func upcA() throws {
        let image = try #require(Self.fixtureImage("upca-1/2.png"))
        for asked in [Set([BarcodeSymbology.upcA]), [.ean13]] {
            let symbols = try BarcodeDecoder(options: .init(symbologies: asked)).decode(image)
            #expect(symbols.map(\.text) == ["0036602301467"])
            #expect(symbols.map(\.symbology) == [.upcA])
        }
    }

    @Test("an EAN-13 add-on is appended to the main number when add-ons are on", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func addOn() throws {
        let image = try #require(Self.fixtureImage("ean13-extension-1/1.png"))
        let symbols = try BarcodeDecoder(options: .init(eanAddOns: true)).decode(image)
        #expect(symbols.map(\.text) == ["978073520044951299"])
        #expect(symbols.first?.position.isEmpty == false)
    }

    private static func fixtureImage(_ name: String) -> GrayImage? {
        try? ImageFile.read(path: FixtureSample.folder.appendingPathComponent(name).path)
    }
}
