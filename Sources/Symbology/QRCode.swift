internal import CQREncode
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// QR Code (ISO/IEC 18004) through libqrencode.
public enum QRCode {
    /// Encodes `data` byte for byte: UTF-8 text (Chinese included) reads back exactly as given.
    ///
    /// Runs of digits and upper-case letters may use the numeric and alphanumeric modes for a
    /// smaller symbol; every mode carries the bytes unchanged, so the decoded data is `data`.
    public static func matrix(for data: [UInt8], options: QROptions = QROptions()) throws(SymbologyError) -> ModuleMatrix {
        guard !data.isEmpty else { throw .emptyData(symbology: .qr) }
        guard QROptions.versions.contains(options.minimumVersion) else {
            throw .invalidVersion(options.minimumVersion)
        }
        if options.isGS1 { return try gs1Matrix(for: data, options: options) }

        let version = Int32(options.minimumVersion)
        let level = options.errorCorrection.cLevel
        let code: UnsafeMutablePointer<QRcode>?
        if data.contains(0) {
            // The mode-splitting encoder reads a C string, which would end at the NUL.
            code = data.withUnsafeBufferPointer { QRcode_encodeData(Int32($0.count), $0.baseAddress, version, level) }
        } else {
            code = (data + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    // Case-sensitive with the 8-bit hint: lower case and UTF-8 stay bytes, never Kanji.
                    QRcode_encodeString($0.baseAddress, version, level, QR_MODE_8, 1)
                }
            }
        }
        return try matrix(from: code, length: data.count, errorCorrection: options.errorCorrection)
    }

    /// GS1 QR: libqrencode has no GS1 parser, so the segments are built here. Long digit runs
    /// (all-numeric AIs such as GTINs) go in numeric mode, the rest in 8-bit mode, where GS
    /// (0x1D) is the element separator the standard prescribes.
    private static func gs1Matrix(for data: [UInt8], options: QROptions) throws(SymbologyError) -> ModuleMatrix {
        var input = try QRInput(minimumVersion: options.minimumVersion, errorCorrection: options.errorCorrection)
        try input.setFNC1First()
        for segment in segments(of: data) {
            try input.append(data[segment.range], numeric: segment.isNumeric)
        }
        return try input.encode()
    }

    /// Digit runs shorter than this cost more in segment headers than numeric mode saves.
    private static let shortestNumericRun = 8

    /// Splits data into alternating 8-bit and numeric segments.
    static func segments(of data: [UInt8]) -> [(range: Range<Int>, isNumeric: Bool)] {
        var result: [(range: Range<Int>, isNumeric: Bool)] = []
        var start = 0, index = 0
        while index < data.count {
            guard isDigit(data[index]) else { index += 1; continue }
            var end = index
            while end < data.count && isDigit(data[end]) { end += 1 }
            if end - index >= shortestNumericRun {
                if start < index { result.append((start..<index, false)) }
                result.append((index..<end, true))
                start = end
            }
            index = end
        }
        if start < data.count { result.append((start..<data.count, false)) }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Takes ownership of libqrencode's result: copies the modules out and frees it.
    static func matrix(
        from code: UnsafeMutablePointer<QRcode>?, length: Int, errorCorrection: QRErrorCorrection
    ) throws(SymbologyError) -> ModuleMatrix {
        guard let code else {
            // libqrencode reports data beyond version 40 as ERANGE, and some over-long inputs as EINVAL.
            let code = errno
            let capacity = errorCorrection.capacity
            if code == ERANGE || (code == EINVAL && length > capacity.bytes) {
                throw .payloadTooLong(
                    length: length, errorCorrection: errorCorrection,
                    byteCapacity: capacity.bytes, digitCapacity: capacity.digits)
            }
            throw .encoderFailed(errno: code)
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let source = code.pointee.data!
        // Bit 0 is the module colour; the higher bits only say which function pattern it belongs to.
        let modules = [Bool](unsafeUninitializedCapacity: size * size) { buffer, count in
            for index in 0..<size * size { buffer[index] = source[index] & 1 != 0 }
            count = size * size
        }
        return ModuleMatrix(size: size, modules: modules)
    }
}
