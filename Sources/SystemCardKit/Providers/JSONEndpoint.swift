import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One JSON POST to a model endpoint, shared by the HTTP providers: the request with its deadline, transport
/// failures as ``ProviderError`` (refused, unreachable, timed out), the key taken out of any echoed body, and
/// HTTP error statuses mapped the same way for every provider (429 rate limited with its retry-after, 401/403
/// a refused key, 404 an unknown model, 5xx retried).
struct JSONEndpoint: Sendable {
    let client: HTTPClient
    let url: String
    /// For messages: `https://api.openai.com/v1`.
    let baseURL: String
    let requestTimeout: Duration

    /// A successful answer's body and status.
    struct Reply {
        var status: Int
        var text: String
        var buffer: ByteBuffer
    }

    /// Sends `body` with `headers`; throws ``ProviderError`` for transport failures and for error statuses
    /// (`keyVariable` is named when the key is refused).
    func post(
        _ body: [UInt8], headers: [(String, String)], apiKey: String?, model: String, keyVariable: String
    ) async throws -> Reply {
        try await send(
            .POST, body: body, contentType: "application/json", headers: headers, apiKey: apiKey, model: model,
            keyVariable: keyVariable)
    }

    /// Sends a request of any method (`body` nil for a GET); the same failures and statuses as ``post``.
    func send(
        _ method: HTTPMethod, body: [UInt8]?, contentType: String?, headers: [(String, String)], apiKey: String?,
        model: String, keyVariable: String, limit: Int = 32 << 20
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response: HTTPClientResponse
        let buffer: ByteBuffer
        do {
            let deadline = NIODeadline.now() + .nanoseconds(Int64(requestTimeout.components.seconds) * 1_000_000_000
                + requestTimeout.components.attoseconds / 1_000_000_000)
            response = try await client.execute(request, deadline: deadline)
            buffer = try await response.body.collect(upTo: limit)
        } catch let error as HTTPClientError {
            if error == .connectTimeout {
                throw ProviderError(.connection, message: "could not connect to \(baseURL)")
            }
            if error == .deadlineExceeded || error == .readTimeout {
                throw ProviderError(.timeout, message: "no answer from \(baseURL) within \(requestTimeout)")
            }
            if Task.isCancelled { throw CancellationError() }
            throw ProviderError(Self.isRefusal(error) ? .connectionRefused : .connection, message: "\(baseURL): \(error)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw ProviderError(Self.isRefusal(error) ? .connectionRefused : .connection, message: "\(baseURL): \(error)")
        }
        let status = Int(response.status.code)
        // An endpoint may echo the key in an error body: take it out before any excerpt is cut from the text.
        var text = String(buffer: buffer)
        if let apiKey, !apiKey.isEmpty, text.contains(apiKey) {
            text = text.replacingOccurrences(of: apiKey, with: "[redacted]")
        }
        guard (200..<300).contains(status) else {
            throw Self.error(status: status, body: text, headers: response.headers, model: model, keyVariable: keyVariable)
        }
        return Reply(status: status, text: text, buffer: buffer)
    }

    static func error(status: Int, body: String, headers: HTTPHeaders, model: String, keyVariable: String)
        -> ProviderError
    {
        let detail = RunText.excerpt(apiErrorMessage(body) ?? body, limit: 300)
        switch status {
        case 429:
            return ProviderError(.rateLimited, status: status, message: detail, retryAfter: retryAfter(headers))
        case 401, 403:
            return ProviderError(
                .unauthorized, status: status,
                message: "the endpoint refused the API key (\(detail)); check \(keyVariable) or --api-key-env")
        case 404:
            return ProviderError(
                .modelNotFound, status: status,
                message: "model '\(model)' or the endpoint was not found (\(detail)); check the model name and --base-url")
        case 408:
            return ProviderError(.timeout, status: status, message: detail)
        case 500...599:
            // 529 is Anthropic's "overloaded": retried like any server error.
            return ProviderError(
                .serverError, status: status, message: status == 529 ? "overloaded: \(detail)" : detail,
                retryAfter: retryAfter(headers))
        default:
            return ProviderError(.badRequest, status: status, message: detail)
        }
    }

    /// Whether a connection error means nothing can be reached at the address: refused (ECONNREFUSED) or a name
    /// that does not resolve. Timeouts, resets and TLS failures are not (a busy or flaky server looks like that).
    static func isRefusal(_ error: any Error) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        let text = String(describing: error)
        return text.contains("Connection refused") || text.hasPrefix("DNS error")
    }

    /// Seconds from `retry-after-ms` or `Retry-After` (seconds or an HTTP date).
    static func retryAfter(_ headers: HTTPHeaders) -> Double? {
        if let milliseconds = headers.first(name: "retry-after-ms").flatMap(Double.init) { return milliseconds / 1000 }
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return max(0, date.timeIntervalSinceNow) }
        return nil
    }

    /// The `error.message` of an OpenAI- or Anthropic-style error body.
    static func apiErrorMessage(_ body: String) -> String? {
        guard let data = body.data(using: .utf8),
            let decoded = try? JSONCoding.decoder.decode(APIErrorBody.self, from: data)
        else { return nil }
        return decoded.error.message
    }
}
