import Foundation

/// Reads a string value out of a Python dict literal as SimpleQA's `metadata` column stores it
/// (`{'topic': 'Art', 'answer_type': 'Person', 'urls': [...]}`), without evaluating it.
enum PythonDictField {
    /// The value of `'key': '...'` (or `"..."`), with backslash escapes resolved; nil when absent.
    static func string(_ key: String, in text: String) -> String? {
        for quote in ["'", "\""] {
            guard let keyRange = text.range(of: "\(quote)\(key)\(quote)") else { continue }
            var rest = text[keyRange.upperBound...].drop { $0 == " " }
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            guard let open = rest.first, open == "'" || open == "\"" else { return nil }
            var value = ""
            var escaped = false
            for character in rest.dropFirst() {
                if escaped {
                    value.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    return value
                } else {
                    value.append(character)
                }
            }
            return nil
        }
        return nil
    }
}
