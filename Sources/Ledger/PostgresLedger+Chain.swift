import PostgresNIO

/// Appends events to the chain inside a transaction that holds the writer lock.
///
/// Events are hashed here one by one and inserted in one statement per call of `insert`
/// (arrays unnested by the server), so a block of a thousand issued codes costs one round
/// trip for its events instead of a thousand.
struct PostgresChain {
    struct Event {
        let seq: Int64
        let time: Int64
        let batch: Int64?
        let code: String?
        let kind: EventKind
        let details: String
        let previousHash: [UInt8]
        let hash: [UInt8]
    }

    let station: String
    private(set) var lastSeq: Int64
    private(set) var lastHash: [UInt8]
    private var encoding: [UInt8] = []

    /// Reads the chain head; call only inside the transaction that appends.
    init(on connection: PostgresConnection, station: String) async throws {
        self.station = station
        if let row = try await PostgresLedger.rows("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1", on: connection).first {
            let (seq, hash) = try row.decode((Int64, ByteBuffer).self)
            lastSeq = seq
            lastHash = Array(hash.readableBytesView)
        } else {
            lastSeq = 0
            lastHash = EventHash.genesis
        }
    }

    var nextSeq: Int64 { lastSeq + 1 }

    /// The next event, hashed onto the chain; it is stored by `insert`.
    mutating func event(time: Int64, batch: Int64?, code: String?, kind: EventKind, details: String) -> Event {
        let seq = lastSeq + 1
        let hash = EventHash.hash(previous: lastHash, seq: seq, time: time, station: station, batch: batch,
                                  code: code, kind: kind.rawValue, details: details, encoding: &encoding)
        let event = Event(seq: seq, time: time, batch: batch, code: code, kind: kind, details: details, previousHash: lastHash, hash: hash)
        lastSeq = seq
        lastHash = hash
        return event
    }

    /// Hashes and stores one event; returns its seq.
    @discardableResult
    mutating func append(on connection: PostgresConnection, time: Int64, batch: Int64?, code: String?, kind: EventKind,
                         details: String) async throws -> Int64 {
        let event = event(time: time, batch: batch, code: code, kind: kind, details: details)
        try await Self.insert([event], station: station, on: connection)
        return event.seq
    }

    /// Stores events made by `event(…)`, in their order. Arrays cannot hold a NULL through
    /// postgres-nio's encoding, so a missing batch travels as 0 and a missing code as ""
    /// (neither is ever real: batch ids start at 1, codes are URIs).
    static func insert(_ events: [Event], station: String, on connection: PostgresConnection) async throws {
        guard !events.isEmpty else { return }
        try await PostgresLedger.run("""
            INSERT INTO events (seq, time, station, batch_id, code, kind, details, prev_hash, hash)
            SELECT e.seq, e.time, \(station), NULLIF(e.batch_id, 0), NULLIF(e.code, ''), e.kind, e.details, e.prev_hash, e.hash
            FROM unnest(\(events.map(\.seq)), \(events.map(\.time)), \(events.map { $0.batch ?? 0 }), \(events.map { $0.code ?? "" }),
                        \(events.map(\.kind.rawValue)), \(events.map(\.details)), \(events.map { ByteBuffer(bytes: $0.previousHash) }),
                        \(events.map { ByteBuffer(bytes: $0.hash) }))
                AS e(seq, time, batch_id, code, kind, details, prev_hash, hash)
            ORDER BY e.seq
            """, on: connection)
    }
}
