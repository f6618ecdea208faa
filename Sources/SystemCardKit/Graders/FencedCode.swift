import Foundation

/// Code blocks in a model's answer: the text between ``` fences (with or without a language tag).
enum FencedCode {
    /// Each fenced block's language tag (lower-cased, possibly empty) and body, in order. An unclosed last
    /// fence runs to the end of the text.
    static func blocks(in text: String) -> [(language: String, body: String)] {
        var blocks: [(String, String)] = []
        var language: String?
        var body: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let open = language {
                    blocks.append((open, body.joined(separator: "\n")))
                    language = nil
                    body = []
                } else {
                    language = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces).lowercased()
                }
            } else if language != nil {
                body.append(line)
            }
        }
        if let open = language, !body.isEmpty { blocks.append((open, body.joined(separator: "\n"))) }
        return blocks
    }

    /// The first block tagged with one of `languages` (or untagged) for which `preferring` holds, else the
    /// first such block, else nil.
    static func block(in text: String, languages: Set<String>, preferring: (String) -> Bool = { _ in true }) -> String? {
        let candidates = blocks(in: text).filter { $0.language.isEmpty || languages.contains($0.language) }.map(\.body)
        return candidates.first(where: preferring) ?? candidates.first
    }
}
