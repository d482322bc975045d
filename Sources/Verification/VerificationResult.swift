/// The verdict on one label image, written as one JSON line.
public struct VerificationResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// The label reads as an expected code not verified before.
        case pass
        /// The label reads, confirmed by a second independent read, as another code.
        case wrong
        /// The label reads as a code already verified.
        case duplicate
        /// No symbol could be read.
        case unreadable
        /// The image itself could not be read (corrupt, truncated, empty, too large, not an image).
        case error
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
    /// Load, decode and match, in milliseconds.
    public var ms: Double
    /// Why the image could not be read (`error` only).
    public var error: String?

    public init(
        file: String, status: Status, expected: String? = nil, read: String? = nil, symbology: BarcodeSymbology? = nil,
        grade: QualityGrade? = nil, ms: Double, error: String? = nil
    ) {
        self.file = file
        self.status = status
        self.expected = expected
        self.read = read
        self.symbology = symbology
        self.grade = grade
        self.ms = ms
        self.error = error
    }
}
