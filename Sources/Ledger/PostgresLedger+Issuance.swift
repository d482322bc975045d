import PostgresNIO
import TraceCodes

extension PostgresLedger {
    /// Reserves `count` codes in one transaction; returns only after the commit.
    ///
    /// Uniqueness: serials are drawn, those the product already has are drawn again, and the
    /// rest are inserted together. The writer lock keeps any other station from inserting
    /// between the check and the insert; the UNIQUE index on (product_id, serial) still
    /// refuses a repeat from anything that bypassed the lock, failing the whole block.
    public func issue(batch id: Int64, count: Int) async throws(LedgerError) -> [IssuedCode] {
        guard count > 0 else { throw LedgerError("batch \(id)", .invalidInput("count must be at least 1, not \(count)")) }
        return try await write { [station] connection in
            let batch = try await Self.fetchBatch(id, forUpdate: true, on: connection)
            try SQLiteLedger.checkCanIssue(batch, count: count)
            var chain = try await PostgresChain(on: connection, station: station)
            return try await Self.issue(count, in: batch, reprintOf: nil, chain: &chain, on: connection)
        }
    }

    public func reprint(code value: String, reason: String) async throws(LedgerError) -> IssuedCode {
        try await write { [station] connection in
            var recorder = try await PostgresRecorder(on: connection, station: station)
            let original = try await recorder.record(LabelChange(code: value, event: .voided(reason: reason)), on: connection)
            let batch = try await Self.fetchBatch(original.batch, forUpdate: true, on: connection)
            try SQLiteLedger.checkCanIssue(batch, count: 1)
            // Issued on the recorder's chain, so it appends after the void.
            return try await Self.issue(1, in: batch, reprintOf: (id: original.id, value: value), chain: &recorder.chain,
                                        on: connection)[0]
        }
    }

    /// Draws, stores and chains `count` codes, and counts them on the batch.
    static func issue(_ count: Int, in batch: Batch, reprintOf original: (id: Int64, value: String)?, chain: inout PostgresChain,
                      on connection: PostgresConnection) async throws -> [IssuedCode] {
        let product = try await rows("SELECT product_id FROM batches WHERE id = \(batch.id)", on: connection)[0].decode(Int64.self)
        let serials = try await newSerials(count, for: batch, product: product, on: connection)
        let template = try CodeTemplate(builder: batch.spec.codeBuilder(), domain: batch.spec.domain, serialLength: batch.spec.serialLength)
        let time = Timestamp.now()
        let firstID = try await rows("SELECT coalesce(max(id), 0) + 1 FROM codes", on: connection)[0].decode(Int64.self)
        let details = original.map { CanonicalJSON.text(["reprint_of": .string($0.value)]) } ?? CanonicalJSON.empty
        var codes: [IssuedCode] = []
        var events: [PostgresChain.Event] = []
        codes.reserveCapacity(count)
        events.reserveCapacity(count)
        for serial in serials {
            let value = template.digitalLink(serial: serial)
            codes.append(IssuedCode(scheme: IssuedCode.gs1Scheme, value: value, elementString: template.elementString(serial: serial),
                                    serial: serial, batch: batch.id, reprintOf: original?.value))
            events.append(chain.event(time: time, batch: batch.id, code: value, kind: .issued, details: details))
        }
        try await run("""
            INSERT INTO codes (id, batch_id, product_id, scheme, value, element_string, gtin, serial, state, reprint_of, issued_at, last_seq)
            SELECT c.id, \(batch.id), \(product), \(IssuedCode.gs1Scheme), c.value, c.element_string, \(batch.spec.gtin), c.serial,
                   'issued', \(original?.id)::bigint, \(time), c.last_seq
            FROM unnest(\(codes.indices.map { firstID + Int64($0) }), \(codes.map(\.value)), \(codes.map(\.elementString)),
                        \(codes.map(\.serial)), \(events.map(\.seq)))
                AS c(id, value, element_string, serial, last_seq)
            ORDER BY c.id
            """, on: connection)
        try await PostgresChain.insert(events, station: chain.station, on: connection)
        // One lease: the ids are one range, assigned under the writer lock.
        try await run("""
            INSERT INTO code_leases (station, batch_id, first_code_id, last_code_id, granted_at)
            VALUES (\(chain.station), \(batch.id), \(firstID), \(firstID + Int64(count) - 1), \(time))
            """, on: connection)
        try await run("UPDATE batches SET issued_count = issued_count + \(count) WHERE id = \(batch.id)", on: connection)
        return codes
    }

    /// `count` distinct serials the product has not used. A round draws what is missing and
    /// asks the server which of them are taken; a repeat is rare, so one round is the rule,
    /// and `SQLiteLedger.maximumDraws` rounds without success mean the serial space is full.
    private static func newSerials(_ count: Int, for batch: Batch, product: Int64, on connection: PostgresConnection) async throws -> [String] {
        var generator = try RandomSerialGenerator(length: batch.spec.serialLength, source: BufferedSystemRandom())
        var serials: [String] = []
        // Every serial drawn so far, new or taken, so none is asked about twice.
        var seen = Set<String>()
        serials.reserveCapacity(count)
        for _ in 0..<SQLiteLedger.maximumDraws {
            let wanted = count - serials.count
            var drawn: [String] = []
            // Bounded, since a short serial's space may hold fewer serials than wanted.
            var draws = 0
            while drawn.count < wanted, draws < wanted * SQLiteLedger.maximumDraws {
                draws += 1
                let serial = try generator.next()
                if seen.insert(serial).inserted { drawn.append(serial) }
            }
            let taken = Set(try await rows("""
                SELECT serial FROM codes WHERE product_id = \(product) AND serial = ANY(\(drawn))
                """, on: connection).map { try $0.decode(String.self) })
            serials += drawn.filter { !taken.contains($0) }
            if serials.count == count { return serials }
        }
        throw LedgerError("batch \(batch.id)", .serialSpaceExhausted(attempts: SQLiteLedger.maximumDraws))
    }
}
