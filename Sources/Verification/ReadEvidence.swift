/// The reads of every attempt on one image, and which of them may be reported.
///
/// A QR read is guarded by its error correction and reported at once. A linear read of the
/// image as given, by either decoder, is reported unless another read contradicts it. A linear
/// read from a rescaled or enhanced copy is not: interpolation and sharpening can turn a soft
/// EAN/UPC into another number with a valid check digit, on many agreeing scan lines, and
/// copies made the same way repeat the same misread. So it is reported only when two
/// independent attempts (`Attempt.isIndependent`) read the same text in the same place, and no
/// attempt read anything else there. A miss costs a rescan; a wrong read passes a wrong label.
struct ReadEvidence {
    /// Whether every read, QR too, needs two independent attempts (`Options.requireAgreement`).
    let requiresAgreement: Bool
    private var reads: [(symbol: RawSymbol, attempt: BarcodeDecoder.Attempt)] = []

    init(requiresAgreement: Bool) {
        self.requiresAgreement = requiresAgreement
    }

    /// Records what one attempt found, with positions in the caller's image.
    mutating func add(_ symbols: [RawSymbol], from attempt: BarcodeDecoder.Attempt) {
        reads += symbols.map { ($0, attempt) }
    }

    /// The reads that may be reported, each once.
    func accepted() -> [RawSymbol] {
        var accepted: [RawSymbol] = []
        for (symbol, attempt) in reads where !accepted.contains(where: { $0.isSameRead(as: symbol) }) {
            if requiresAgreement {
                if isUncontradicted(symbol) && isConfirmed(symbol, acrossDecoders: true) { accepted.append(symbol) }
            } else if symbol.isQR || isUncontradicted(symbol) && (attempt.isPlain || isConfirmed(symbol)) {
                accepted.append(symbol)
            }
        }
        return accepted
    }

    private func isUncontradicted(_ symbol: RawSymbol) -> Bool {
        !reads.contains { $0.symbol.contradicts(symbol) }
    }

    /// Whether two independent attempts read `symbol`; `acrossDecoders` also counts both
    /// decoders reading the same copy, whose algorithms share nothing.
    private func isConfirmed(_ symbol: RawSymbol, acrossDecoders: Bool = false) -> Bool {
        let agreeing = reads.filter { $0.symbol.isSameRead(as: symbol) }.map(\.attempt)
        return agreeing.contains { first in
            agreeing.contains { $0.isIndependent(of: first) || acrossDecoders && $0.decoder != first.decoder }
        }
    }
}
