extension RawSymbol {
    /// The digits of an EAN-2/EAN-5 add-on appended to the main EAN/UPC number; empty when the
    /// decoder read none.
    var addOn: ArraySlice<UInt8> {
        guard let length = symbology.mainLength, data.count == length + 2 || data.count == length + 5 else { return [] }
        return data[length...]
    }

    /// Whether this symbology can carry an EAN-2/EAN-5 add-on.
    var mayCarryAddOn: Bool { symbology.mainLength != nil }

    /// This read without its add-on: the main number, which reads with and without the add-on
    /// must agree on.
    var main: RawSymbol {
        var symbol = self
        symbol.data.removeLast(addOn.count)
        return symbol
    }
}

extension BarcodeSymbology {
    /// The digits of the main number of a symbology that may carry an add-on (UPC-A in its
    /// 13-digit form), else nil.
    fileprivate var mainLength: Int? {
        switch self {
        case .ean13, .upcA: 13
        case .ean8, .upcE: 8
        default: nil
        }
    }
}
