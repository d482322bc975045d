import Ledger
/// The whole station's set-up, as read from its configuration file: who it is, where its
/// ledger lives, its lines, where it reports, and who may use its API.
public struct StationSettings: Sendable, Hashable {
    /// What a bearer token allows; each role may do what the ones before it may.
    public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Starts, pauses and resumes batches, sends triggers, uploads images.
        case operator_ = "operator"
        /// Also voids labels and records verifications.
        case quality
        /// Also creates and closes batches, overrides an unbalanced close.
        case lead
        /// Also changes products and configuration.
        case admin

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public struct User: Sendable, Hashable {
        public var name: String
        public var role: Role
        /// The bearer token, as configured (from the file or an environment variable).
        public var token: String

        public init(name: String, role: Role, token: String) {
            self.name = name
            self.role = role
            self.token = token
        }
    }

    /// Unique within the plant, such as `WX-01`; recorded with every ledger event.
    public var stationID: String
    /// The station's local SQLite file: its ledger when `ledgerURL` is nil; its folder also
    /// holds the run journal (`<path>.runs.json`).
    public var ledgerPath: String
    /// The plant's PostgreSQL ledger (`postgres://user@host:5432/database?sslmode=require`),
    /// shared by its stations; nil keeps the ledger in `ledgerPath`. May hold a password, so
    /// show `ledgerDisplayURL` instead.
    public var ledgerURL: String?
    /// With `ledgerURL`: how many codes the station leases ahead (`ledger.lease_reserve`) and
    /// how long it waits for the database before it journals offline (`ledger.answer_timeout`).
    public var sharedLedger = BufferedLedger.Options()
    public var lines: [LineSettings]
    /// The reporting profile (producer, products, platform endpoint): `config/reporting.yaml`.
    public var reportingProfile: String?
    /// The HTTP API and dashboard port.
    public var httpPort: Int
    public var users: [User]
    /// Where label images and reports are written.
    public var outputDirectory: String

    public init(stationID: String = "station-1", ledgerPath: String = "data/station.sqlite", ledgerURL: String? = nil,
                lines: [LineSettings] = [LineSettings(id: "line-1")],
                reportingProfile: String? = nil, httpPort: Int = 8080, users: [User] = [], outputDirectory: String = "out") {
        self.stationID = stationID
        self.ledgerPath = ledgerPath
        self.ledgerURL = ledgerURL
        self.lines = lines
        self.reportingProfile = reportingProfile
        self.httpPort = httpPort
        self.users = users
        self.outputDirectory = outputDirectory
    }
}
