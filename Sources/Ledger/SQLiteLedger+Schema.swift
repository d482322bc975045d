import GRDB

/// The tables, created by forward-only migrations (a migration, once released, never changes;
/// later versions add new ones).
///
/// `events` is the append-only source of truth; `codes`, `batches.issued_count`/`state`,
/// `verifications` and `checkpoints` are derived from it in the same transaction, and
/// `audit verify` re-derives and compares them. The outbox (v3: `report_destinations`,
/// `reports`, `report_chunks`, `reported_codes`) is the reporting path's durable queue; a
/// chunk's delivery is also a `report-acknowledged` event, which the audit compares with it.
extension SQLiteLedger {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger") { db in
            try db.execute(sql: """
                CREATE TABLE products (
                    id INTEGER PRIMARY KEY,
                    gtin TEXT NOT NULL UNIQUE,
                    name TEXT
                );
                CREATE TABLE batches (
                    id INTEGER PRIMARY KEY,
                    product_id INTEGER NOT NULL REFERENCES products(id),
                    gtin TEXT NOT NULL,
                    lot TEXT NOT NULL,
                    production_date TEXT,
                    quantity INTEGER NOT NULL,
                    overage_percent INTEGER NOT NULL,
                    domain TEXT NOT NULL,
                    serial_length INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    issued_count INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE codes (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    scheme TEXT NOT NULL,
                    value TEXT NOT NULL,
                    element_string TEXT NOT NULL,
                    gtin TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    state TEXT NOT NULL,
                    reprint_of INTEGER REFERENCES codes(id),
                    issued_at INTEGER NOT NULL,
                    last_seq INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX codes_by_scheme_value ON codes(scheme, value);
                CREATE UNIQUE INDEX codes_by_gtin_serial ON codes(gtin, serial);
                CREATE INDEX codes_by_batch_state ON codes(batch_id, state, reprint_of);
                CREATE INDEX codes_by_issued_at ON codes(issued_at, state, reprint_of);
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY,
                    time INTEGER NOT NULL,
                    station TEXT NOT NULL,
                    batch_id INTEGER,
                    code TEXT,
                    kind TEXT NOT NULL,
                    details TEXT NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
                CREATE TABLE verifications (
                    id INTEGER PRIMARY KEY,
                    code_id INTEGER NOT NULL REFERENCES codes(id),
                    seq INTEGER NOT NULL,
                    passed INTEGER NOT NULL,
                    time INTEGER NOT NULL
                );
                CREATE TABLE checkpoints (
                    batch_id INTEGER PRIMARY KEY REFERENCES batches(id),
                    seq INTEGER NOT NULL,
                    last_seq INTEGER NOT NULL,
                    last_hash BLOB NOT NULL,
                    public_key BLOB NOT NULL,
                    signature BLOB NOT NULL,
                    override_reason TEXT,
                    lead TEXT
                );
                CREATE TABLE reports (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    created_at INTEGER NOT NULL,
                    payload TEXT NOT NULL
                );
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    report_id INTEGER NOT NULL REFERENCES reports(id),
                    destination TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER,
                    delivered_at INTEGER
                );
                """)
        }
        migrator.registerMigration("v2: compact code key") { db in
            // One unique index, on (product_id, serial), instead of two on (scheme, value) and
            // (gtin, serial). Serials are random, so every unique index on them takes one
            // random page per code; this one is also the smallest (about 20 bytes an entry),
            // so a million codes' keys stay in the page cache and a block dirties few pages.
            //
            // Never the same code twice still holds: a GS1 item code's value is its Digital
            // Link URI, which carries its GTIN (one product) and serial and parses back to
            // them. Two rows with the same value would have the same product and serial, which
            // this index refuses. Lookups by value go through the same index and then compare
            // the stored value.
            try db.execute(sql: """
                CREATE TABLE codes_v2 (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    product_id INTEGER NOT NULL REFERENCES products(id),
                    scheme TEXT NOT NULL,
                    value TEXT NOT NULL,
                    element_string TEXT NOT NULL,
                    gtin TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    state TEXT NOT NULL,
                    reprint_of INTEGER REFERENCES codes(id),
                    issued_at INTEGER NOT NULL,
                    last_seq INTEGER NOT NULL
                );
                INSERT INTO codes_v2
                    SELECT c.id, c.batch_id, b.product_id, c.scheme, c.value, c.element_string, c.gtin, c.serial, c.state,
                           c.reprint_of, c.issued_at, c.last_seq
                    FROM codes c JOIN batches b ON b.id = c.batch_id ORDER BY c.id;
                DROP TABLE codes;
                ALTER TABLE codes_v2 RENAME TO codes;
                CREATE UNIQUE INDEX codes_by_product_serial ON codes(product_id, serial);
                CREATE INDEX codes_by_batch_state ON codes(batch_id, state, reprint_of);
                CREATE INDEX codes_by_issued_at ON codes(issued_at, state, reprint_of);
                """)
        }
        migrator.registerMigration("v3: report outbox") { db in
            // The v1 `reports` and `outbox` tables were placeholders, never written.
            //
            // A report is queued whole in one transaction: its chunks (the exact bytes to
            // send) and a row per record in `reported_codes`, whose primary key lets each code
            // be reported to a destination once as commissioned and once as voided. A chunk is
            // pending until a 2xx answer (delivered, with the receipt) or a 4xx (dead, with
            // the reason); retries only move its next attempt.
            try db.execute(sql: """
                DROP TABLE outbox;
                DROP TABLE reports;
                CREATE TABLE report_destinations (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE
                );
                CREATE TABLE reports (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    destination_id INTEGER NOT NULL REFERENCES report_destinations(id),
                    station TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    code_count INTEGER NOT NULL,
                    void_count INTEGER NOT NULL,
                    chunk_count INTEGER NOT NULL
                );
                CREATE INDEX reports_by_batch ON reports(batch_id);
                CREATE TABLE report_chunks (
                    id INTEGER PRIMARY KEY,
                    report_id INTEGER NOT NULL REFERENCES reports(id),
                    chunk_index INTEGER NOT NULL,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    body BLOB NOT NULL,
                    code_count INTEGER NOT NULL,
                    void_count INTEGER NOT NULL,
                    first_code TEXT,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    acknowledged_at INTEGER,
                    receipt TEXT,
                    UNIQUE (report_id, chunk_index)
                );
                CREATE INDEX report_chunks_by_state ON report_chunks(state, next_attempt_at);
                CREATE TABLE reported_codes (
                    destination_id INTEGER NOT NULL REFERENCES report_destinations(id),
                    kind TEXT NOT NULL CHECK (kind IN ('commissioned', 'voided')),
                    code_id INTEGER NOT NULL REFERENCES codes(id),
                    chunk_id INTEGER NOT NULL REFERENCES report_chunks(id),
                    PRIMARY KEY (destination_id, kind, code_id)
                ) WITHOUT ROWID;
                CREATE INDEX reported_codes_by_chunk ON reported_codes(chunk_id);
                """)
        }
        migrator.registerMigration("v4: plant line status") { db in
            // Each station's latest status of each of its lines, replaced about once a second:
            // a heartbeat for the plant view, outside the hash chain and the audit.
            try db.execute(sql: """
                CREATE TABLE line_status (
                    station TEXT NOT NULL,
                    line TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    PRIMARY KEY (station, line)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5: code leases and journal syncs") { db in
            // A lease is a block of codes issued to one station (codes are numbered in
            // issuance order, and a block is issued in one transaction, so its ids are one
            // range). Its station prints them, and only its station: a restart takes back its
            // own unsent codes, never another station's. Codes issued before leases existed
            // belong to no lease and to any station that asks.
            //
            // `journal_syncs` holds, per station, the last entry of its offline journal that
            // was replayed onto the chain, so a replay cut short is resumed, never doubled.
            try db.execute(sql: """
                CREATE TABLE code_leases (
                    id INTEGER PRIMARY KEY,
                    station TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    first_code_id INTEGER NOT NULL,
                    last_code_id INTEGER NOT NULL,
                    granted_at INTEGER NOT NULL
                );
                CREATE INDEX code_leases_by_batch ON code_leases(batch_id, first_code_id);
                CREATE TABLE journal_syncs (
                    station TEXT PRIMARY KEY,
                    last_journal_seq INTEGER NOT NULL,
                    last_journal_hash BLOB NOT NULL,
                    synced_at INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }

    func migrate() throws(LedgerError) {
        let migrator = Self.migrator
        let subject = "database \(path)"
        do {
            if options.readOnly {
                try queue.read { db in
                    guard try migrator.hasCompletedMigrations(db) else { throw LedgerError(subject, .cannotOpen("not set up; open it read-write once")) }
                    guard try !migrator.hasBeenSuperseded(db) else { throw LedgerError(subject, .newerSchema) }
                }
            } else {
                try queue.read { db in
                    guard try !migrator.hasBeenSuperseded(db) else { throw LedgerError(subject, .newerSchema) }
                }
                try migrator.migrate(queue)
            }
        } catch {
            throw Self.ledgerError(error, subject: subject, busyTimeout: options.busyTimeout)
        }
    }
}
