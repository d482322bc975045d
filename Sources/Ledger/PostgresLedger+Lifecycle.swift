import PostgresNIO

extension PostgresLedger {
    /// Records all `changes` durably, or none; concurrent callers share commits
    /// (`GroupCommit`), each staying all-or-nothing on its own, as on SQLite.
    public func record(_ changes: [LabelChange]) async throws(LedgerError) {
        guard !changes.isEmpty else { return }
        try await groupCommit.record(changes)
    }

    /// One transaction for several callers' requests; a refused request is rolled back to
    /// its savepoint and the others are kept.
    static func commit(_ requests: [[LabelChange]], client: PostgresClient, station: String, subject: String)
        async -> Result<[LedgerError?], LedgerError> {
        do throws(LedgerError) {
            return .success(try await write(client: client, subject: subject) { connection in
                var recorder = try await PostgresRecorder(on: connection, station: station)
                var refusals: [LedgerError?] = []
                for changes in requests {
                    refusals.append(try await recorder.record(all: changes, on: connection))
                }
                return refusals
            })
        } catch {
            return .failure(error)
        }
    }

    /// One point query on the unique (product_id, serial) index.
    public func codeStatus(gtin: String, serial: String) async throws(LedgerError) -> CodeStatus? {
        try await read { connection in
            try await Self.rows("""
                SELECT c.value, c.batch_id, c.state FROM codes c JOIN products p ON p.id = c.product_id
                WHERE p.gtin = \(gtin) AND c.serial = \(serial) AND c.scheme = \(IssuedCode.gs1Scheme)
                """, on: connection).first.map { row in
                let (value, batch, state) = try row.decode((String, Int64, String).self)
                return CodeStatus(value: value, batch: batch, state: LabelState(rawValue: state) ?? .voided)
            }
        }
    }
}

/// Applies label steps inside one writing transaction: looks the code up, checks the step,
/// appends the event and updates the derived rows. The same rules as SQLite's `LabelRecorder`.
struct PostgresRecorder {
    var chain: PostgresChain
    private var openBatches: [Int64: Bool] = [:]
    private var products: [Substring: Int64] = [:]
    private let time = Timestamp.now()

    init(on connection: PostgresConnection, station: String) async throws {
        chain = try await PostgresChain(on: connection, station: station)
    }

    /// Records every change of one request, or none of them: returns the refusal after
    /// undoing the request's own writes (and the chain head it moved).
    mutating func record(all changes: [LabelChange], on connection: PostgresConnection) async throws -> LedgerError? {
        let saved = self
        let needsSavepoint = changes.count > 1
        if needsSavepoint { try await PostgresLedger.run("SAVEPOINT request", on: connection) }
        var refused: [LedgerError] = []
        for change in changes {
            do {
                try await record(change, on: connection)
            } catch let error as LedgerError {
                refused.append(error)
            }
        }
        if needsSavepoint {
            if !refused.isEmpty { try await PostgresLedger.run("ROLLBACK TO SAVEPOINT request", on: connection) }
            try await PostgresLedger.run("RELEASE SAVEPOINT request", on: connection)
        }
        guard !refused.isEmpty else { return nil }
        self = saved
        return LedgerError("\(refused.count) of \(changes.count) label events", .refused(refused))
    }

    /// Returns the code's row id and batch.
    @discardableResult
    mutating func record(_ change: LabelChange, on connection: PostgresConnection) async throws -> (id: Int64, batch: Int64) {
        guard let key = CodeKey(digitalLink: change.code), let product = try await product(key.gtin, on: connection),
              let row = try await PostgresLedger.rows("""
                  SELECT id, batch_id, state, scheme, value FROM codes WHERE product_id = \(product) AND serial = \(String(key.serial))
                  """, on: connection).first else {
            throw LedgerError("code \(change.code)", .unknownCode)
        }
        let (id, batch, state, scheme, value) = try row.decode((Int64, Int64, String, String, String).self)
        let next = try LabelStepRule.next(after: change, batch: batch, state: state, scheme: scheme, value: value,
                                          batchIsOpen: try await isOpen(batch, on: connection))
        let seq = try await chain.append(on: connection, time: time, batch: batch, code: change.code, kind: change.event.kind,
                                         details: change.event.details)
        try await PostgresLedger.run("UPDATE codes SET state = \(next.rawValue), last_seq = \(seq) WHERE id = \(id)", on: connection)
        if change.event == .verifiedPass || change.event == .verifiedFail {
            try await PostgresLedger.run("""
                INSERT INTO verifications (code_id, seq, passed, time) VALUES (\(id), \(seq), \(change.event == .verifiedPass), \(time))
                """, on: connection)
        }
        return (id, batch)
    }

    private mutating func product(_ gtin: Substring, on connection: PostgresConnection) async throws -> Int64? {
        if let id = products[gtin] { return id }
        let id = try await PostgresLedger.rows("SELECT id FROM products WHERE gtin = \(String(gtin))", on: connection)
            .first?.decode(Int64.self)
        if let id { products[gtin] = id }
        return id
    }

    private mutating func isOpen(_ batch: Int64, on connection: PostgresConnection) async throws -> Bool {
        if let open = openBatches[batch] { return open }
        let state = try await PostgresLedger.rows("SELECT state FROM batches WHERE id = \(batch)", on: connection).first?.decode(String.self)
        let open = state == Batch.State.open.rawValue
        openBatches[batch] = open
        return open
    }
}
