extension BarcodeSymbology {
    /// The zxing-cpp BarcodeFormat bits that read this symbology. UPC-A is read by both the
    /// UPC-A and the EAN-13 reader; either way it is reported as 13 digits with a leading 0.
    var zxingFormats: UInt32 {
        switch self {
        case .qr: 1 << 13
        case .code128, .gs1128: 1 << 4
        case .ean13: 1 << 9
        case .upcA: (1 << 14) | (1 << 9)
        case .ean8: 1 << 8
        case .upcE: 1 << 15
        case .code39: 1 << 2
        case .code93: 1 << 3
        case .codabar: 1 << 1
        case .interleaved2of5: 1 << 10
        case .dataBar: 1 << 5
        case .dataBarExpanded: 1 << 6
        }
    }

    /// What we call a symbol of zxing-cpp's `format` carrying `data` (UPC-A already in its
    /// 13-digit form), or nil for formats we never enable.
    init?(zxingFormat format: UInt32, data: [UInt8], isGS1: Bool) {
        switch format {
        case 1 << 13: self = .qr
        case 1 << 4: self = isGS1 ? .gs1128 : .code128
        case 1 << 9, 1 << 14: self = data.first == UInt8(ascii: "0") ? .upcA : .ean13
        case 1 << 8: self = .ean8
        case 1 << 15: self = .upcE
        case 1 << 2: self = .code39
        case 1 << 3: self = .code93
        case 1 << 1: self = .codabar
        case 1 << 10: self = .interleaved2of5
        case 1 << 5: self = .dataBar
        case 1 << 6: self = .dataBarExpanded
        default: return nil
        }
    }
}
