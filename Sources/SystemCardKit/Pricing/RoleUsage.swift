import Foundation

/// What one role of a run (the evaluated `model`, the `grader`, a conversation partner such as `mark`, a
/// mitigation's `classifier`) used: its model and tokens, over every call, cached or not (a cached call was paid once,
/// by this run or an earlier one).
public struct RoleUsage: Sendable, Hashable, Codable {
    /// The role's model, as `provider/model`.
    public var model: String
    public var usage: TokenUsage
    public var calls: Int

    public init(model: String, usage: TokenUsage = TokenUsage(), calls: Int = 0) {
        self.model = model
        self.usage = usage
        self.calls = calls
    }

    /// Adds `other`'s tokens and calls (same role).
    mutating func add(_ other: RoleUsage) {
        usage += other.usage
        calls += other.calls
    }
}

extension RoleUsage {
    /// `roles` as the JSON both stores keep (what `JSONDecoder` reads back as `[String: RoleUsage]`), written directly:
    /// a `JSONEncoder` per sample cost the harness about a tenth of its throughput.
    static func json(_ roles: [String: RoleUsage]) -> String {
        var writer = CanonicalJSON(capacity: 96 * roles.count + 2)
        writer.raw("{")
        for (index, role) in roles.keys.sorted().enumerated() {
            let used = roles[role]!
            writer.key(role, first: index == 0)
            writer.raw("{\"calls\":")
            writer.number(used.calls)
            writer.raw(",\"model\":")
            writer.string(used.model)
            writer.raw(",\"usage\":{\"completionTokens\":")
            writer.number(used.usage.completionTokens)
            writer.raw(",\"promptTokens\":")
            writer.number(used.usage.promptTokens)
            writer.raw("}}")
        }
        writer.raw("}")
        return writer.text
    }
}

/// Reads stored usage-by-role texts, each distinct text once: the rows of a run often repeat one (the same model
/// answering at the cap), and the decoded dictionaries are then shared instead of one per row.
struct RoleUsageReader {
    private var seen: [String: [String: RoleUsage]] = [:]

    mutating func read(_ text: String?) throws -> [String: RoleUsage]? {
        guard let text else { return nil }
        if let known = seen[text] { return known }
        let decoded = try JSONCoding.decoder.decode([String: RoleUsage].self, from: Data(text.utf8))
        if seen.count < 4096 { seen[text] = decoded }
        return decoded
    }
}
