import Synchronization

/// Counters behind the progress line and the consecutive-error stop.
final class ProgressTracker: Sendable {
    private struct State {
        var completed = 0
        var errors = 0
        var consecutiveEndpointErrors = 0
        var lastError: String?
    }

    private let state = Mutex(State())
    private let evaluation: String
    private let total: Int
    private let resumed: Int
    private let retries: RetryCounter?
    private let started = ContinuousClock.now

    /// - Parameter retries: the count shown as `retries` (the planner's, shared by its providers).
    init(evaluation: String, total: Int, resumed: Int, retries: RetryCounter?) {
        self.evaluation = evaluation
        self.total = total
        self.resumed = resumed
        self.retries = retries
    }

    func record(_ step: SampleStep) {
        state.withLock { state in
            switch step {
            case .scored:
                state.completed += 1
                state.consecutiveEndpointErrors = 0
            case .errored(let endpoint, let message):
                state.completed += 1
                state.errors += 1
                state.lastError = message
                state.consecutiveEndpointErrors = endpoint ? state.consecutiveEndpointErrors + 1 : 0
            case .fatal(let error):
                state.lastError = error.description
            case .deferred:
                break
            }
        }
    }

    var consecutiveEndpointErrors: Int { state.withLock { $0.consecutiveEndpointErrors } }
    var lastError: String? { state.withLock { $0.lastError } }

    var snapshot: RunProgress {
        let seconds = started.duration(to: .now).inSeconds
        let retried = retries?.value ?? 0
        return state.withLock { state in
            RunProgress(
                evaluation: evaluation, total: total, resumed: resumed, completed: state.completed,
                errors: state.errors, retries: retried, elapsed: seconds)
        }
    }

    /// Reports a snapshot every `interval` until the returned task is cancelled.
    func startTicker(every interval: Duration, _ onProgress: @escaping @Sendable (RunProgress) -> Void) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                onProgress(self.snapshot)
            }
        }
    }
}
