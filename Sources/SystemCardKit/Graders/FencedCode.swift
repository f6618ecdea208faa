import Foundation

/// Code blocks in a model's answer: the text between backtick fences (with or without a language tag). As in
/// CommonMark, a block opened by n backticks is closed only by a line of at least n backticks, so a ```` fence
/// can hold ``` blocks.
enum FencedCode {
    /// Each fenced block's language (the info string's first word, lower-cased, possibly empty) and body, in
    /// order. An unclosed last fence runs to the end of the text.
    static func blocks(in text: String) -> [(language: String, body: String)] {
        var blocks: [(String, String)] = []
        var open: (language: String, fence: Int)?
        var body: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let fence = trimmed.prefix { $0 == "`" }.count
            if let current = open {
                if fence >= current.fence && fence == trimmed.count {
                    blocks.append((current.language, body.joined(separator: "\n")))
                    open = nil
                    body = []
                } else {
                    body.append(line)
                }
            } else if fence >= 3 {
                let info = trimmed.dropFirst(fence).trimmingCharacters(in: .whitespaces).lowercased()
                open = (info.split(separator: " ").first.map(String.init) ?? "", fence)
            }
        }
        if let current = open, !body.isEmpty { blocks.append((current.language, body.joined(separator: "\n"))) }
        return blocks
    }

    /// The first block tagged with one of `languages` (or untagged) for which `preferring` holds, else the
    /// first such block, else nil.
    static func block(in text: String, languages: Set<String>, preferring: (String) -> Bool = { _ in true }) -> String? {
        let candidates = blocks(in: text).filter { $0.language.isEmpty || languages.contains($0.language) }.map(\.body)
        return candidates.first(where: preferring) ?? candidates.first
    }
}
