import Foundation

/// Splits a Jinja template into text and tag tokens, with the whitespace rules Hugging Face renders chat templates
/// with: `trim_blocks` (the first newline after a block or comment tag is dropped), `lstrip_blocks` (spaces and tabs
/// before a block or comment tag alone at the start of its line are dropped), and the `-` / `+` markers inside tags.
struct JinjaLexer {
    enum Kind: Equatable {
        case text(String)
        case openOutput, closeOutput, openBlock, closeBlock
        case name(String)
        case string(String)
        case int(Int)
        case float(Double)
        case op(String)
        case end
    }

    struct Token {
        let kind: Kind
        let line: Int
    }

    private let s: [Character]
    private var i = 0
    private var line = 1
    private var tokens: [Token] = []

    private init(_ source: String) {
        // Jinja2 drops one newline at the very end of a template (`keep_trailing_newline` is off).
        // Jinja2 reads "\r\n" and "\r" as "\n".
        var characters = Array(source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        if let last = characters.last, last == "\n" || last == "\r\n" { characters.removeLast() }
        s = characters
    }

    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = JinjaLexer(source)
        try lexer.run()
        return lexer.tokens
    }

    private func starts(_ text: String, at position: Int) -> Bool {
        var p = position
        for c in text {
            guard p < s.count, s[p] == c else { return false }
            p += 1
        }
        return true
    }

    private mutating func run() throws {
        /// Whitespace to drop at the start of the next text: set by the tag that closed before it.
        var trimNext: (all: Bool, newline: Bool) = (false, false)
        while i < s.count {
            // The text up to the next tag.
            let textStart = i
            var tagStart = i
            while tagStart < s.count {
                if s[tagStart] == "{", tagStart + 1 < s.count, "{%#".contains(s[tagStart + 1]) { break }
                tagStart += 1
            }
            var text = Array(s[textStart..<tagStart])
            if trimNext.all {
                while let c = text.first, c.isWhitespace { text.removeFirst() }
            } else if trimNext.newline, let c = text.first, c == "\n" || c == "\r\n" {
                text.removeFirst()
            }
            trimNext = (false, false)
            let textLineCount = s[textStart..<tagStart].filter { $0 == "\n" || $0 == "\r\n" }.count
            if tagStart < s.count {
                let kind = s[tagStart + 1]
                let marker: Character? = tagStart + 2 < s.count ? s[tagStart + 2] : nil
                if marker == "-" {
                    while let c = text.last, c.isWhitespace { text.removeLast() }
                } else if kind != "{", marker != "+" {
                    // lstrip_blocks: spaces and tabs before the tag, when nothing but them stands between the tag
                    // and the start of its line in the source.
                    var k = tagStart
                    while k > textStart, s[k - 1] == " " || s[k - 1] == "\t" { k -= 1 }
                    if k == 0 || s[k - 1] == "\n" || s[k - 1] == "\r\n" {
                        text.removeLast(min(text.count, tagStart - k))
                    }
                }
            }
            if !text.isEmpty { tokens.append(Token(kind: .text(String(text)), line: line)) }
            line += textLineCount
            i = tagStart
            guard i < s.count else { break }
            let kind = s[i + 1]
            i += 2
            if i < s.count, s[i] == "-" || s[i] == "+" { i += 1 }
            switch kind {
            case "#":
                // A comment: skip to its end.
                var found = false
                while i + 1 < s.count {
                    if s[i] == "#", s[i + 1] == "}" {
                        let trimAll = i > 0 && s[i - 1] == "-"
                        let keep = i > 0 && s[i - 1] == "+"
                        i += 2
                        trimNext = (trimAll, !trimAll && !keep)
                        found = true
                        break
                    }
                    if s[i] == "\n" || s[i] == "\r\n" { line += 1 }
                    i += 1
                }
                if !found { throw JinjaError.syntax("unterminated comment", line: line) }
            case "{":
                tokens.append(Token(kind: .openOutput, line: line))
                let (trimAll, _) = try lexTag(closer: "}")
                tokens.append(Token(kind: .closeOutput, line: line))
                trimNext = (trimAll, false)
            default:
                let openIndex = tokens.count
                tokens.append(Token(kind: .openBlock, line: line))
                let (trimAll, keep) = try lexTag(closer: "%")
                tokens.append(Token(kind: .closeBlock, line: line))
                trimNext = (trimAll, !trimAll && !keep)
                if openIndex + 2 < tokens.count, tokens[openIndex + 1].kind == .name("raw"),
                    tokens[openIndex + 2].kind == .closeBlock
                {
                    tokens.removeLast(3)
                    try lexRaw(trimNext: &trimNext)
                }
            }
        }
        tokens.append(Token(kind: .end, line: line))
    }

    /// `{% raw %}…{% endraw %}`: the text in between, untouched.
    private mutating func lexRaw(trimNext: inout (all: Bool, newline: Bool)) throws {
        var j = i
        while j < s.count {
            if starts("{%", at: j) {
                var k = j + 2
                if k < s.count, s[k] == "-" || s[k] == "+" { k += 1 }
                while k < s.count, s[k] == " " { k += 1 }
                if starts("endraw", at: k) {
                    var body = Array(s[i..<j])
                    if trimNext.newline, body.first == "\n" { body.removeFirst() }
                    if trimNext.all { while let c = body.first, c.isWhitespace { body.removeFirst() } }
                    if j + 2 < s.count, s[j + 2] == "-" { while let c = body.last, c.isWhitespace { body.removeLast() } }
                    tokens.append(Token(kind: .text(String(body)), line: line))
                    line += body.filter { $0 == "\n" }.count
                    k += 6
                    while k < s.count, s[k] == " " { k += 1 }
                    let trimAll = k < s.count && s[k] == "-"
                    if k < s.count, s[k] == "-" || s[k] == "+" { k += 1 }
                    guard starts("%}", at: k) else { break }
                    i = k + 2
                    trimNext = (trimAll, !trimAll)
                    return
                }
            }
            j += 1
        }
        throw JinjaError.syntax("raw block without endraw", line: line)
    }

    /// The expression tokens of a tag, up to and including its closer (`}}` or `%}`, optionally `-` or `+` before).
    /// Returns whether the closer asked to trim the following whitespace (`-`) or to keep it (`+`).
    private mutating func lexTag(closer: Character) throws -> (trimAll: Bool, keep: Bool) {
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" || c == "\r\n" { line += 1; i += 1; continue }
            if c.isWhitespace { i += 1; continue }
            if depth == 0 {
                if c == closer, i + 1 < s.count, s[i + 1] == "}" { i += 2; return (false, false) }
                if (c == "-" || c == "+"), i + 2 < s.count, s[i + 1] == closer, s[i + 2] == "}" {
                    i += 3
                    return (c == "-", c == "+")
                }
            }
            if c.isLetter || c == "_" {
                let start = i
                while i < s.count, s[i].isLetter || s[i].isNumber || s[i] == "_" { i += 1 }
                tokens.append(Token(kind: .name(String(s[start..<i])), line: line))
                continue
            }
            if c.isASCII, c.isNumber {
                let start = i
                var isFloat = false
                while i < s.count {
                    if s[i].isASCII, s[i].isNumber || s[i] == "_" { i += 1; continue }
                    if s[i] == ".", !isFloat, i + 1 < s.count, s[i + 1].isASCII, s[i + 1].isNumber { isFloat = true; i += 1; continue }
                    if s[i] == "e" || s[i] == "E" {
                        var k = i + 1
                        if k < s.count, s[k] == "+" || s[k] == "-" { k += 1 }
                        if k < s.count, s[k].isASCII, s[k].isNumber { isFloat = true; i = k; continue }
                    }
                    break
                }
                let text = String(s[start..<i]).replacingOccurrences(of: "_", with: "")
                if isFloat {
                    tokens.append(Token(kind: .float(Double(text) ?? 0), line: line))
                } else {
                    guard let n = Int(text) else { throw JinjaError.syntax("number too large: \(text)", line: line) }
                    tokens.append(Token(kind: .int(n), line: line))
                }
                continue
            }
            if c == "'" || c == "\"" {
                tokens.append(Token(kind: .string(try lexString(quote: c)), line: line))
                continue
            }
            if let op = ["==", "!=", "<=", ">=", "//", "**"].first(where: { starts($0, at: i) }) {
                tokens.append(Token(kind: .op(op), line: line))
                i += 2
                continue
            }
            guard "+-*/%~<>=()[]{}.,:|!".contains(c) else {
                throw JinjaError.syntax("unexpected character '\(c)'", line: line)
            }
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth = max(0, depth - 1) }
            tokens.append(Token(kind: .op(String(c)), line: line))
            i += 1
        }
        throw JinjaError.syntax("tag not closed", line: line)
    }

    private mutating func lexString(quote: Character) throws -> String {
        i += 1
        var out = ""
        while i < s.count {
            let c = s[i]
            if c == quote { i += 1; return out }
            if c == "\\", i + 1 < s.count {
                let e = s[i + 1]
                i += 2
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                case "'": out.append("'")
                case "\"": out.append("\"")
                case "0": out.append("\0")
                case "u", "x", "U":
                    let width = e == "x" ? 2 : e == "u" ? 4 : 8
                    guard i + width <= s.count, let code = UInt32(String(s[i..<(i + width)]), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { out.append("\\"); out.append(e); continue }
                    out.unicodeScalars.append(scalar)
                    i += width
                case "\n": break
                default:
                    out.append("\\")
                    out.append(e)
                }
                continue
            }
            if c == "\n" { line += 1 }
            out.append(c)
            i += 1
        }
        throw JinjaError.syntax("unterminated string", line: line)
    }
}
