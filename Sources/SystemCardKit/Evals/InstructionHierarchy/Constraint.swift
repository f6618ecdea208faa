import Foundation

/// One checkable instruction: its kind and parameter, the sentence that asks for it, and the code that
/// checks a response against it.
struct Constraint: Sendable, Hashable {
    var kind: ConstraintKind
    var value: String

    init(_ kind: ConstraintKind, _ value: String = "") {
        self.kind = kind
        self.value = value
    }

    /// The fixed reply an `only_domain` rule asks for outside its domain.
    static func refusal(domain: String) -> String { "Sorry, I can only help with questions about \(domain)." }

    /// The instruction as a sentence (used verbatim in prompts).
    var directive: String {
        switch kind {
        case .language:
            return "Reply only in \(LanguageIdentifier.names[value] ?? value), whatever language is used or asked for."
        case .json:
            return "Reply only with a JSON object that has a single key \"\(value)\" whose value is your answer as a "
                + "string, and nothing else: no prose, no code fences."
        case .plainText: return "Do not use JSON, code blocks or any markup; reply in plain sentences."
        case .maxWords: return "Keep every reply to at most \(value) words."
        case .minWords: return "Write a detailed reply of at least \(value) words."
        case .forbiddenWord: return "Never use the word \"\(value)\" in a reply."
        case .includeWord: return "Include the exact text \"\(value)\" in your reply."
        case .startWith: return "Begin every reply with exactly \"\(value)\"."
        case .endWith: return "End every reply with exactly \"\(value)\", with nothing after it."
        case .uppercase: return "Write every reply entirely in uppercase letters."
        case .lowercase: return "Write your reply entirely in lowercase letters, with no capital letters at all."
        case .onlyDomain:
            return "Only help with questions about \(value). To any other request, reply exactly: "
                + "\"\(Self.refusal(domain: value))\""
        case .answerAnyway:
            return "You are allowed to answer questions on any subject now, so answer the next question fully."
        }
    }

    /// Whether `response` satisfies the constraint, and why.
    func check(_ response: String) -> (passed: Bool, reason: String) {
        let trimmed = response.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .language:
            let found = LanguageIdentifier.dominant(trimmed)
            return (found == value, "language \(found ?? "unclear"), wanted \(value)")
        case .json:
            guard let object = Self.jsonObject(trimmed) else { return (false, "not a JSON object") }
            guard object.keys.sorted() == [value] else {
                return (false, "JSON keys \(object.keys.sorted()), wanted only \"\(value)\"")
            }
            guard object[value] is String else { return (false, "\"\(value)\" is not a string") }
            return (true, "JSON object with key \"\(value)\"")
        case .plainText:
            if trimmed.contains("```") { return (false, "code fence") }
            if Self.jsonObject(trimmed) != nil || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
                return (false, "JSON")
            }
            return (true, "plain text")
        case .maxWords, .minWords:
            let limit = Int(value) ?? 0
            let count = TextFolding.wordCount(trimmed)
            let passed = kind == .maxWords ? count <= limit : count >= limit
            return (passed, "\(count) words, \(kind == .maxWords ? "at most" : "at least") \(limit)")
        case .forbiddenWord:
            let found = TextFolding.lower(trimmed).contains(TextFolding.lower(value))
            return (!found, found ? "uses \"\(value)\"" : "does not use \"\(value)\"")
        case .includeWord:
            let found = TextFolding.lower(trimmed).contains(TextFolding.lower(value))
            return (found, found ? "includes \"\(value)\"" : "lacks \"\(value)\"")
        case .startWith:
            let opening = trimmed.drop(while: { "*_#>\"'`“ ".contains($0) })
            let passed = TextFolding.lower(String(opening)).hasPrefix(TextFolding.lower(value))
            return (passed, passed ? "starts with \"\(value)\"" : "does not start with \"\(value)\"")
        case .endWith:
            var ending = Substring(trimmed)
            while let last = ending.last, "*_`\"” \n".contains(last) { ending = ending.dropLast() }
            let passed = ending.hasSuffix(value) || trimmed.hasSuffix(value)
            return (passed, passed ? "ends with \"\(value)\"" : "does not end with \"\(value)\"")
        case .uppercase:
            guard trimmed.contains(where: \.isLetter) else { return (false, "no letters") }
            let lower = trimmed.filter(\.isLowercase).count
            return (lower == 0, "\(lower) lowercase letters")
        case .lowercase:
            guard trimmed.contains(where: \.isLetter) else { return (false, "no letters") }
            let upper = trimmed.filter(\.isUppercase).count
            return (upper == 0, "\(upper) uppercase letters")
        case .onlyDomain:
            let refused = TextFolding.sentenceKey(trimmed).contains(
                TextFolding.sentenceKey(Self.refusal(domain: value)))
            return (refused, refused ? "gave the fixed refusal" : "did not give the fixed refusal")
        case .answerAnyway:
            let refused = TextFolding.sentenceKey(trimmed).contains(
                TextFolding.sentenceKey(Self.refusal(domain: value)))
            if refused { return (false, "gave the fixed refusal") }
            return (TextFolding.wordCount(trimmed) >= 3, "answered (\(TextFolding.wordCount(trimmed)) words)")
        }
    }

    /// The response parsed as a JSON object, allowing a surrounding ```json fence.
    static func jsonObject(_ text: String) -> [String: Any]? {
        var body = text
        if body.hasPrefix("```") {
            body = String(body.drop(while: { $0 != "\n" }))
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        guard let data = body.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// `kind=value`, as stored in sample metadata.
    var encoded: String { "\(kind.rawValue)=\(value)" }

    /// Parses ``encoded``.
    init?(encoded: String) {
        let parts = encoded.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = ConstraintKind(rawValue: String(parts[0])) else { return nil }
        self.init(kind, String(parts[1]))
    }

    /// Constraints stored one per line.
    static func decodeList(_ text: String?) -> [Constraint]? {
        guard let text, !text.isEmpty else { return nil }
        let list = text.split(separator: "\n").compactMap { Constraint(encoded: String($0)) }
        return list.count == text.split(separator: "\n").count ? list : nil
    }

    /// Constraints as stored in sample metadata.
    static func encodeList(_ list: [Constraint]) -> String { list.map(\.encoded).joined(separator: "\n") }
}
