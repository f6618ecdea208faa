import Logging

/// Wraps a provider with the endpoint's adaptive concurrency limit and retries with backoff.
///
/// A request that still fails after the last retry throws its ``ProviderError``; the runner records it
/// as an error for the sample.
struct ResilientModelProvider: ModelProvider {
    let base: any ModelProvider
    let limiter: AdaptiveConcurrencyLimiter
    let retryPolicy: RetryPolicy
    /// Called after each failed attempt that will be retried (for progress counters and logs).
    let onRetry: @Sendable (ProviderError) -> Void
    /// Each retry is logged at `info` (model, error, attempt, delay).
    let logger: Logger
    /// How long refused connections must go on, with no answer from the endpoint ever, before it is declared
    /// unreachable (long enough for a server that is still starting to bind its port).
    let unreachableAfter: Duration

    init(
        base: any ModelProvider, limiter: AdaptiveConcurrencyLimiter, retryPolicy: RetryPolicy,
        unreachableAfter: Duration = .seconds(3), logger: Logger = .disabled,
        onRetry: @escaping @Sendable (ProviderError) -> Void = { _ in }
    ) {
        self.base = base
        self.limiter = limiter
        self.retryPolicy = retryPolicy
        self.unreachableAfter = unreachableAfter
        self.logger = logger
        self.onRetry = onRetry
    }

    var identity: ModelIdentity { base.identity }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        var attempt = 0
        var firstRefusal: ContinuousClock.Instant?
        while true {
            try await limiter.acquire()
            do {
                let response = try await base.generate(request)
                await limiter.release(outcome: .success)
                return response
            } catch let error as ProviderError {
                if error.status != nil { await limiter.markAnswered() }
                await limiter.release(outcome: error.code == .rateLimited ? .rateLimited : .otherFailure)
                if error.code == .connectionRefused, await !limiter.hasAnswered {
                    // Nothing has ever answered at this address: retry briefly (a server may still be starting),
                    // then say so instead of retrying every sample for minutes.
                    let now = ContinuousClock.now
                    let since = firstRefusal ?? now
                    firstRefusal = since
                    if since.duration(to: now) >= unreachableAfter {
                        throw ProviderError(
                            .unreachable,
                            message: "cannot reach \(identity.baseURL) (\(error.message)); is the server running and "
                                + "is the base URL right?")
                    }
                    logger.debug("connection refused, retrying", metadata: ["model": "\(identity.spec)"])
                    try await Task.sleep(for: min(.milliseconds(250), unreachableAfter / 4))
                    continue
                }
                guard error.isRetryable, attempt < retryPolicy.maxRetries else { throw error }
                onRetry(error)
                let seconds = retryPolicy.delay(forAttempt: attempt, retryAfter: error.retryAfter)
                logger.info(
                    "retrying",
                    metadata: [
                        "model": "\(identity.spec)", "error": "\(error.description)",
                        "attempt": "\(attempt + 1)/\(retryPolicy.maxRetries)",
                        "delay_s": "\((seconds * 1000).rounded() / 1000)",
                    ])
                try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                attempt += 1
            } catch {
                await limiter.release(outcome: .otherFailure)
                throw error
            }
        }
    }
}
