import Imaging
import Logging
import Verification

/// Verification from a watched folder: a camera at the printer's exit drops an image of each
/// printed label into the folder, and the line judges it as it judges the virtual printer's
/// renders. It works with any printer, as it needs nothing from the printer but its labels.
///
/// An image is tied to its label by the symbol's data, which carries the label's serial: the
/// line knows every label in the printer or waiting for its verdict, so an image may come in
/// any order, before or after the link proves its label printed. An image that reads as no
/// such label (unreadable, blank, another line's, or a label already judged) is counted in
/// `unmatchedImages`, logged and moved to `failed/`; it voids nothing, since it cannot say
/// which label it should have shown. A printed label whose image does not come within the
/// line's `verificationTimeout` fails instead, and is voided and reprinted like any failure.
extension LineWorkflow {
    /// What one camera image showed.
    enum CameraReading: Sendable {
        /// A label the line is waiting for, and its verdict.
        case label(code: String, verdict: LabelCheck.Verdict)
        /// No label the line is waiting for, and why.
        case unmatched(String)
    }

    /// A label the line may still see an image of, by its symbol's data.
    struct PendingLabel: Sendable {
        let code: String
        let expected: ExpectedSymbol
    }

    /// Reads the folder's images until the line closes; the watch moves each image to `done/`
    /// when it passed, else to `failed/`.
    func watchCamera(_ watch: FolderWatch) {
        cameraWatch = Task { [weak self] in
            do {
                try await watch.run { path in await self?.verifyImage(at: path, watch: watch) ?? false }
            } catch is CancellationError {
            } catch {
                await self?.raise(alarm: "the camera folder \(watch.folder) cannot be watched: \(error)")
            }
        }
    }

    /// A printed label now waits for its verdict; from a camera, for the line's verification
    /// timeout at most.
    func awaitVerdict(_ code: String, _ expected: ExpectedSymbol) {
        awaitingVerdict[code] = expected
        guard case .watchedFolder = settings.verification else { return }
        let timeout = settings.verificationTimeout
        verdictDeadlines[code] = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            await self?.verdictOverdue(code)
        }
    }

    private func verdictOverdue(_ code: String) {
        guard awaitingVerdict[code] != nil else { return }
        settle(code, LabelCheck.Verdict(passed: false, detail: "no camera image within \(settings.verificationTimeout)"))
        publish()
        schedulePump()
        checkRunEnd()
    }

    /// Judges one finished image of the folder and says whether it passed.
    private func verifyImage(at path: String, watch: FolderWatch) async -> Bool {
        guard let check else { return false }
        var labels: [[UInt8]: PendingLabel] = [:]
        for (code, expected) in [flights, awaitingVerdict, unsettled].joined() {
            labels[expected.data] = PendingLabel(code: code, expected: expected)
        }
        let pending = labels
        let reading = await Self.offLoop { Self.read(path, pending: pending, with: check) }
        var passed = false
        switch reading {
        case let .label(code, verdict):
            if settle(code, verdict) {
                passed = verdict.passed
            } else {
                unmatched(path, "it shows \(code), judged before its image came")
            }
        case .unmatched(let reason):
            unmatched(path, reason)
        }
        keep(image: watch.destination(of: path, passed: passed))
        publish()
        schedulePump()
        checkRunEnd()
        return passed
    }

    private func unmatched(_ path: String, _ reason: String) {
        status.unmatchedImages += 1
        var metadata: Logger.Metadata = ["image": "\(path)"]
        if let batch { metadata["batch.id"] = "\(batch.id)" }
        logger.warning("camera image shows no label waiting for one: \(reason)", metadata: metadata)
    }

    /// Decodes the image and ties it to the pending label whose data it reads as.
    private static func read(_ path: String, pending: [[UInt8]: PendingLabel], with check: LabelCheck) -> CameraReading {
        // Every label of a line carries the same template, hence the same symbology.
        guard let symbology = pending.values.first?.expected.symbology else { return .unmatched("no label is waiting for an image") }
        let image: GrayImage
        do {
            image = try ImageFile.read(path: path)
        } catch {
            return .unmatched("the image cannot be read: \(error)")
        }
        let symbols: [DecodedSymbol]
        do {
            symbols = try check.decode(image, as: symbology)
        } catch {
            return .unmatched("no \(symbology) symbol could be read: \(error)")
        }
        guard let label = symbols.lazy.compactMap({ pending[$0.bytes] }).first else {
            guard !symbols.isEmpty else { return .unmatched("no \(symbology) symbol could be read") }
            return .unmatched("it reads \(symbols.map { "\"\($0.text)\"" }.joined(separator: ", ")), no label waiting for an image")
        }
        return .label(code: label.code, verdict: check.judge(symbols, in: image, expected: label.expected))
    }
}
