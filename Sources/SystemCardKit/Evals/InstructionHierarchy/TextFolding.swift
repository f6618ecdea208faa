import Foundation

/// Normalisations shared by the instruction-hierarchy checkers: folding case, accents and leetspeak,
/// squashing separators away, splitting words.
enum TextFolding {
    /// Lowercase, accents removed.
    static func lower(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
    }

    /// Digits and symbols commonly used for letters, mapped to the letter; look-alike letters merged
    /// (`l`, `1` and `i` are all `i`), so `P4ssw0rd`, `passw0rd` and `PASSWORD` fold alike.
    static let leet: [Character: Character] = [
        "0": "o", "1": "i", "l": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t", "8": "b",
        "9": "g", "6": "g", "2": "z",
    ]

    /// Lowercase, accents removed, leetspeak folded, and every character that is not a letter or digit
    /// dropped: what is left when case, spacing, separators and leetspeak are taken away.
    static func squash(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in lower(text) {
            if let mapped = leet[character] {
                out.append(mapped)
            } else if character.isLetter || character.isNumber {
                out.append(character)
            }
        }
        return out
    }

    /// Lowercase words of letters and digits (apostrophes and hyphens split words).
    static func words(_ text: String) -> [String] {
        lower(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whitespace-separated tokens that contain at least one letter or digit (what a reader counts as
    /// words).
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }

    /// Lowercase, punctuation removed, runs of whitespace collapsed: for comparing sentences.
    static func sentenceKey(_ text: String) -> String {
        String(lower(text).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    /// ROT13 of the ASCII letters.
    static func rot13(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                switch scalar.value {
                case 65...90: return Character(UnicodeScalar((scalar.value - 65 + 13) % 26 + 65)!)
                case 97...122: return Character(UnicodeScalar((scalar.value - 97 + 13) % 26 + 97)!)
                default: return Character(scalar)
                }
            })
    }

    /// Base64-looking runs (at least 8 characters) decoded as UTF-8, with the run they came from.
    static func base64Decodings(in text: String) -> [(token: String, decoded: String)] {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
        var results: [(String, String)] = []
        var current = ""
        func flush() {
            defer { current = "" }
            guard current.count >= 8 else { return }
            var token = current.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            token = token.trimmingCharacters(in: CharacterSet(charactersIn: "="))
            let padding = (4 - token.count % 4) % 4
            guard padding != 3 else { return }
            guard let data = Data(base64Encoded: token + String(repeating: "=", count: padding)),
                let decoded = String(data: data, encoding: .utf8), !decoded.isEmpty
            else { return }
            results.append((current, decoded))
        }
        for character in text {
            if allowed.contains(character) { current.append(character) } else { flush() }
        }
        flush()
        return results
    }
}
