import Foundation

/// The `reference` extraction: the behaviour of openai simple-evals' MMMLU scorer, reimplemented on
/// Unicode scalars (as Python's `re` sees a string) so our figures compare with published ones.
///
/// 1. Light clean-up: `**`, `$\boxed{`, `}$`, `\$`, `$\text{`, `$`, `\mathrm{`, `\{`, `\text`, `\(`,
///    `\mathbf{`, `{`, `\boxed` are removed, in that order.
/// 2. For each answer pattern in a fixed multilingual list, in list order, the first position where the
///    word (case-insensitive), optional whitespace where the pattern allows it, its colon, spaces or
///    tabs, and one character of the letter class follow each other; the first pattern that matches
///    anywhere wins.
/// 3. The caught character is mapped to a Latin letter (Arabic أ ب ج د, Bengali অ ব ড ঢ, full-width
///    Ａ-Ｄ); anything else (a lowercase `d`, an Arabic `ا`) is not an option letter and scores 0.
///
/// The letter class is `[A-D]` for four options and grows with the option count (`[A-J]` for ten).
enum ReferenceExtraction {
    /// One answer pattern: the word, whether whitespace may stand before the colon, and the colon.
    struct Pattern: Sendable {
        var word: [UInt32]
        var spaceBeforeColon: Bool
        var colon: UInt32?
        var text: String
    }

    /// The answer words in simple-evals' order (`\s*` marks where whitespace may come before the colon).
    static let patternTexts: [String] = [
        #"Answer\s*:"#, #"উত্তর\s*:"#, #"उत्तर\s*:"#, "উত্তরঃ", #"Antwort\s*:"#, #"답변\s*:"#, #"정답\s*:"#,
        #"답\s*:"#, #"答案\s*："#, #"答案\s*:"#, #"答\s*："#, #"答\s*:"#, #"答复\s*："#, #"答曰\s*："#, "الإجابة:",
        "الجواب:", "إجابة:", "الإجابة النهائية:", "الإجابة الصحيحة:", "الإجابة الصحيحة هي:", "الإجابة هي:",
        "الجواب النهائي:", #"Respuesta\s*:"#, #"Risposta\s*:"#, #"答え\s*:"#, #"答え\s*："#, #"回答\s*:"#, #"回答\s*："#,
        #"解答\s*:"#, #"Jawaban\s*:"#, #"Réponse\s*:"#, #"Resposta\s*:"#, #"Jibu\s*:"#, #"Idahun\s*:"#, #"Ìdáhùn\s*:"#,
        #"Idáhùn\s*:"#, #"Àmọ̀nà\s*:"#, #"Àdáhùn\s*:"#, #"Ànúgọ\s*:"#, #"Àṣàyàn\s*:"#,
    ]

    static let patterns: [Pattern] = patternTexts.map { text in
        var word = text
        var spaced = false
        var colon: UInt32?
        if let range = word.range(of: #"\s*"#) {
            spaced = true
            word.removeSubrange(range)
        }
        if let last = word.unicodeScalars.last, last == ":" || last == "：" {
            colon = last.value
            word.unicodeScalars.removeLast()
        }
        return Pattern(
            word: word.unicodeScalars.map { fold($0.value) }, spaceBeforeColon: spaced, colon: colon, text: text)
    }

    static func extract(_ response: String, optionCount: Int) -> ExtractedAnswer {
        let text = normalize(Array(response.unicodeScalars.lazy.map(\.value)))
        let folded = text.map(fold)
        for pattern in patterns {
            guard let (start, letterAt) = firstMatch(pattern, in: text, folded: folded, optionCount: optionCount)
            else { continue }
            let caught = text[letterAt]
            let evidence = String(String.UnicodeScalarView(text[start...letterAt].compactMap(Unicode.Scalar.init)))
            return ExtractedAnswer(index: latinIndex(of: caught, optionCount: optionCount), evidence: evidence)
        }
        return .none
    }

    /// simple-evals' `normalize_response` replacements, in its order.
    static let replacements: [[UInt32]] = [
        "**", #"$\boxed{"#, "}$", #"\$"#, #"$\text{"#, "$", #"\mathrm{"#, #"\{"#, #"\text"#, #"\("#, #"\mathbf{"#, "{",
        #"\boxed"#,
    ].map { $0.unicodeScalars.map(\.value) }

    /// simple-evals' `normalize_response`, on scalars.
    static func normalize(_ scalars: [UInt32]) -> [UInt32] {
        guard scalars.contains(where: { $0 == 0x2A || $0 == 0x24 || $0 == 0x5C || $0 == 0x7B || $0 == 0x7D }) else {
            return scalars
        }
        var text = scalars
        for needle in replacements { text = removingAll(needle, from: text) }
        return text
    }

    /// `text` with every non-overlapping occurrence of `needle` removed, left to right (Python's `replace`).
    static func removingAll(_ needle: [UInt32], from text: [UInt32]) -> [UInt32] {
        guard let first = needle.first, text.count >= needle.count, text.contains(first) else { return text }
        var output: [UInt32] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == first, index + needle.count <= text.count,
                text[index..<(index + needle.count)].elementsEqual(needle)
            {
                index += needle.count
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }

    /// The first position where the pattern (compared on `folded`) and a letter-class character follow
    /// each other.
    static func firstMatch(_ pattern: Pattern, in text: [UInt32], folded: [UInt32], optionCount: Int) -> (Int, Int)? {
        let count = text.count
        let word = pattern.word
        guard let first = word.first, count > word.count else { return nil }
        var start = 0
        while start + word.count < count {
            defer { start += 1 }
            guard folded[start] == first else { continue }
            var index = start + 1
            var matched = true
            for expected in word.dropFirst() {
                guard index < count, folded[index] == expected else {
                    matched = false
                    break
                }
                index += 1
            }
            guard matched else { continue }
            if pattern.spaceBeforeColon { while index < count && isPythonSpace(text[index]) { index += 1 } }
            if let colon = pattern.colon {
                guard index < count, text[index] == colon else { continue }
                index += 1
            }
            while index < count && (text[index] == 0x20 || text[index] == 0x09) { index += 1 }
            guard index < count, inLetterClass(text[index], optionCount: optionCount) else { continue }
            return (start, index)
        }
        return nil
    }

    /// `[A-D]|[أ-د]|[অ]|[ব]|[ড]|[ঢ]|[Ａ]|[Ｂ]|[Ｃ]|[Ｄ]` under `(?i)`, with the Latin range grown to the option count.
    static func inLetterClass(_ value: UInt32, optionCount: Int) -> Bool {
        let span = UInt32(max(4, optionCount))
        switch value {
        case 0x41..<(0x41 + span), 0x61..<(0x61 + span): return true
        case 0x0623...0x062F: return true
        case 0x0985, 0x09AC, 0x09A1, 0x09A2: return true
        case 0xFF21...0xFF24, 0xFF41...0xFF44: return true
        default: return false
        }
    }

    /// simple-evals' `normalize_extracted_answer`, then the option index when the result is one.
    static func latinIndex(of value: UInt32, optionCount: Int) -> Int? {
        let mapped: UInt32
        switch value {
        case 0x0623, 0x0985, 0xFF21: mapped = 0x41
        case 0x0628, 0x09AC, 0xFF22: mapped = 0x42
        case 0x062C, 0x09A1, 0xFF23: mapped = 0x43
        case 0x062F, 0x09A2, 0xFF24: mapped = 0x44
        default: mapped = value
        }
        guard mapped >= 0x41, mapped < 0x41 + UInt32(optionCount) else { return nil }
        return Int(mapped - 0x41)
    }

    /// Python's simple case-insensitive comparison: a scalar's lowercase form.
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return ResponseNormalizer.fold(value) }
        if value >= 0x0590 && value < 0x10A0 { return value }  // Hebrew to Myanmar: no case
        if value >= 0x2E80 && value < 0xFF00 { return value }  // CJK, kana, Hangul: no case
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased,
            let lowered = scalar.properties.lowercaseMapping.unicodeScalars.first
        else { return value }
        return lowered.value
    }

    /// Python's `\s` on a `str`.
    static func isPythonSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value >= 0x09 && value <= 0x0D) || value == 0x20 || (value >= 0x1C && value <= 0x1F) }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }
}
