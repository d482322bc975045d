import Foundation
import GRDB

extension SQLiteLedger {
    public func createBatch(_ spec: BatchSpec) async throws(LedgerError) -> Batch {
        try write { db in
            let now = Timestamp.now()
            try db.execute(sql: "INSERT INTO products (gtin) VALUES (?) ON CONFLICT (gtin) DO NOTHING", arguments: [spec.gtin])
            let product = try Int64.fetchOne(db, sql: "SELECT id FROM products WHERE gtin = ?", arguments: [spec.gtin])!
            try db.execute(sql: """
                INSERT INTO batches (product_id, gtin, lot, production_date, quantity, overage_percent, domain, serial_length, created_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """, arguments: [product, spec.gtin, spec.lot, spec.productionDate, spec.quantity, spec.overagePercent,
                                 spec.domain, spec.serialLength, now])
            let id = db.lastInsertedRowID
            var chain = try ChainAppender(db, station: station)
            try chain.append(time: now, batch: id, code: nil, kind: .batchCreated, details: spec.details)
            return Batch(id: id, spec: spec, createdAt: now, state: .open, issuedCount: 0)
        }
    }

    public func batch(_ id: Int64) async throws(LedgerError) -> Batch {
        try read { db in try Self.fetchBatch(db, id) }
    }

    public func batches() async throws(LedgerError) -> [Batch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM batches ORDER BY id").map(Self.batch(row:))
        }
    }

    public func close(batch id: Int64, signer: CheckpointSigner, override: CloseOverride?) async throws(LedgerError) -> Checkpoint {
        try write { db in
            let batch = try Self.fetchBatch(db, id)
            guard batch.state == .open else { throw LedgerError("batch \(id)", .batchClosed) }
            let counts = try Self.reconcile(db, scope: .batch(id))
            if !counts.isBalanced && override == nil {
                throw LedgerError("batch \(id)", .unbalanced(counts.problems.joined(separator: "; ")))
            }
            var chain = try ChainAppender(db, station: station)
            let message = Checkpoint.message(batch: id, lastSeq: chain.lastSeq, lastHash: chain.lastHash, counts: counts, override: override)
            let checkpoint = Checkpoint(batch: id, lastSeq: chain.lastSeq, lastHash: chain.lastHash, counts: counts, override: override,
                                        publicKey: signer.publicKey, signature: try signer.sign(message))
            let seq = try chain.append(time: Timestamp.now(), batch: id, code: nil, kind: .batchClosed, details: checkpoint.details)
            try db.execute(sql: "UPDATE batches SET state = 'closed' WHERE id = ?", arguments: [id])
            try db.execute(sql: """
                INSERT INTO checkpoints (batch_id, seq, last_seq, last_hash, public_key, signature, override_reason, lead)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, seq, checkpoint.lastSeq, Data(checkpoint.lastHash), Data(checkpoint.publicKey),
                                 Data(checkpoint.signature), override?.reason, override?.lead])
            return checkpoint
        }
    }

    static func fetchBatch(_ db: Database, _ id: Int64) throws -> Batch {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [id]) else {
            throw LedgerError("batch \(id)", .unknownBatch)
        }
        return try batch(row: row)
    }

    static func batch(row: Row) throws -> Batch {
        let spec = try BatchSpec(
            gtin: row["gtin"], lot: row["lot"], productionDate: row["production_date"], quantity: row["quantity"],
            overagePercent: row["overage_percent"], domain: row["domain"], serialLength: row["serial_length"]
        )
        let state: String = row["state"]
        return Batch(id: row["id"], spec: spec, createdAt: row["created_at"], state: Batch.State(rawValue: state) ?? .closed,
                     issuedCount: row["issued_count"])
    }
}
