/// The symbologies a label can carry; the raw value is the name used on the command line.
public enum SymbologyKind: String, CaseIterable, Sendable {
    case qr
    case code128
    case gs1_128 = "gs1-128"
    case ean13
    case upca
    /// GS1 QR Code: QR with FNC1 in first position, carrying a GS1 element string.
    case gs1QR = "gs1-qr"
}
