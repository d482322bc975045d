import Verification

/// One label ready for the printer: the code it carries, its format, and what its symbol must
/// read back as.
struct LineLabel: Sendable {
    /// The code as the ledger issued it (its Digital Link URI).
    let code: String
    /// The format from `^XA` to `^XZ`.
    let format: [UInt8]
    /// The format's FNV-1a hash, as the virtual printer logs it: how a render is matched to
    /// its code without decoding it, so that an unreadable label is still known.
    let formatHash: String
    let expected: ExpectedSymbol
}

/// What a label's symbol must decode to: the template's data for that item, as encoded.
struct ExpectedSymbol: Sendable, Hashable {
    let symbology: BarcodeSymbology
    let data: [UInt8]
}
