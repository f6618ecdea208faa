import Synchronization

/// Batches writes into as few transactions as possible: while one transaction commits, new items queue,
/// and the next transaction takes them all. A sample is durable within one commit of finishing, which
/// keeps throughput high without holding results in memory for long. The store gives the transaction
/// (SQLite through GRDB, PostgreSQL through postgres-nio).
final class GroupCommitWriter<Item: Sendable>: Sendable {
    private struct State {
        var queue: [Item] = []
        var draining = false
        var failure: (any Error)?
        var waiters: [CheckedContinuation<Void, any Error>] = []
    }

    private let state = Mutex(State())
    private let commit: @Sendable ([Item]) async throws -> Void

    /// `commit` writes a batch in one transaction; it is never called twice at once.
    init(commit: @escaping @Sendable ([Item]) async throws -> Void) {
        self.commit = commit
    }

    /// Queues an item; throws if an earlier write failed (the disk is full, the file was removed…).
    func enqueue(_ item: Item) throws {
        let start: Bool = try state.withLock { state in
            if let failure = state.failure { throw failure }
            state.queue.append(item)
            if state.draining { return false }
            state.draining = true
            return true
        }
        if start { Task { await self.drain() } }
    }

    /// Returns when every item queued before the call is committed.
    func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let resumeNow: Result<Void, any Error>? = state.withLock { state in
                if let failure = state.failure { return .failure(failure) }
                if !state.draining && state.queue.isEmpty { return .success(()) }
                state.waiters.append(continuation)
                return nil
            }
            if let resumeNow { continuation.resume(with: resumeNow) }
        }
    }

    private func drain() async {
        while true {
            let batch: [Item] = state.withLock { state in
                let batch = state.queue
                state.queue.removeAll(keepingCapacity: true)
                return batch
            }
            if batch.isEmpty {
                let finished: [CheckedContinuation<Void, any Error>]? = state.withLock { state in
                    // Items may have arrived between the two locks: keep draining then.
                    guard state.queue.isEmpty else { return nil }
                    state.draining = false
                    let waiters = state.waiters
                    state.waiters.removeAll()
                    return waiters
                }
                guard let finished else { continue }
                for waiter in finished { waiter.resume() }
                return
            }
            do {
                try await commit(batch)
            } catch {
                let waiters: [CheckedContinuation<Void, any Error>] = state.withLock { state in
                    state.failure = error
                    state.draining = false
                    state.queue.removeAll()
                    let waiters = state.waiters
                    state.waiters.removeAll()
                    return waiters
                }
                for waiter in waiters { waiter.resume(throwing: error) }
                return
            }
        }
    }
}
