/// Makes untrusted text (model outputs, dataset strings) safe to print on a terminal: escape sequences,
/// other control characters and bidirectional overrides are shown as visible `\u{…}` codes, so a model
/// cannot move the cursor, recolour the screen, retitle the window or reorder what the user reads.
public enum TerminalText {
    /// Escapes `text`; newlines and tabs are kept unless `singleLine` is set, where they become `\n`, `\t`.
    public static func escape(_ text: String, singleLine: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where !singleLine, 0x09 where !singleLine:
                out.append(scalar)
            case 0x0A:
                out.append(contentsOf: "\\n".unicodeScalars)
            case 0x09:
                out.append(contentsOf: "\\t".unicodeScalars)
            default:
                if isHidden(scalar) {
                    out.append(contentsOf: visibleCode(scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Control characters (C0, DEL, C1), direction marks and overrides, and the byte-order mark: the scalars
    /// that could move the cursor or reorder text, in a terminal, an HTML page or a Markdown file.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// How a hidden scalar is shown instead: `\u{1b}`.
    static func visibleCode(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16))}"
    }

    /// Escaped, on one line, cut to `limit` characters.
    public static func excerpt(_ text: String, limit: Int) -> String {
        let escaped = escape(text, singleLine: true)
        return escaped.count > limit ? String(escaped.prefix(limit - 1)) + "…" : escaped
    }
}
