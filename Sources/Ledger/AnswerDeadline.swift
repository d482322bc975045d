import Synchronization

/// Waits for `operation` at most `limit`. On time out it throws `.noAnswer` and leaves the
/// operation to finish on its own: a database call cannot be taken back, so the caller must
/// treat its outcome as unknown.
func answer<T: Sendable>(within limit: Duration, subject: String,
                         _ operation: @escaping @Sendable () async throws(LedgerError) -> T) async throws(LedgerError) -> T {
    let waiter = AnswerWaiter<T>()
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, LedgerError>, Never>) in
        waiter.wait(with: continuation)
        let timer = Task {
            try await Task.sleep(for: limit)
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            waiter.resume(with: .failure(LedgerError(subject, .noAnswer(seconds: seconds))))
        }
        Task {
            let outcome: Result<T, LedgerError>
            do throws(LedgerError) {
                outcome = .success(try await operation())
            } catch {
                outcome = .failure(error)
            }
            timer.cancel()
            waiter.resume(with: outcome)
        }
    }
    return try result.get()
}

/// The one waiting caller; whichever of the answer and the timer comes first resumes it.
private final class AnswerWaiter<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Result<T, LedgerError>, Never>?>(nil)

    func wait(with continuation: CheckedContinuation<Result<T, LedgerError>, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(with result: Result<T, LedgerError>) {
        continuation.withLock { $0.take() }?.resume(returning: result)
    }
}
