internal import CQREncode
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Owns one libqrencode input list: the data segments of a symbol, freed with the wrapper.
struct QRInput: ~Copyable {
    private let input: OpaquePointer
    private let errorCorrection: QRErrorCorrection
    private var length = 0

    init(minimumVersion: Int, errorCorrection: QRErrorCorrection) throws(SymbologyError) {
        guard let input = QRinput_new2(Int32(minimumVersion), errorCorrection.cLevel) else {
            throw .encoderFailed(errno: errno)
        }
        self.input = input
        self.errorCorrection = errorCorrection
    }

    deinit { QRinput_free(input) }

    /// Marks the symbol as GS1 data (FNC1 in first position).
    func setFNC1First() throws(SymbologyError) {
        guard QRinput_setFNC1First(input) == 0 else { throw .encoderFailed(errno: errno) }
    }

    /// Appends one segment; `mode` must accept every byte (digits only for numeric mode).
    mutating func append(_ bytes: ArraySlice<UInt8>, numeric: Bool) throws(SymbologyError) {
        let status = bytes.withUnsafeBufferPointer { buffer in
            QRinput_append(input, numeric ? QR_MODE_NUM : QR_MODE_8, Int32(buffer.count), buffer.baseAddress)
        }
        guard status == 0 else { throw .encoderFailed(errno: errno) }
        length += bytes.count
    }

    func encode() throws(SymbologyError) -> ModuleMatrix {
        try QRCode.matrix(from: QRcode_encodeInput(input), length: length, errorCorrection: errorCorrection)
    }
}
