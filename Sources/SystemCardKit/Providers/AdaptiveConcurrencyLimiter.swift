/// Limits requests in flight to one endpoint, adapting to its rate limits: the limit halves on a 429
/// (at most once per `decreaseInterval`), and grows by about one each time a full window of requests
/// succeeds (additive increase, multiplicative decrease), never above `maximum`.
actor AdaptiveConcurrencyLimiter {
    nonisolated let maximum: Int
    private(set) var limit: Double
    private(set) var inFlight = 0
    /// Whether the endpoint has answered anything yet (any HTTP status): refused connections before that mean
    /// nothing listens at the address, not a flaky server.
    private(set) var hasAnswered = false
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID = 0
    private var lastDecrease: ContinuousClock.Instant?
    private let decreaseInterval: Duration

    /// - Parameters:
    ///   - initial: starting limit (clamped to `maximum`).
    ///   - maximum: hard cap (`--max-connections`).
    init(initial: Int = 20, maximum: Int, decreaseInterval: Duration = .milliseconds(200)) {
        self.maximum = max(1, maximum)
        self.limit = Double(min(max(1, initial), max(1, maximum)))
        self.decreaseInterval = decreaseInterval
    }

    /// Waits for a slot. Throws `CancellationError` if the task is cancelled while waiting.
    func acquire() async throws {
        if inFlight < Int(limit) && waiters.isEmpty {
            inFlight += 1
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Returns a slot and adapts the limit to how the request went.
    func release(outcome: Outcome) {
        inFlight -= 1
        switch outcome {
        case .success:
            hasAnswered = true
            limit = min(Double(maximum), limit + 1 / limit)
        case .rateLimited:
            let now = ContinuousClock.now
            if lastDecrease.map({ now - $0 >= decreaseInterval }) ?? true {
                limit = max(1, limit / 2)
                lastDecrease = now
            }
        case .otherFailure:
            break
        }
        wakeWaiters()
    }

    /// Records that the endpoint answered (with any HTTP status, errors included).
    func markAnswered() {
        hasAnswered = true
    }

    enum Outcome: Sendable {
        case success
        case rateLimited
        case otherFailure
    }

    private func wakeWaiters() {
        while inFlight < Int(limit), !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            inFlight += 1
            waiter.continuation.resume()
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }
}
