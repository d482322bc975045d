import PostgresNIO

extension PostgresLedger {
    /// Replays the whole chain, then compares the derived tables with the replay, as
    /// `SQLiteLedger.verifyAudit` does; one snapshot for all of it. Events and codes stream
    /// from the server rather than being read into memory whole.
    public func verifyAudit(trustedKey: [UInt8]?) async throws(LedgerError) -> AuditReport {
        try await read { connection in
            let codeCount = try await Self.rows("SELECT count(*) FROM codes", on: connection)[0].decode(Int.self)
            var replay = AuditReplay(trustedKey: trustedKey, expectedCodes: codeCount)
            var brokenAt: Int64?
            var findings: [String] = []
            let events = try await connection.query("""
                SELECT seq, time, station, batch_id, code, kind, details, prev_hash, hash FROM events ORDER BY seq
                """, logger: Self.logger)
            for try await row in events {
                let (seq, time, station, batch, code, kind, details, previousHash, hash) =
                    try row.decode((Int64, Int64, String, Int64?, String?, String, String, ByteBuffer, ByteBuffer).self)
                let event = LedgerEvent(seq: seq, time: time, station: station, batch: batch, code: code, kind: kind, details: details,
                                        previousHash: Array(previousHash.readableBytesView), hash: Array(hash.readableBytesView))
                if let problem = replay.consume(event) {
                    brokenAt = event.seq
                    findings.append(problem)
                    break
                }
            }
            if brokenAt == nil {
                findings += try await Self.compareDerivedTables(with: replay, on: connection)
            }
            return AuditReport(eventsChecked: replay.nextSeq - 1, lastHash: replay.head, checkpointsVerified: replay.checkpoints.count,
                               firstBrokenEvent: brokenAt, findings: findings)
        }
    }

    private static func compareDerivedTables(with replay: AuditReplay, on connection: PostgresConnection) async throws -> [String] {
        var check = DerivedTableCheck(replay: replay)
        let codes = try await connection.query("SELECT id, value, batch_id, state, reprint_of FROM codes ORDER BY id", logger: logger)
        for try await row in codes {
            let (id, value, batch, state, reprintOf) = try row.decode((Int64, String, Int64, String, Int64?).self)
            guard check.code(id: id, value: value, batch: batch, state: state, reprintOf: reprintOf) else { break }
        }
        check.finishCodes()
        check.leases(try await rows("SELECT id, station, batch_id, first_code_id, last_code_id FROM code_leases", on: connection).map { row in
            try row.decode((Int64, String, Int64, Int64, Int64).self)
        })
        check.batches(try await rows("SELECT \(unescaped: batchColumns) FROM batches ORDER BY id", on: connection).map(batch(row:)))
        check.verifications(try await rows("SELECT count(*) FROM verifications", on: connection)[0].decode(Int.self))
        check.checkpoints(try await rows("SELECT batch_id, last_seq, last_hash, signature FROM checkpoints", on: connection).map { row in
            let (batch, lastSeq, lastHash, signature) = try row.decode((Int64, Int64, ByteBuffer, ByteBuffer).self)
            return (batch, lastSeq, Array(lastHash.readableBytesView), Array(signature.readableBytesView))
        })
        check.deliveredChunks(try await rows("""
            SELECT idempotency_key, code_count FROM report_chunks WHERE state = 'delivered' ORDER BY id
            """, on: connection).map { row in try row.decode((String, Int).self) })
        return check.findings
    }
}
