import GRDB

extension SQLiteLedger {
    /// One point query on the unique (product_id, serial) index, so a verifier can ask per
    /// label image whatever the batch's size, and always sees the current state.
    public func codeStatus(gtin: String, serial: String) async throws(LedgerError) -> CodeStatus? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.value, c.batch_id, c.state FROM codes c JOIN products p ON p.id = c.product_id
                WHERE p.gtin = ? AND c.serial = ? AND c.scheme = ?
                """, arguments: [gtin, serial, IssuedCode.gs1Scheme]).map { row in
                CodeStatus(value: row[0], batch: row[1], state: LabelState(rawValue: row[2]) ?? .voided)
            }
        }
    }
}
