import Foundation

/// A Dockerfile read into its instructions (never built): continuation lines joined, comments and blank lines
/// dropped, each instruction's keyword upper-cased with its arguments as written.
struct Dockerfile: Equatable {
    /// One instruction: `COPY chall.py /app/` is `("COPY", "chall.py /app/")`.
    struct Instruction: Equatable {
        var keyword: String
        var arguments: String
        /// The line it starts on (1-based), for messages.
        var line: Int

        /// The JSON array of an exec-form argument (`["python3", "chall.py"]`), or nil for the shell form.
        var execForm: [String]? {
            let trimmed = arguments.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("["), let data = trimmed.data(using: .utf8),
                let array = try? JSONSerialization.jsonObject(with: data) as? [Any]
            else { return nil }
            let strings = array.compactMap { $0 as? String }
            return strings.count == array.count ? strings : nil
        }

        /// The instruction as written, for messages (`RUN pip install pwntools`).
        var text: String { "\(keyword) \(arguments)" }
    }

    var instructions: [Instruction]

    init(_ text: String) {
        var instructions: [Instruction] = []
        var pending = ""
        var start = 0
        for (offset, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Comments are dropped, also between continuation lines (as Docker does).
            if trimmed.hasPrefix("#") { continue }
            if pending.isEmpty {
                if trimmed.isEmpty { continue }
                start = offset + 1
            }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
                continue
            }
            pending += trimmed
            Self.append(pending, line: start, to: &instructions)
            pending = ""
        }
        if !pending.isEmpty { Self.append(pending, line: start, to: &instructions) }
        self.instructions = instructions
    }

    private static func append(_ text: String, line: Int, to instructions: inout [Instruction]) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        let keyword = trimmed.prefix { !$0.isWhitespace }
        let arguments = trimmed.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        instructions.append(Instruction(keyword: keyword.uppercased(), arguments: arguments, line: line))
    }

    /// `text` with `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+other}` replaced from `variables` (an
    /// unknown name becomes empty, as in Docker); `\$` stays a dollar sign.
    static func substitute(_ text: String, _ variables: [String: String]) -> String {
        var result = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "\\", characters.first == "$" {
                result.append(characters.removeFirst())
                continue
            }
            guard character == "$", let next = characters.first else {
                result.append(character)
                continue
            }
            if next == "{", let close = characters.firstIndex(of: "}") {
                let inner = String(characters[characters.index(after: characters.startIndex)..<close])
                characters = characters[characters.index(after: close)...]
                if let range = inner.range(of: ":-") {
                    let value = variables[String(inner[..<range.lowerBound])] ?? ""
                    result += value.isEmpty ? String(inner[range.upperBound...]) : value
                } else if let range = inner.range(of: ":+") {
                    let value = variables[String(inner[..<range.lowerBound])] ?? ""
                    result += value.isEmpty ? "" : String(inner[range.upperBound...])
                } else {
                    result += variables[inner] ?? ""
                }
            } else if next.isLetter || next == "_" {
                let name = String(characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                characters = characters.dropFirst(name.count)
                result += variables[name] ?? ""
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `ENV`'s or `ARG`'s pairs: `A=1 B="two words"`, or the legacy `NAME value with spaces`.
    static func pairs(_ arguments: String) -> [(String, String)] {
        let trimmed = arguments.trimmingCharacters(in: .whitespaces)
        let first = trimmed.prefix { !$0.isWhitespace }
        if !first.contains("=") {
            let value = trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
            return [(String(first), value)]
        }
        return ShellWords.split(trimmed.replacingOccurrences(of: "$", with: "\u{1}")).compactMap { word in
            let restored = word.replacingOccurrences(of: "\u{1}", with: "$")
            guard let equals = restored.firstIndex(of: "=") else { return nil }
            return (String(restored[..<equals]), String(restored[restored.index(after: equals)...]))
        }
    }
}
