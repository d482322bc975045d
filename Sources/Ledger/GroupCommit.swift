/// Gathers label steps from concurrent callers into shared commits.
///
/// A durable commit costs a disk flush (milliseconds), recording a step microseconds; so
/// steps that arrive while a commit is in flight wait and go together into the next one,
/// which is started as soon as the previous one finished. A lone caller therefore never
/// waits for a timer, and a busy line gets one flush per group instead of one per label.
/// Each caller is resumed after the commit that holds its steps, with its own refusal, if any.
actor GroupCommit {
    /// Commits the requests in one transaction; returns each request's refusal (nil when
    /// recorded), or the error that failed the whole commit.
    typealias Commit = @Sendable (_ requests: [[LabelChange]]) async -> Result<[LedgerError?], LedgerError>

    private struct Request {
        let changes: [LabelChange]
        let continuation: CheckedContinuation<LedgerError?, Never>
    }

    private let commit: Commit
    private var waiting: [Request] = []
    private var isCommitting = false

    init(commit: @escaping Commit) {
        self.commit = commit
    }

    /// Returns once `changes` are durably recorded; throws when they were refused or the
    /// commit failed, and then none of them is recorded.
    func record(_ changes: [LabelChange]) async throws(LedgerError) {
        let refusal = await withCheckedContinuation { continuation in
            waiting.append(Request(changes: changes, continuation: continuation))
            if !isCommitting {
                isCommitting = true
                Task { await commitWaiting() }
            }
        }
        if let refusal { throw refusal }
    }

    private func commitWaiting() async {
        while !waiting.isEmpty {
            // Callers just resumed by the previous commit are usually about to send their
            // next step; one yield lets them join this commit instead of the one after.
            await Task.yield()
            let group = waiting
            waiting = []
            let outcome = await commit(group.map(\.changes))
            for (index, request) in group.enumerated() {
                switch outcome {
                case .success(let refusals): request.continuation.resume(returning: refusals[index])
                case .failure(let error): request.continuation.resume(returning: error)
                }
            }
        }
        isCommitting = false
    }
}
