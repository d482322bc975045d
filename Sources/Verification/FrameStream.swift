import Foundation
import Imaging

/// Reads concatenated JPEG or PNM frames from a file handle (standard input) as they arrive,
/// decoding one at a time; a bad frame is reported and the stream goes on.
public struct FrameStream {
    public let input: FileHandle
    public let limits: ImageLimits

    public init(input: FileHandle, limits: ImageLimits = .default) {
        self.input = input
        self.limits = limits
    }

    /// Calls `handle` with each frame's image, or the error that frame gave, and its name
    /// (`stdin#1`, `stdin#2`, …), until the input ends; the next frame waits for the handler.
    public func run(_ handle: (Result<GrayImage, ImagingError>, String) async -> Void) async {
        var splitter = FrameSplitter(maxFrameBytes: limits.maxFileBytes)
        var count = 0
        var atEnd = false
        while true {
            while let piece = splitter.next(atEnd: atEnd) {
                count += 1
                let name = "stdin#\(count)"
                switch piece {
                case let .frame(bytes):
                    await handle(Result { () throws(ImagingError) in try ImageFile.decode(bytes, limits: limits, source: name) }, name)
                case let .garbage(byteCount):
                    await handle(.failure(.corrupt(source: name, format: "frame stream", reason: "\(byteCount) bytes start no JPEG or PNM frame; skipped")), name)
                }
            }
            if atEnd { return }
            let chunk = input.availableData
            if chunk.isEmpty { atEnd = true } else { splitter.append(chunk) }
        }
    }
}
