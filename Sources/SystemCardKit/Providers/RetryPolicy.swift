/// Capped exponential backoff with full jitter; a Retry-After from the endpoint takes precedence.
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// Attempts after the first one.
    public var maxRetries: Int
    /// The first backoff ceiling, in seconds; it doubles each attempt.
    public var baseDelay: Double
    /// No single wait is longer than this (Retry-After included).
    public var maxDelay: Double

    /// Creates a policy; the defaults (6 retries, 0.5 s first ceiling, 30 s cap) are the command line's.
    public init(maxRetries: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Seconds to wait before retry number `attempt` (0-based).
    public func delay(forAttempt attempt: Int, retryAfter: Double?, random: Double = Double.random(in: 0..<1))
        -> Double
    {
        if let retryAfter, retryAfter >= 0 {
            // Honour the server's figure, plus a little jitter so a crowd of clients does not return at once.
            return min(maxDelay, retryAfter + retryAfter * 0.1 * random)
        }
        let ceiling = min(maxDelay, baseDelay * pow2(attempt))
        return ceiling * random
    }

    private func pow2(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<min(exponent, 40) { value *= 2 }
        return value
    }
}
