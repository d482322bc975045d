import Foundation
import GRDB
import TraceCodes

extension SQLiteLedger {
    /// Draws at most this many serials for one code before giving up: with 12 characters a
    /// single repeat is already rare, so many in a row mean the serial space is nearly full.
    static let maximumDraws = 100

    /// Reserves `count` codes in one transaction; returns only after the commit.
    ///
    /// Uniqueness is the database's: `INSERT OR IGNORE` against the UNIQUE index on
    /// (product_id, serial) skips a repeated serial, which is then drawn again (see the v2
    /// migration for why that index alone keeps every value unique). Codes are never
    /// deleted, so a voided code can never come back.
    public func issue(batch id: Int64, count: Int) async throws(LedgerError) -> [IssuedCode] {
        guard count > 0 else { throw LedgerError("batch \(id)", .invalidInput("count must be at least 1, not \(count)")) }
        return try write { db in
            let batch = try Self.fetchBatch(db, id)
            try Self.checkCanIssue(batch, count: count)
            var issuer = try CodeIssuer(db, batch: batch, station: station)
            var codes: [IssuedCode] = []
            codes.reserveCapacity(count)
            for _ in 0..<count {
                codes.append(try issuer.issue(reprintOf: nil))
            }
            try issuer.recordLease()
            try db.execute(sql: "UPDATE batches SET issued_count = issued_count + ? WHERE id = ?", arguments: [count, id])
            return codes
        }
    }

    public func reprint(code value: String, reason: String) async throws(LedgerError) -> IssuedCode {
        try write { db in
            var recorder = try LabelRecorder(db, station: station)
            let original = try recorder.record(LabelChange(code: value, event: .voided(reason: reason)))
            let batch = try Self.fetchBatch(db, original.batch)
            try Self.checkCanIssue(batch, count: 1)
            // Made after the void, so it appends after it.
            var issuer = try CodeIssuer(db, batch: batch, station: station)
            let code = try issuer.issue(reprintOf: (id: original.id, value: value))
            try issuer.recordLease()
            try db.execute(sql: "UPDATE batches SET issued_count = issued_count + 1 WHERE id = ?", arguments: [batch.id])
            return code
        }
    }

    static func checkCanIssue(_ batch: Batch, count: Int) throws(LedgerError) {
        guard batch.state == .open else { throw LedgerError("batch \(batch.id)", .batchClosed) }
        guard batch.issuedCount + count <= batch.limit else {
            throw LedgerError("batch \(batch.id)", .overIssue(requested: count, issued: batch.issuedCount, limit: batch.limit))
        }
    }
}

/// Writes codes and their events for one batch inside one transaction, and leases them to
/// the station.
struct CodeIssuer {
    private let db: Database
    private let station: String
    /// The ids of the codes issued so far: one range, as the transaction holds the writer.
    private var issuedIDs: ClosedRange<Int64>?
    private let batch: Batch
    private let product: Int64
    private let template: CodeTemplate
    private var serials: RandomSerialGenerator<BufferedSystemRandom>
    private var chain: ChainAppender
    private let insert: RowStatement
    private let time = Timestamp.now()

    init(_ db: Database, batch: Batch, station: String) throws {
        self.db = db
        self.station = station
        self.batch = batch
        product = try Int64.fetchOne(db, sql: "SELECT product_id FROM batches WHERE id = ?", arguments: [batch.id])!
        template = try CodeTemplate(builder: batch.spec.codeBuilder(), domain: batch.spec.domain, serialLength: batch.spec.serialLength)
        serials = try RandomSerialGenerator(length: batch.spec.serialLength, source: BufferedSystemRandom())
        chain = try ChainAppender(db, station: station)
        insert = try RowStatement(db, sql: """
            INSERT OR IGNORE INTO codes (batch_id, product_id, scheme, value, element_string, gtin, serial, state, reprint_of, issued_at, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?)
            """)
        // The batch's values, the same for every code: SQLite keeps bindings across runs.
        insert.bind(batch.id, at: 1)
        insert.bind(product, at: 2)
        insert.bind(IssuedCode.gs1Scheme, at: 3)
        insert.bind(batch.spec.gtin, at: 6)
        insert.bind(time, at: 9)
    }

    /// Draws serials until one is new for the product: the UNIQUE index on (product_id,
    /// serial) ignores a repeat, for which the insert changes no row.
    mutating func issue(reprintOf original: (id: Int64, value: String)?) throws -> IssuedCode {
        for _ in 0..<SQLiteLedger.maximumDraws {
            let serial = try serials.next()
            let value = template.digitalLink(serial: serial)
            let bracketed = template.elementString(serial: serial)
            insert.bind(value, at: 4)
            insert.bind(bracketed, at: 5)
            insert.bind(serial, at: 7)
            insert.bind(original?.id, at: 8)
            insert.bind(chain.nextSeq, at: 10)
            guard try insert.run() == 1 else { continue }
            let id = db.lastInsertedRowID
            issuedIDs = issuedIDs.map { $0.lowerBound...id } ?? id...id
            let details = original.map { CanonicalJSON.text(["reprint_of": .string($0.value)]) } ?? CanonicalJSON.empty
            try chain.append(time: time, batch: batch.id, code: value, kind: .issued, details: details)
            return IssuedCode(scheme: IssuedCode.gs1Scheme, value: value, elementString: bracketed, serial: serial,
                              batch: batch.id, reprintOf: original?.value)
        }
        throw LedgerError("batch \(batch.id)", .serialSpaceExhausted(attempts: SQLiteLedger.maximumDraws))
    }

    /// Records the codes issued so far as one lease to the station.
    func recordLease() throws {
        guard let issuedIDs else { return }
        try db.execute(sql: """
            INSERT INTO code_leases (station, batch_id, first_code_id, last_code_id, granted_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [station, batch.id, issuedIDs.lowerBound, issuedIDs.upperBound, time])
    }
}
