import Foundation

/// Reads string constants out of an upstream project's Python source, so that a reference judge prompt can be
/// fetched at run time from the pinned upstream file (the repository never carries third-party prompts) and
/// used exactly as upstream's code would build it.
///
/// Only what such files need: a module- or function-level assignment `NAME = "…"` (single, double or triple
/// quotes; `r`/`f` prefixes) with Python's escapes and backslash-newline continuations decoded, an optional
/// trailing `.strip()` applied, and `str.format` / f-string style `{field}` substitution.
enum PythonSource {
    /// The value of the first string literal assigned to `name` in `source`.
    static func stringAssignment(_ name: String, in source: String) throws -> String {
        let text = Array(source.unicodeScalars)
        let pattern = try NSRegularExpression(
            pattern: #"(?m)^[ \t]*"# + NSRegularExpression.escapedPattern(for: name)
                + #"[ \t]*=[ \t]*([rRfFuU]{0,2})("""|'''|"|')"#)
        guard let match = pattern.firstMatch(in: source, range: NSRange(source.startIndex..., in: source)),
            let prefixRange = Range(match.range(at: 1), in: source),
            let quoteRange = Range(match.range(at: 2), in: source)
        else {
            throw PythonSourceError("no string assigned to \(name)")
        }
        let raw = source[prefixRange].lowercased().contains("r")
        let quote = Array(source[quoteRange].unicodeScalars)
        var index = source.unicodeScalars.distance(from: source.unicodeScalars.startIndex, to: quoteRange.upperBound)
        var value = String.UnicodeScalarView()
        func matchesQuote(at position: Int) -> Bool {
            guard position + quote.count <= text.count else { return false }
            return Array(text[position..<position + quote.count]) == quote
        }
        while true {
            guard index < text.count else { throw PythonSourceError("the string assigned to \(name) never ends") }
            if matchesQuote(at: index) {
                index += quote.count
                break
            }
            let scalar = text[index]
            if quote.count == 1 && scalar == "\n" {
                throw PythonSourceError("the string assigned to \(name) ends at a line break")
            }
            if scalar == "\\" && index + 1 < text.count {
                let next = text[index + 1]
                index += 2
                if raw {
                    value.append(scalar)
                    value.append(next)
                    continue
                }
                switch next {
                case "\n": break  // a continuation: the line break is not part of the string
                case "\\": value.append("\\")
                case "'": value.append("'")
                case "\"": value.append("\"")
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                default:  // Python keeps unknown escapes as written
                    value.append(scalar)
                    value.append(next)
                }
                continue
            }
            value.append(scalar)
            index += 1
        }
        var result = String(value)
        // `""" … """.strip()` as simple-evals writes its template.
        let rest = String(String.UnicodeScalarView(text[index...].prefix(16)))
        if rest.hasPrefix(".strip()") {
            result = result.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// `template.format(**fields)` as Python does it for plain `{name}` fields: `{{` and `}}` are literal braces;
    /// a field not in `fields`, a format spec or an unmatched brace is an error.
    static func format(_ template: String, _ fields: [String: String]) throws -> String {
        var output = ""
        var scalars = template.unicodeScalars[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            switch first {
            case "{":
                if scalars.first == "{" {
                    scalars = scalars.dropFirst()
                    output.append("{")
                    continue
                }
                guard let close = scalars.firstIndex(of: "}") else { throw PythonSourceError("unmatched '{' in the template") }
                let name = String(String.UnicodeScalarView(scalars[..<close]))
                guard let value = fields[name] else {
                    throw PythonSourceError("the template asks for {\(name)}, which is not one of \(fields.keys.sorted())")
                }
                output += value
                scalars = scalars[scalars.index(after: close)...]
            case "}":
                guard scalars.first == "}" else { throw PythonSourceError("single '}' in the template") }
                scalars = scalars.dropFirst()
                output.append("}")
            default:
                output.unicodeScalars.append(first)
            }
        }
        return output
    }
}

/// An upstream Python file did not have the shape the reference grader reads.
struct PythonSourceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
