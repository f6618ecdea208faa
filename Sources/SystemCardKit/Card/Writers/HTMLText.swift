/// Escapes untrusted text (model outputs, dataset strings, config values) for HTML element content and
/// attribute values: `& < > " '` become entities, and control characters and bidirectional overrides are
/// shown as visible `\u{…}` codes so a model cannot reorder what the reader sees.
package enum HTMLText {
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if TerminalText.isHidden(scalar) {
                    out += TerminalText.visibleCode(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Escaped and cut to `limit` characters (with a note of how much was cut).
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return escape(text) }
        return escape(String(text.prefix(limit))) + "… [\(text.count - limit) more characters]"
    }

    /// A fragment identifier made of letters, digits and dashes only.
    static func anchor(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.filter(\.isASCII))
    }
}
