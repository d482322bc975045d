/// The reads of every attempt on one image, and which of them may be reported.
///
/// A QR read is guarded by its error correction and reported at once. A linear read of the
/// image as given, by either decoder, is reported unless another read contradicts it. A linear
/// read from a rescaled or enhanced copy is not: interpolation and sharpening can turn a soft
/// EAN/UPC into another number with a valid check digit, on many agreeing scan lines, and
/// copies made the same way repeat the same misread. So it is reported only when two
/// independent attempts (`Attempt.isIndependent`) read the same text in the same place, and no
/// attempt read anything else there. A miss costs a rescan; a wrong read passes a wrong label.
/// The one exception (not with `requiresAgreement`): when zbar and zxing-cpp (or the
/// scan-line reader) read a text in independent attempts and each other text there was read
/// by one decoder only, however often, the text both read is reported. Measured on the
/// fixture photos and on degraded copies of them: more read, none wrong that was not before.
///
/// With `EANAddOns.confirmed` the main number is judged so, and an add-on is appended only when
/// two independent attempts or both decoders read it, and no read gave another add-on there.
/// An add-on seen but not confirmed leads to further attempts; if they do not confirm it, the
/// main number is reported alone. With `EANAddOns.expected` the label is known to carry one, so
/// an uncontradicted add-on read once is appended and a main number without one is held back. Holding the symbol back instead was measured on the fixture
/// photos: no fewer wrong reads, and correct reads lost where one decoder took the edge of a
/// cut-off add-on for one.
struct ReadEvidence {
    typealias Read = (symbol: RawSymbol, attempt: BarcodeDecoder.Attempt)

    /// Whether every read, QR too, needs two independent attempts (`Options.requireAgreement`).
    let requiresAgreement: Bool
    let addOns: BarcodeDecoder.Options.EANAddOns
    private var reads: [Read] = []

    init(requiresAgreement: Bool, addOns: BarcodeDecoder.Options.EANAddOns) {
        self.requiresAgreement = requiresAgreement
        self.addOns = addOns
    }

    /// Records what one attempt found, with positions in the caller's image.
    mutating func add(_ symbols: [RawSymbol], from attempt: BarcodeDecoder.Attempt) {
        reads += symbols.map { ($0, attempt) }
    }

    /// The reads that may be reported, each once.
    func accepted() -> [RawSymbol] {
        switch addOns {
        case .confirmed: acceptedMains().map { confirmedAddOn(of: $0) ?? $0 }
        case .expected: acceptedMains().compactMap { $0.mayCarryAddOn ? agreedAddOn(of: $0) : $0 }
        case .always, .never: accepted(from: reads)
        }
    }

    /// The accepted main numbers whose add-on further attempts may find: read once but not
    /// confirmed, or with `.expected`, not read at all.
    var mainsAwaitingAddOn: [RawSymbol] {
        switch addOns {
        case .confirmed: acceptedMains().filter { !addOnReads(of: $0).isEmpty && confirmedAddOn(of: $0) == nil }
        case .expected: acceptedMains().filter { $0.mayCarryAddOn && agreedAddOn(of: $0) == nil }
        case .always, .never: []
        }
    }

    /// A read of `main` without an add-on, whose points outline the main symbol alone: from the
    /// image as given when there is one, as rescaled copies place it a pixel or two off.
    func location(of main: RawSymbol) -> RawSymbol? {
        let plain = reads.filter { $0.symbol.addOn.isEmpty && $0.symbol.isSameRead(as: main) && !$0.symbol.points.isEmpty }
        return (plain.first { $0.attempt.isPlain } ?? plain.first)?.symbol
    }

    /// The accepted main numbers, judged without their add-ons.
    private func acceptedMains() -> [RawSymbol] {
        accepted(from: reads.map { ($0.symbol.main, $0.attempt) })
    }

    private func accepted(from reads: [Read]) -> [RawSymbol] {
        var accepted: [RawSymbol] = []
        for (symbol, attempt) in reads where !accepted.contains(where: { $0.isSameRead(as: symbol) }) {
            if requiresAgreement {
                if Self.isUncontradicted(symbol, in: reads) && Self.isConfirmed(symbol, in: reads, acrossDecoders: true) {
                    accepted.append(symbol)
                }
            } else if symbol.isQR || Self.prevails(symbol, in: reads) && (attempt.isPlain || Self.isConfirmed(symbol, in: reads)) {
                accepted.append(symbol)
            }
        }
        return accepted
    }

    /// The reads of `main` with an add-on.
    private func addOnReads(of main: RawSymbol) -> [RawSymbol] {
        reads.map(\.symbol).filter { !$0.addOn.isEmpty && $0.main.isSameRead(as: main) }
    }

    /// `main` with its add-on, when every read of an add-on there gave the same one and two
    /// independent attempts or both decoders read it; else nil.
    private func confirmedAddOn(of main: RawSymbol) -> RawSymbol? {
        let full = addOnReads(of: main)
        guard let first = full.first, full.allSatisfy({ $0.data == first.data }),
              Self.isConfirmed(first, in: reads, acrossDecoders: true) else { return nil }
        return first
    }

    /// `main` with its add-on, when some read gave one there and none gave another; else nil.
    /// The caller expects an add-on, so one read is enough: its own parity pattern (EAN-5) or
    /// value check (EAN-2) has already been met.
    private func agreedAddOn(of main: RawSymbol) -> RawSymbol? {
        let full = addOnReads(of: main)
        guard let first = full.first, full.allSatisfy({ $0.data == first.data }) else { return nil }
        return first
    }

    private static func isUncontradicted(_ symbol: RawSymbol, in reads: [Read]) -> Bool {
        !reads.contains { $0.symbol.contradicts(symbol) }
    }

    /// Whether `symbol` may be reported against the other texts read in its place: when there
    /// are none, or when two decoders read it in independent attempts and each other text was
    /// read by one decoder only, however often. One decoder can repeat its own misread of a
    /// soft EAN across copies; two decoders, sharing neither algorithm nor copy, agreeing on
    /// the same wrong number is far less likely than one of them going wrong.
    private static func prevails(_ symbol: RawSymbol, in reads: [Read]) -> Bool {
        let rivals = reads.filter { $0.symbol.contradicts(symbol) }
        guard !rivals.isEmpty else { return true }
        return isReadByTwoDecoders(symbol, in: reads) && rivals.allSatisfy { rival in
            // The same number with another add-on or none is no misread to outvote: with
            // `.always` the main number alone would be a partial read.
            guard rival.symbol.main.data != symbol.main.data else { return false }
            // Every read of the rival's text there or beside the rival read.
            return reads.filter { $0.symbol.data == rival.symbol.data && ($0.symbol.isSameRead(as: rival.symbol) || $0.symbol.contradicts(symbol)) }
                .allSatisfy { $0.attempt.decoder == rival.attempt.decoder }
        }
    }

    /// Whether two different decoders read `symbol` in independent attempts.
    private static func isReadByTwoDecoders(_ symbol: RawSymbol, in reads: [Read]) -> Bool {
        let agreeing = reads.filter { $0.symbol.isSameRead(as: symbol) }.map(\.attempt)
        return agreeing.contains { first in
            agreeing.contains { $0.decoder != first.decoder && $0.isIndependent(of: first) }
        }
    }

    /// Whether two independent attempts read `symbol`; `acrossDecoders` also counts both
    /// decoders reading the same copy, whose algorithms share nothing.
    private static func isConfirmed(_ symbol: RawSymbol, in reads: [Read], acrossDecoders: Bool = false) -> Bool {
        let agreeing = reads.filter { $0.symbol.isSameRead(as: symbol) }.map(\.attempt)
        return agreeing.contains { first in
            agreeing.contains { $0.isIndependent(of: first) || acrossDecoders && $0.decoder != first.decoder }
        }
    }
}
