import Foundation

/// Reads `KEY: value` lines out of a judge's free-text answer.
enum SafetyJudgeText {
    /// The trimmed value after the last `KEY:` that starts a line (case-insensitive; leading `*`, `#`
    /// and spaces of markdown are ignored), or nil when there is none or it is empty.
    static func lastLine(_ key: String, in text: String) -> String? {
        let prefix = key.lowercased() + ":"
        var found: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.drop { $0 == " " || $0 == "*" || $0 == "#" || $0 == "\t" }
            guard line.lowercased().hasPrefix(prefix) else { continue }
            let value = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "*"))
                .trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { found = value }
        }
        return found
    }
}
