internal import CQREncode
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// QR Code (ISO/IEC 18004) through libqrencode, and GS1 QR Code through `QREncoder`.
///
/// libqrencode 4.1.1 cannot make GS1 QR (FNC1 in first position): it fails every input after
/// `QRinput_setFNC1First` and never writes the FNC1 mode indicator (fukuchi/libqrencode pull
/// request 145). Plain QR stays on libqrencode, the measured and proven path.
public enum QRCode {
    /// Encodes `data` byte for byte: UTF-8 text (Chinese included) reads back exactly as given.
    ///
    /// Runs of digits and upper-case letters may use the numeric and alphanumeric modes for a
    /// smaller symbol; every mode carries the bytes unchanged, so the decoded data is `data`.
    ///
    /// - Parameter gs1: Makes a GS1 QR Code: `data` is GS1 symbol data (GS1 CSET 82, with GS
    ///   0x1D between elements where FNC1 separates them, no leading GS), and the symbol
    ///   starts with FNC1 in first position. Readers report it as GS1 data (symbology
    ///   identifier `]Q3`), with GS for every separator.
    public static func matrix(
        for data: [UInt8], options: QROptions = QROptions(), gs1: Bool = false
    ) throws(SymbologyError) -> ModuleMatrix {
        guard !data.isEmpty else { throw .emptyData(symbology: gs1 ? .gs1QR : .qr) }
        guard QROptions.versions.contains(options.minimumVersion) else {
            throw .invalidVersion(options.minimumVersion)
        }
        if gs1 { return try gs1Matrix(for: data, options: options) }
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

    /// Takes ownership of libqrencode's result: copies the modules out and frees it.
    private static func matrix(
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
