/// One line's status as its station last published it to the shared ledger, so that every
/// station (and `serve --plant`) can show the whole plant. A heartbeat, not a record: the
/// `line_status` table keeps only the latest row per station and line, outside the hash chain,
/// and the audit does not read it.
public struct PublishedLineStatus: Sendable, Hashable {
    public var station: String
    public var line: String
    /// When the station published it, ms since 1970 UTC by the station's clock.
    public var updatedAt: Int64
    /// The line's status as JSON text (the API's line body), stored and returned as is.
    public var status: String

    public init(station: String, line: String, updatedAt: Int64, status: String) {
        self.station = station
        self.line = line
        self.updatedAt = updatedAt
        self.status = status
    }
}
