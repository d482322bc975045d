import Station

struct DeadlinePassed: Error, CustomStringConvertible {
    let what: String
    var description: String { "\(what) did not happen within the deadline" }
}

/// Waits for a status of `line` the condition accepts, failing after `seconds`: generous, so
/// only a hang trips it, never a slow machine.
func waitFor(_ line: LineWorkflow, _ what: String, seconds: Int = 120,
             _ condition: @escaping @Sendable (LineStatus) -> Bool) async throws -> LineStatus {
    let changes = await line.statusChanges()
    return try await withThrowingTaskGroup(of: LineStatus.self) { group in
        group.addTask {
            for await status in changes where condition(status) { return status }
            throw DeadlinePassed(what: what)
        }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw DeadlinePassed(what: what)
        }
        defer { group.cancelAll() }
        guard let status = try await group.next() else { throw DeadlinePassed(what: what) }
        return status
    }
}
