import Foundation
import GRDB

/// Appends events to the chain inside a write transaction.
struct ChainAppender {
    private let db: Database
    private let station: String
    private let statement: RowStatement
    private(set) var lastSeq: Int64
    private(set) var lastHash: [UInt8]
    private var encoding: [UInt8] = []

    /// Reads the chain head; call only inside the transaction that appends.
    init(_ db: Database, station: String) throws {
        self.db = db
        self.station = station
        statement = try RowStatement(db, sql: """
            INSERT INTO events (seq, time, station, batch_id, code, kind, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") {
            lastSeq = row[0]
            lastHash = [UInt8](row[1] as Data)
        } else {
            lastSeq = 0
            lastHash = EventHash.genesis
        }
    }

    var nextSeq: Int64 { lastSeq + 1 }

    @discardableResult
    mutating func append(time: Int64, batch: Int64?, code: String?, kind: EventKind, details: String) throws -> Int64 {
        let seq = lastSeq + 1
        let hash = EventHash.hash(previous: lastHash, seq: seq, time: time, station: station, batch: batch,
                                  code: code, kind: kind.rawValue, details: details, encoding: &encoding)
        statement.bind(seq, at: 1)
        statement.bind(time, at: 2)
        statement.bind(station, at: 3)
        statement.bind(batch, at: 4)
        statement.bind(code, at: 5)
        statement.bind(kind.rawValue, at: 6)
        statement.bind(details, at: 7)
        statement.bind(lastHash, at: 8)
        statement.bind(hash, at: 9)
        try statement.run()
        lastSeq = seq
        lastHash = hash
        return seq
    }
}
