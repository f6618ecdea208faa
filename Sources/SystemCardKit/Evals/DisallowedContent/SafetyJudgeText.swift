import Foundation

/// Reads `KEY: value` lines out of a judge's free-text answer.
enum SafetyJudgeText {
    /// The word of the last `KEY:` line, upper-cased, when it is one of `choices` (given upper-case);
    /// a missing line or another word is a ``GradingError`` keeping the judge's text.
    static func choice(_ key: String, among choices: [String], in text: String) throws -> String {
        guard let line = lastLine(key, in: text) else {
            throw GradingError("judge answer has no \(key) line", judgeOutput: text)
        }
        let word = String(line.uppercased().prefix { $0.isLetter })
        guard choices.contains(word) else {
            throw GradingError("judge \(key) line is not \(choices.joined(separator: " or "))", judgeOutput: text)
        }
        return word
    }

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
