extension PrinterLink {
    /// Reads `~HS` and `~HQES` now, between jobs.
    public func status() async throws(PrintingError) -> PrinterStatus {
        await acquire()
        defer { release() }
        _ = try await connection()
        let status = await readStatus()
        publish(status)
        return status
    }

    /// Model, firmware and resolution from `~HI`.
    public func identity() async throws(PrintingError) -> PrinterIdentity {
        let answer = String(decoding: try await exclusively(.identity), as: UTF8.self)
        guard let identity = PrinterIdentity(parsing: answer) else {
            throw .unreadableAnswer(query: PrinterQuery.identity.description, answer: answer)
        }
        return identity
    }

    /// Labels printed in the printer's life (`odometer.total_label_count`).
    public func odometer() async throws(PrintingError) -> Int {
        await acquire()
        defer { release() }
        return try await readOdometer()
    }
}
