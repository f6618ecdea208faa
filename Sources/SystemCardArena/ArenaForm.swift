import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: every value of every field (checkboxes repeat their name).
struct ArenaForm: Sendable {
    var fields: [String: [String]] = [:]

    subscript(_ name: String) -> String? { fields[name]?.first }

    func all(_ name: String) -> [String] { fields[name] ?? [] }

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            fields[decode(name), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The request's form, read up to 256 KB.
    static func read(_ request: Request) async throws -> ArenaForm {
        var request = request
        let body = try await request.collectBody(upTo: 256 * 1024)
        return ArenaForm(String(decoding: body.readableBytesView, as: UTF8.self))
    }
}
