internal import CZlib

/// zlib streams (RFC 1950), the compression inside `:Z64:`.
enum Zlib {
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION)
            }
        }
        // compressBound leaves room for any input, so only a failed allocation inside zlib can fail.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        output.removeLast(output.count - Int(length))
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
        let ceiling = maximumSize + 1
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
            throw ZPLError(subject, .corrupt("the zlib data is corrupt: \(stream.msg.map { String(cString: $0) } ?? "no reason given")"))
        }
    }

    private enum Outcome {
        case done, tooLarge, truncated, trailingData, corrupt
    }
}
