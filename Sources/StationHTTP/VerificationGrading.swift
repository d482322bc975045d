import Symbology
import Verification

/// How uploaded QR labels are graded when a line sets a minimum grade: against the ideal
/// module grid of the bytes read, rebuilt at the symbol's error-correction level, as
/// `tracestation verify` grades.
enum VerificationGrading {
    static let qrReference = Verifier.Grading { symbol in
        guard symbol.symbology == .qr, let level = symbol.errorCorrectionLevel.flatMap(QRErrorCorrection.init(rawValue:)),
              let matrix = try? QRCode.matrix(for: symbol.bytes, options: QROptions(errorCorrection: level), gs1: symbol.isGS1) else { return nil }
        return QRReferenceGrid(size: matrix.size, modules: matrix.modules)
    }
}
