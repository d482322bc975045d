import Imaging

/// Verdicts against a register (the ledger's batch) rather than a list. The register is the
/// run's memory: a label passed here or at another station is verified there, so a second
/// image of it is a duplicate.
extension Verifier {
    /// The verdict on the image file at `path` against `register`'s batch. A `pass` or `fail`
    /// is recorded in the register before this returns; when the register fails, the verdict
    /// is `error` and nothing is recorded.
    public func verify(file path: String, against register: some LabelRegister) async -> VerificationResult {
        let start = ContinuousClock.now
        do {
            let image = try ImageFile.read(path: path, limits: limits)
            return await verify(image, name: path, against: register, since: start)
        } catch {
            return VerificationResult(file: path, status: .error, ms: Self.milliseconds(since: start), error: error.description)
        }
    }

    /// The verdict on an image already in memory, named `name`, against `register`'s batch.
    public func verify(_ image: GrayImage, name: String, against register: some LabelRegister) async -> VerificationResult {
        await verify(image, name: name, against: register, since: .now)
    }

    private func verify(_ image: GrayImage, name: String, against register: some LabelRegister,
                        since start: ContinuousClock.Instant) async -> VerificationResult {
        let symbols: [DecodedSymbol]
        do {
            symbols = try decode(image)
        } catch {
            return VerificationResult(file: name, status: .error, ms: Self.milliseconds(since: start), error: error.description)
        }
        do {
            return finished(try await verdict(on: symbols, in: image, name: name, against: register), symbols: symbols, in: image, since: start)
        } catch {
            return VerificationResult(file: name, status: .error, ms: Self.milliseconds(since: start),
                                      error: "nothing recorded for this image: the register failed: \(error)")
        }
    }

    private func verdict(on symbols: [DecodedSymbol], in image: GrayImage, name: String,
                         against register: some LabelRegister) async throws -> VerificationResult {
        guard !symbols.isEmpty else { return VerificationResult(file: name, status: .unreadable, ms: 0) }
        for symbol in symbols {
            guard let label = try await registered(symbol, in: register), label.batch == register.batch else { continue }
            var result = VerificationResult(file: name, status: .pass, expected: label.code, read: symbol.text, symbology: symbol.symbology,
                                            batch: label.batch, ms: 0)
            switch label.state {
            case .voided: continue
            case .verifiedPass: (result.status, result.reason) = (.duplicate, .verifiedPass)
            case .verifiedFail: (result.status, result.reason) = (.duplicate, .verifiedFail)
            case .unprinted, .printed:
                judgeGrade(of: symbol, in: image, into: &result)
                result.recorded = try await register.recordVerification(of: label, passed: result.status == .pass)
            }
            return result
        }
        // A wrong verdict rejects a label: it needs a second, independent read of the same code.
        let confirmed = confirmedReads(in: image)
        guard let first = confirmed.first else { return VerificationResult(file: name, status: .unreadable, ms: 0) }
        for symbol in confirmed {
            guard let label = try await registered(symbol, in: register) else { continue }
            return VerificationResult(file: name, status: .wrong, read: symbol.text, symbology: symbol.symbology,
                                      reason: label.batch == register.batch ? .voided : .otherBatch, batch: label.batch, ms: 0)
        }
        return VerificationResult(file: name, status: .wrong, read: first.text, symbology: first.symbology, reason: .notIssued, ms: 0)
    }

    /// The register's label for the code `symbol` carries: found by GTIN and serial, and only
    /// when its content (lot, dates, any other element) is the one issued.
    private func registered(_ symbol: DecodedSymbol, in register: some LabelRegister) async throws -> RegisteredLabel? {
        guard let elements = CodeKey.gs1(symbol), let gtin = elements[ai: "01"], let serial = elements[ai: "21"],
              let label = try await register.label(gtin: gtin, serial: serial), CodeKey(expected: label.code) == CodeKey(symbol) else { return nil }
        return label
    }
}
