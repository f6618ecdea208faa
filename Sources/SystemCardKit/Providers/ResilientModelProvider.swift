import Logging

/// Wraps a provider with the endpoint's adaptive concurrency limit and retries with backoff.
///
/// A request that still fails after the last retry throws its ``ProviderError``; the runner records it
/// as an error for the sample.
public struct ResilientModelProvider: ModelProvider {
    public let base: any ModelProvider
    public let limiter: AdaptiveConcurrencyLimiter
    public let retryPolicy: RetryPolicy
    /// Called after each failed attempt that will be retried (for progress counters and logs).
    public let onRetry: @Sendable (ProviderError) -> Void
    /// Each retry is logged at `info` (model, error, attempt, delay).
    public let logger: Logger

    public init(
        base: any ModelProvider, limiter: AdaptiveConcurrencyLimiter, retryPolicy: RetryPolicy,
        logger: Logger = .disabled, onRetry: @escaping @Sendable (ProviderError) -> Void = { _ in }
    ) {
        self.base = base
        self.limiter = limiter
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.onRetry = onRetry
    }

    public var identity: ModelIdentity { base.identity }

    public func generate(_ request: ModelRequest) async throws -> ModelResponse {
        var attempt = 0
        while true {
            try await limiter.acquire()
            do {
                let response = try await base.generate(request)
                await limiter.release(outcome: .success)
                return response
            } catch let error as ProviderError {
                await limiter.release(outcome: error.code == .rateLimited ? .rateLimited : .otherFailure)
                if error.code == .connection, attempt >= 1, await !limiter.hasSucceeded {
                    // Twice in a row no connection, and never one before: a wrong URL or a server that is down.
                    // Say so now instead of retrying every sample for minutes.
                    throw ProviderError(
                        .unreachable,
                        message: "cannot reach \(identity.baseURL) (\(error.message)); is the server running and is "
                            + "the base URL right?")
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
