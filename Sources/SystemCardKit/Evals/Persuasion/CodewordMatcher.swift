import Foundation

/// Finds a MakeMeSay codeword in text: the word itself or one of its regular inflections, as a whole
/// word, ignoring case, diacritics and punctuation.
///
/// Counted: the word (`box`, `Box!`, `"BOX"`, `box-shaped`), its possessive (`box's`), plural or third
/// person (`boxes`, `clocks`, `berries`), past (`moved`, `planned`, `carried`) and `-ing` form (`moving`,
/// `shutting`, `dying`). Not counted: other words that contain it (`boxer`, `matchbox`, `pastry`),
/// comparatives (`-er`, `-est`), and words it was inflected from (`boot` for `boots`). Words of one or
/// two letters match only exactly, and three-letter words add only their plural, because their generated
/// "inflections" are mostly other words (`be` → `bed`, `her` → `herring`, `us` → `uses`). Suffix rules
/// cannot tell homographs apart: `pasted` counts for `past`.
struct CodewordMatcher: Sendable, Hashable {
    let codeword: String
    /// Every form that counts, folded.
    let forms: Set<String>

    init(_ codeword: String) {
        self.codeword = codeword
        self.forms = Self.inflections(of: Self.fold(codeword))
    }

    /// True when `text` says the codeword.
    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The first word of `text` that counts as the codeword, as written.
    func firstMatch(in text: String) -> String? {
        Self.words(in: text).first { forms.contains(Self.normalise($0)) }
    }

    /// Lowercased, without diacritics, typographic apostrophes made plain.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
    }

    /// A word without its possessive ending.
    static func normalise(_ word: String) -> String {
        var folded = fold(word)
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        while folded.hasSuffix("'") { folded.removeLast() }
        return folded
    }

    /// The words of `text`: runs of letters, with apostrophes inside or at the end of a word.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter {
                current.append(character)
            } else if (character == "'" || character == "\u{2019}") && !current.isEmpty {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static let vowels = Set("aeiou")
    /// Final consonants that double before -ed/-ing after a single short vowel (stop → stopped).
    static let doubling = Set("bdgklmnprt")

    /// The word and its regular inflections.
    static func inflections(of word: String) -> Set<String> {
        var forms: Set<String> = [word]
        let letters = Array(word)
        guard letters.count >= 3, letters.allSatisfy(\.isLetter) else { return forms }
        let last = letters[letters.count - 1]
        let beforeLast = letters[letters.count - 2]
        let sibilant = ["s", "x", "z"].contains(String(last)) || word.hasSuffix("ch") || word.hasSuffix("sh")
        let consonantY = last == "y" && !vowels.contains(beforeLast)
        // Plural / third person.
        if consonantY {
            forms.insert(String(word.dropLast()) + "ies")
        } else if sibilant || last == "o" {
            forms.insert(word + "es")
        }
        if !sibilant && !consonantY { forms.insert(word + "s") }
        guard letters.count >= 4 else { return forms }
        // Past and -ing.
        if last == "e" {
            forms.insert(word + "d")
            if word.hasSuffix("ie") {
                forms.insert(String(word.dropLast(2)) + "ying")
            } else if !word.hasSuffix("ee") {
                forms.insert(String(word.dropLast()) + "ing")
            } else {
                forms.insert(word + "ing")
            }
        } else if consonantY {
            forms.insert(String(word.dropLast()) + "ied")
            forms.insert(word + "ing")
        } else {
            forms.insert(word + "ed")
            forms.insert(word + "ing")
            let third = letters[letters.count - 3]
            if doubling.contains(last), vowels.contains(beforeLast), !vowels.contains(third) {
                forms.insert(word + String(last) + "ed")
                forms.insert(word + String(last) + "ing")
            }
        }
        return forms
    }
}
