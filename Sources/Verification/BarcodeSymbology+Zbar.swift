internal import CZbar

extension BarcodeSymbology {
    /// The zbar decoder that reads this symbology. UPC-A is read by zbar's EAN-13 decoder,
    /// which reports it as a 13-digit EAN-13 with a leading 0, the GTIN-13 form we keep.
    var zbarType: zbar_symbol_type_t {
        switch self {
        case .qr: ZBAR_QRCODE
        case .code128, .gs1128: ZBAR_CODE128
        case .ean13, .upcA: ZBAR_EAN13
        case .ean8: ZBAR_EAN8
        case .upcE: ZBAR_UPCE
        case .code39: ZBAR_CODE39
        case .code93: ZBAR_CODE93
        case .codabar: ZBAR_CODABAR
        case .interleaved2of5: ZBAR_I25
        case .dataBar: ZBAR_DATABAR
        case .dataBarExpanded: ZBAR_DATABAR_EXP
        }
    }

    /// What we call a symbol zbar reports, or nil for types we never enable.
    init?(zbarType: zbar_symbol_type_t, data: [UInt8], isGS1: Bool) {
        switch zbarType {
        case ZBAR_QRCODE: self = .qr
        case ZBAR_CODE128: self = isGS1 ? .gs1128 : .code128
        case ZBAR_EAN13: self = data.first == UInt8(ascii: "0") ? .upcA : .ean13
        case ZBAR_EAN8: self = .ean8
        case ZBAR_UPCE: self = .upcE
        case ZBAR_CODE39: self = .code39
        case ZBAR_CODE93: self = .code93
        case ZBAR_CODABAR: self = .codabar
        case ZBAR_I25: self = .interleaved2of5
        case ZBAR_DATABAR: self = .dataBar
        case ZBAR_DATABAR_EXP: self = .dataBarExpanded
        default: return nil
        }
    }

    /// Whether asking for `asked` returns symbols reported as `self`: a wider symbology
    /// includes its special case (Code 128 includes GS1-128, EAN-13 includes UPC-A).
    func isIncluded(in asked: Set<BarcodeSymbology>) -> Bool {
        switch self {
        case .gs1128: asked.contains(.gs1128) || asked.contains(.code128)
        case .upcA: asked.contains(.upcA) || asked.contains(.ean13)
        default: asked.contains(self)
        }
    }
}
