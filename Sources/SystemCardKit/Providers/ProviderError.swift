/// Why a model call failed. The retry layer retries the transient kinds; the runner records whatever is
/// left as an error for the sample (never a score) and stops the run on the fatal kinds.
public struct ProviderError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case rateLimited = "rate_limited"
        case serverError = "server_error"
        case timeout
        case connection
        /// The host refused the connection or its name did not resolve (nothing listens there, or a typo).
        case connectionRefused = "connection_refused"
        /// No connection could be made and none ever has been in this run: wrong URL or server down.
        case unreachable
        case malformedResponse = "malformed_response"
        case unauthorized
        case modelNotFound = "model_not_found"
        case badRequest = "bad_request"
        case modelFailure = "model_failure"
    }

    public var code: Code
    /// HTTP status, when there was a response.
    public var status: Int?
    public var message: String
    /// Seconds the endpoint asked us to wait (Retry-After), when it said so.
    public var retryAfter: Double?

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
        case .unauthorized, .modelNotFound, .badRequest, .modelFailure, .unreachable: return false
        }
    }

    /// No request of this run can succeed (bad key, unknown model, endpoint unreachable from the start): stop
    /// instead of failing every sample.
    public var isFatalForRun: Bool { code == .unauthorized || code == .modelNotFound || code == .unreachable }

    public var description: String {
        var text = code.rawValue
        if let status { text += " (HTTP \(status))" }
        return text + ": " + message
    }
}
