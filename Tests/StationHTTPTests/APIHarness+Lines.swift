extension APIHarness {
    /// Runs `body` with this harness's lines running (`runningLines()`); stops them after,
    /// whatever `body` did.
    func withRunningLines<T>(_ body: (APIHarness) async throws -> T) async throws -> T {
        let running = try await runningLines()
        do {
            let value = try await body(running)
            await running.stopLines()
            return value
        } catch {
            await running.stopLines()
            throw error
        }
    }
}
