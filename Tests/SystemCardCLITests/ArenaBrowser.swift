import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal browser for the arena's HTTP tests: its own cookie jar, no redirects followed (tests look at them).
final class ArenaBrowser: @unchecked Sendable {
    struct Page {
        var status: Int
        var headers: HTTPHeaders
        var body: String

        var location: String? { headers.first(name: "location") }

        /// The first value of a header.
        func header(_ name: String) -> String? { headers.first(name: name) }

        /// The value of the hidden `csrf` field of the page's first form.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    let base: String
    let client: HTTPClient
    var cookies: [String: String] = [:]

    init(port: Int, client: HTTPClient) {
        base = "http://127.0.0.1:\(port)"
        self.client = client
    }

    /// Runs `body` with an HTTP client that follows no redirects, shut down afterwards whatever happens.
    static func withClient(_ body: (HTTPClient) async throws -> Void) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    func get(_ path: String) async throws -> Page {
        try await send(path, method: .GET, body: nil)
    }

    func post(_ path: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .POST, body: body)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    private func send(_ path: String, method: HTTPMethod, body: String?) async throws -> Page {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if !cookies.isEmpty {
            request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        for header in response.headers[canonicalForm: "set-cookie"] {
            let pair = header.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            if parts[1].isEmpty || header.lowercased().contains("max-age=0") {
                cookies.removeValue(forKey: name)
            } else {
                cookies[name] = String(parts[1])
            }
        }
        let collected = try await response.body.collect(upTo: 8 << 20)
        return Page(status: Int(response.status.code), headers: response.headers, body: String(buffer: collected))
    }
}
