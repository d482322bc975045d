import Hummingbird
import Ledger
import Station

/// The lines: their status, start, pause, resume, triggers and printer.
extension StationAPI {
    /// Reads what each line last published rather than asking each line, which would wait for
    /// every busy line in turn; so do the other reads of a line's status.
    func listLines() async -> Response {
        var bodies: [LineBody] = []
        for line in settings.lines {
            if let workflow = lines[line.id] {
                bodies.append(LineBody(workflow.publishedStatus))
            } else {
                bodies.append(LineBody(LineStatus(line: line.id), running: false))
            }
        }
        return JSONResponse.make(LineListBody(lines: bodies))
    }

    func showLine(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        return JSONResponse.make(LineBody(line.publishedStatus))
    }

    func printer(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        return JSONResponse.make(LineBody(line.publishedStatus).printer)
    }

    /// Starts the batch on the line and answers at once (202); the line's status follows the run.
    func startLine(_ request: Request, _ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        let body = try await JSONRequest.decode(StartLineRequest.self, from: request)
        guard body.batch > 0 else { throw APIError.invalidField("batch", "must be a positive batch id, not \(body.batch)") }
        let batch = try await ledgerCall(field: "batch") { () async throws(LedgerError) in try await ledger.batch(body.batch) }
        guard batch.state == .open else {
            throw APIError(.conflict, "batch-closed", "batch \(batch.id) is closed; create a new batch to print", field: "batch")
        }
        switch body.mode ?? .continuous {
        case .continuous:
            guard let count = body.count else {
                throw APIError(.unprocessableContent, "missing-field", "count is required in continuous mode: the good labels to print",
                               field: "count")
            }
            guard (1...CreateBatchRequest.maximumQuantity).contains(count) else {
                throw APIError.invalidField("count", "must be 1 to \(CreateBatchRequest.maximumQuantity), not \(count)")
            }
            try await lineCall { () async throws(StationError) in try await line.start(batch: batch.id, count: count) }
        case .trigger:
            guard body.count == nil else {
                throw APIError.invalidField("count", "is not used in trigger mode, where each trigger prints one label")
            }
            try await lineCall { () async throws(StationError) in try await line.startTriggered(batch: batch.id) }
        }
        logger.notice("line started", metadata: [
            "line.id": "\(line.settings.id)", "batch.id": "\(batch.id)", "user.name": "\(context.user?.name ?? "")",
        ])
        return JSONResponse.make(LineBody(await line.snapshot), status: .accepted)
    }

    func pauseLine(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        try await lineCall { () async throws(StationError) in try await line.pause() }
        return JSONResponse.make(LineBody(await line.snapshot))
    }

    /// Resumes after the operator's pause; a line an alarm stopped is resumed by a lead, whose
    /// acknowledgement this is.
    func resumeLine(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        if case .stopped(let alarm) = await line.snapshot.state {
            guard let user = context.user, user.role >= .lead else {
                throw APIError(.forbidden, "forbidden", "the line is stopped by an alarm (\(alarm)); only a lead may resume it")
            }
            logger.notice("alarm acknowledged", metadata: ["line.id": "\(line.settings.id)", "user.name": "\(user.name)", "alarm": "\(alarm)"])
        }
        try await lineCall { () async throws(StationError) in try await line.resume() }
        return JSONResponse.make(LineBody(await line.snapshot))
    }

    /// One item passed the sensor: one more label (202, printed as the line goes).
    func triggerLine(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        try await lineCall { () async throws(StationError) in try await line.trigger() }
        return JSONResponse.make(LineBody(await line.snapshot), status: .accepted)
    }

    /// Leaves trigger mode once every triggered label is printed and verified; answers at once.
    func finishLine(_ context: StationRequestContext) async throws -> Response {
        let line = try workflow(context)
        let status = await line.snapshot
        guard status.triggerMode else {
            throw APIError(.conflict, "line-refused", "line \(line.settings.id) is not in trigger mode; a continuous run ends by itself")
        }
        Task { _ = await line.finishTriggered() }
        return JSONResponse.make(LineBody(status), status: .accepted)
    }

    /// The `{line}` path parameter's running workflow: 404 for a line the station does not
    /// have, 503 for a configured line that is not running (its printer could not start).
    func workflow(_ context: StationRequestContext) throws(APIError) -> LineWorkflow {
        let id = context.parameters.get("line") ?? ""
        guard settings.lines.contains(where: { $0.id == id }) else {
            let known = settings.lines.map(\.id).joined(separator: ", ")
            throw APIError(.notFound, "line-not-found", "line \"\(id)\" is not a line of this station; the lines are \(known.isEmpty ? "(none)" : known)",
                           field: "line")
        }
        guard let workflow = lines[id] else {
            throw APIError(.serviceUnavailable, "line-not-running", "line \(id) is configured but not running on this station; see its log")
        }
        return workflow
    }

    /// `body`'s result; a refusal of the line becomes 409 with its reason.
    func lineCall(_ body: () async throws(StationError) -> Void) async throws(APIError) {
        do {
            try await body()
        } catch {
            throw APIError(.conflict, "line-refused", error.description)
        }
    }
}
