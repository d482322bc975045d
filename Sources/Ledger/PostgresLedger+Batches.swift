import PostgresNIO

extension PostgresLedger {
    public func createBatch(_ spec: BatchSpec) async throws(LedgerError) -> Batch {
        try await write { [station] connection in
            let now = Timestamp.now()
            try await Self.run("INSERT INTO products (gtin) VALUES (\(spec.gtin)) ON CONFLICT (gtin) DO NOTHING", on: connection)
            let id = try await Self.rows("""
                INSERT INTO batches (product_id, gtin, lot, production_date, quantity, overage_percent, domain, serial_length, created_at, state)
                SELECT id, \(spec.gtin), \(spec.lot), \(spec.productionDate), \(spec.quantity), \(spec.overagePercent), \(spec.domain),
                       \(spec.serialLength), \(now), 'open'
                FROM products WHERE gtin = \(spec.gtin)
                RETURNING id
                """, on: connection)[0].decode(Int64.self)
            var chain = try await PostgresChain(on: connection, station: station)
            try await chain.append(on: connection, time: now, batch: id, code: nil, kind: .batchCreated, details: spec.details)
            return Batch(id: id, spec: spec, createdAt: now, state: .open, issuedCount: 0)
        }
    }

    public func batch(_ id: Int64) async throws(LedgerError) -> Batch {
        try await read { connection in try await Self.fetchBatch(id, on: connection) }
    }

    public func batches() async throws(LedgerError) -> [Batch] {
        try await read { connection in
            try await Self.rows("SELECT \(unescaped: Self.batchColumns) FROM batches ORDER BY id", on: connection).map(Self.batch(row:))
        }
    }

    public func close(batch id: Int64, signer: CheckpointSigner, override: CloseOverride?) async throws(LedgerError) -> Checkpoint {
        try await write { [station] connection in
            let batch = try await Self.fetchBatch(id, on: connection)
            guard batch.state == .open else { throw LedgerError("batch \(id)", .batchClosed) }
            let counts = try await Self.reconcile(scope: .batch(id), on: connection)
            if !counts.isBalanced && override == nil {
                throw LedgerError("batch \(id)", .unbalanced(counts.problems.joined(separator: "; ")))
            }
            var chain = try await PostgresChain(on: connection, station: station)
            let message = Checkpoint.message(batch: id, lastSeq: chain.lastSeq, lastHash: chain.lastHash, counts: counts, override: override)
            let checkpoint = Checkpoint(batch: id, lastSeq: chain.lastSeq, lastHash: chain.lastHash, counts: counts, override: override,
                                        publicKey: signer.publicKey, signature: try signer.sign(message))
            let seq = try await chain.append(on: connection, time: Timestamp.now(), batch: id, code: nil, kind: .batchClosed,
                                             details: checkpoint.details)
            try await Self.run("UPDATE batches SET state = 'closed' WHERE id = \(id)", on: connection)
            try await Self.run("""
                INSERT INTO checkpoints (batch_id, seq, last_seq, last_hash, public_key, signature, override_reason, lead)
                VALUES (\(id), \(seq), \(checkpoint.lastSeq), \(ByteBuffer(bytes: checkpoint.lastHash)), \(ByteBuffer(bytes: checkpoint.publicKey)),
                        \(ByteBuffer(bytes: checkpoint.signature)), \(override?.reason), \(override?.lead))
                """, on: connection)
            return checkpoint
        }
    }

    static let batchColumns =
        "id, gtin, lot, production_date, quantity, overage_percent, domain, serial_length, created_at, state, issued_count"

    /// The batch, locked against other writers' changes until the transaction ends when
    /// `forUpdate` (issuance checks its count, then raises it).
    static func fetchBatch(_ id: Int64, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> Batch {
        guard let row = try await rows("""
            SELECT \(unescaped: batchColumns) FROM batches WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, on: connection).first else {
            throw LedgerError("batch \(id)", .unknownBatch)
        }
        return try batch(row: row)
    }

    /// A `batches` row read with `batchColumns`.
    static func batch(row: PostgresRow) throws -> Batch {
        let (id, gtin, lot, productionDate, quantity, overage, domain, serialLength, createdAt, state, issued) =
            try row.decode((Int64, String, String, String?, Int, Int, String, Int, Int64, String, Int).self)
        let spec = try BatchSpec(gtin: gtin, lot: lot, productionDate: productionDate, quantity: quantity, overagePercent: overage,
                                 domain: domain, serialLength: serialLength)
        return Batch(id: id, spec: spec, createdAt: createdAt, state: Batch.State(rawValue: state) ?? .closed, issuedCount: issued)
    }
}
