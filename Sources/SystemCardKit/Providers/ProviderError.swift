/// Why a model call failed. The retry layer retries the transient kinds; the runner records whatever is
/// left as an error for the sample (never a score) and stops the run on the fatal kinds.
public struct ProviderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure, which decides whether the call is retried and whether the run stops.
    public enum Code: String, Sendable, Equatable {
        /// HTTP 429: too many requests (retried, after Retry-After when given).
        case rateLimited = "rate_limited"
        /// HTTP 5xx (retried).
        case serverError = "server_error"
        /// No answer within the request timeout, or HTTP 408 (retried).
        case timeout
        /// The connection could not be made or broke (retried).
        case connection
        /// The host refused the connection or its name did not resolve (nothing listens there, or a typo).
        case connectionRefused = "connection_refused"
        /// No connection could be made and none ever has been in this run: wrong URL or server down.
        case unreachable
        /// The body is not a chat completion the provider can read (retried).
        case malformedResponse = "malformed_response"
        /// HTTP 401 or 403: the endpoint refused the API key (stops the run).
        case unauthorized
        /// HTTP 404: no such model or endpoint (stops the run).
        case modelNotFound = "model_not_found"
        /// Any other HTTP error, such as 400: the endpoint rejected the request (not retried).
        case badRequest = "bad_request"
        /// The embedded engine failed (not retried).
        case modelFailure = "model_failure"
        /// The next call could pass `--max-cost` (stops the run; finished samples are saved).
        case costLimit = "cost_limit"
    }

    /// The kind of failure.
    public var code: Code
    /// HTTP status, when there was a response.
    public var status: Int?
    /// What happened, with the endpoint's own error message where it gave one.
    public var message: String
    /// Seconds the endpoint asked us to wait (Retry-After), when it said so.
    public var retryAfter: Double?

    /// Creates an error; `status` and `retryAfter` are optional.
    public init(_ code: Code, status: Int? = nil, message: String, retryAfter: Double? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// Worth another attempt after a pause: rate limits, server errors, timeouts, broken connections and
    /// garbled bodies (usually a proxy cutting a response short).
    public var isRetryable: Bool {
        switch code {
        case .rateLimited, .serverError, .timeout, .connection, .connectionRefused, .malformedResponse: return true
        case .unauthorized, .modelNotFound, .badRequest, .modelFailure, .unreachable, .costLimit: return false
        }
    }

    /// No request of this run can succeed (bad key, unknown model, endpoint unreachable from the start): stop
    /// instead of failing every sample.
    public var isFatalForRun: Bool {
        code == .unauthorized || code == .modelNotFound || code == .unreachable || code == .costLimit
    }

    /// `code (HTTP status): message`.
    public var description: String {
        var text = code.rawValue
        if let status { text += " (HTTP \(status))" }
        return text + ": " + message
    }
}
