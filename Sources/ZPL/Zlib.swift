internal import CZlib

/// zlib streams (RFC 1950), the compression inside `:Z64:`.
enum Zlib {
    /// Compresses at zlib's fastest level with a 4 KiB window and a small hash table. Graphic
    /// rows repeat at a distance of one row, a few hundred bytes at most, so on a 148 × 148 dot
    /// symbol this is 5 times faster than `compress2` at its default level for 1 % more bytes:
    /// setting up zlib's default 256 KiB of state costs more than compressing the symbol.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(
            &stream, Z_BEST_SPEED, Z_DEFLATED, 12, 4, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        // Only a failed allocation inside zlib can fail here; there is no input to blame.
        precondition(status == Z_OK, "zlib deflateInit2 failed with status \(status)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = input.baseAddress
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                // deflateBound leaves room for any input, so one call finishes the stream.
                status = deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate failed with status \(status)")
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Inflates `bytes`, refusing output beyond `maximumSize` as soon as inflating reaches it,
    /// so that a small payload cannot expand into gigabytes.
    static func decompress(_ bytes: [UInt8], maximumSize: Int, subject: String) throws(ZPLError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZPLError(subject, .corrupt("zlib could not start inflating"))
        }
        defer { inflateEnd(&stream) }
        // One byte past the limit is enough to tell that the data is too large.
        let ceiling = min(max(maximumSize, 0), Int.max - 1) + 1
        var output = [UInt8](repeating: 0, count: min(ceiling, max(4096, bytes.count * 4)))
        var produced = 0
        var input = bytes
        let outcome = input.withUnsafeMutableBufferPointer { input -> Outcome in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            while true {
                if produced == output.count {
                    guard output.count < ceiling else {
                        return .tooLarge
                    }
                    output.append(contentsOf: repeatElement(0, count: min(ceiling, output.count * 2) - output.count))
                }
                let status = output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = uInt(out.count - produced)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced = out.count - Int(stream.avail_out)
                    return status
                }
                switch status {
                case Z_STREAM_END:
                    return produced > maximumSize ? .tooLarge : stream.avail_in == 0 ? .done : .trailingData
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_out > 0:
                    return .truncated
                case Z_BUF_ERROR:
                    continue
                default:
                    return .corrupt
                }
            }
        }
        switch outcome {
        case .done:
            output.removeLast(output.count - produced)
            return output
        case .tooLarge:
            throw ZPLError(subject, .tooLong(length: produced, limit: maximumSize, unit: "bytes or more once inflated"))
        case .truncated:
            throw ZPLError(subject, .corrupt("the zlib data ends before its stream does"))
        case .trailingData:
            throw ZPLError(subject, .corrupt("bytes follow the end of the zlib stream"))
        case .corrupt:
            let reason = stream.msg.map { String(cString: $0) } ?? "no reason given"
            throw ZPLError(subject, .corrupt("the zlib data is corrupt: \(reason)"))
        }
    }

    private enum Outcome {
        case done, tooLarge, truncated, trailingData, corrupt
    }
}
