/// The verdict on one label image, written as one JSON line.
public struct VerificationResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// The label reads as an expected code not verified before.
        case pass
        /// As for `pass`, but the label grades below the minimum grade (or cannot be graded).
        case fail
        /// The label reads, confirmed by a second independent read, as another code.
        case wrong
        /// The label reads as a code already verified.
        case duplicate
        /// No symbol could be read.
        case unreadable
        /// The image itself could not be read (corrupt, truncated, empty, too large, not an image).
        case error
    }

    /// Why a label failed, and against a register (the ledger's batch) why it is wrong or a
    /// duplicate.
    public enum Reason: String, Sendable, Codable {
        /// `wrong`: the code belongs to another batch, named in `batch`.
        case otherBatch = "other-batch"
        /// `wrong`: the batch's code was voided (its label was reprinted or scrapped).
        case voided
        /// `wrong`: no code with this content was issued.
        case notIssued = "not-issued"
        /// `duplicate`: the label was already verified, and passed or failed.
        case verifiedPass = "verified-pass"
        case verifiedFail = "verified-fail"
        /// `fail`: the grade is below the minimum, or the symbol could not be graded.
        case lowGrade = "low-grade"
        case ungradable
    }

    /// The file, or `stdin#<n>` for the n-th frame of a stream.
    public var file: String
    public var status: Status
    /// The expected code the read matched, when one did.
    public var expected: String?
    /// The text read, for every status but `unreadable` and `error`.
    public var read: String?
    public var symbology: BarcodeSymbology?
    public var grade: QualityGrade?
    public var reason: Reason?
    /// The batch the code read belongs to, when a register knows it.
    public var batch: Int64?
    /// The register events recorded for this image, in order (`printed`, `verified-pass`,
    /// `verified-fail`); they are durable before the result is returned.
    public var recorded: [String]?
    /// Load, decode and match, in milliseconds.
    public var ms: Double
    /// Why the image could not be read (`error` only).
    public var error: String?

    public init(
        file: String, status: Status, expected: String? = nil, read: String? = nil, symbology: BarcodeSymbology? = nil,
        grade: QualityGrade? = nil, reason: Reason? = nil, batch: Int64? = nil, recorded: [String]? = nil, ms: Double,
        error: String? = nil
    ) {
        self.file = file
        self.status = status
        self.expected = expected
        self.read = read
        self.symbology = symbology
        self.grade = grade
        self.reason = reason
        self.batch = batch
        self.recorded = recorded
        self.ms = ms
        self.error = error
    }
}
