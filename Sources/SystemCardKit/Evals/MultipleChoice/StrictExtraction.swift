/// The `strict` extraction (the default): after ``ResponseNormalizer`` has removed markdown, LaTeX and
/// script variants, the **last** place where an answer word of the sample's language (or English), a
/// colon, optionally an option word ("option", "Antwort", "الخيار", "选项"), optionally an opening bracket
/// or quote, and a letter follow each other, where the letter stands alone: the next character is not a
/// letter or digit (so "Antwort: Die …" never reads as D). A lowercase letter counts only when it ends the
/// line or is followed by `)`, `.`, `]`, `,`, `;` or `:` ("Answer: a bit" is not an answer).
enum StrictExtraction {
    /// A language's answer and option words as folded scalars, answer words indexed by first scalar.
    struct Patterns: Sendable {
        var answerWords: [UInt32: [[UInt32]]]
        var optionWords: [[UInt32]]
        var scriptLetters: [UInt32: Int]
    }

    static let patternsByLanguage: [AnswerLanguage: Patterns] = {
        var table: [AnswerLanguage: Patterns] = [:]
        for language in AnswerLanguage.allCases {
            let words = Set(language.answerWords + AnswerLanguage.english.answerWords).map(folded)
                .sorted { $0.count > $1.count }
            var byFirst: [UInt32: [[UInt32]]] = [:]
            for word in words where !word.isEmpty { byFirst[word[0], default: []].append(word) }
            let options = Set(language.optionWords + AnswerLanguage.english.optionWords + ["answer"]).map(folded)
                .sorted { $0.count > $1.count }
            table[language] = Patterns(
                answerWords: byFirst, optionWords: options,
                scriptLetters: Dictionary(
                    uniqueKeysWithValues: language.scriptLetters.map { ($0.key.value, $0.value) }))
        }
        return table
    }()

    static func folded(_ word: String) -> [UInt32] { ResponseNormalizer.clean(word).map(ResponseNormalizer.fold) }

    static func extract(_ response: String, language: AnswerLanguage, optionCount: Int) -> ExtractedAnswer {
        guard let patterns = patternsByLanguage[language] else { return .none }
        let text = ResponseNormalizer.clean(response)
        var position = text.count - 1
        while position >= 0 {
            defer { position -= 1 }
            guard let words = patterns.answerWords[ResponseNormalizer.fold(text[position])] else { continue }
            for word in words {
                if needsBoundary(word), position > 0, ResponseNormalizer.isWordScalar(text[position - 1]) { continue }
                guard let end = match(word, in: text, at: position) else { continue }
                if let (index, letterEnd) = letter(after: end, in: text, patterns: patterns, optionCount: optionCount) {
                    let scalars = text[position..<letterEnd].compactMap(Unicode.Scalar.init)
                    let evidence = String(String.UnicodeScalarView(scalars))
                    return ExtractedAnswer(index: index, evidence: evidence)
                }
            }
        }
        return .none
    }

    /// Words in spaced scripts (Latin, Arabic, Indic) must start and end at word boundaries.
    @inline(__always)
    static func needsBoundary(_ word: [UInt32]) -> Bool { (word.first ?? 0) < 0x1100 }

    /// The end of `word` matched at `start` (case-folded; a space in the word matches any run of spaces).
    static func match(_ word: [UInt32], in text: [UInt32], at start: Int) -> Int? {
        var index = start
        let count = text.count
        for expected in word {
            guard index < count else { return nil }
            if expected == 0x20 {
                guard ResponseNormalizer.isSpace(text[index]) else { return nil }
                while index < count && ResponseNormalizer.isSpace(text[index]) { index += 1 }
                continue
            }
            guard ResponseNormalizer.fold(text[index]) == expected else { return nil }
            index += 1
        }
        if needsBoundary(word), index < count, !isColon(text[index]), ResponseNormalizer.isWordScalar(text[index]) {
            return nil
        }
        return index
    }

    static func isColon(_ value: UInt32) -> Bool { value == 0x3A || value == 0x0983 }

    static func isOpening(_ value: UInt32) -> Bool {
        switch value {
        case 0x28, 0x5B, 0x22, 0x27, 0x201C, 0x2018, 0x00AB, 0x300C, 0x3010, 0x300A, 0x3008: return true
        default: return false
        }
    }

    static func isHorizontalSpace(_ value: UInt32) -> Bool { value == 0x20 || value == 0x09 }

    /// The option after an answer word that ends at `start`: colon, optional option word, optional
    /// opening bracket or quote, then a standalone letter. Returns the option index and where it ends.
    static func letter(after start: Int, in text: [UInt32], patterns: Patterns, optionCount: Int) -> (Int, Int)? {
        let count = text.count
        var index = start
        while index < count && isHorizontalSpace(text[index]) { index += 1 }
        guard index < count, isColon(text[index]) else { return nil }
        index += 1
        while index < count && ResponseNormalizer.isSpace(text[index]) { index += 1 }
        for word in patterns.optionWords {
            guard let end = match(word, in: text, at: index) else { continue }
            index = end
            while index < count && isHorizontalSpace(text[index]) { index += 1 }
            if index < count && isColon(text[index]) { index += 1 }
            while index < count && isHorizontalSpace(text[index]) { index += 1 }
            break
        }
        for _ in 0..<2 where index < count && isOpening(text[index]) {
            index += 1
            while index < count && isHorizontalSpace(text[index]) { index += 1 }
        }
        guard index < count else { return nil }
        let value = text[index]
        let span = UInt32(optionCount)
        var option: Int?
        var lowercase = false
        if value >= 0x41 && value < 0x41 + span {
            option = Int(value - 0x41)
        } else if value >= 0x61 && value < 0x61 + span {
            option = Int(value - 0x61)
            lowercase = true
        } else if let scripted = patterns.scriptLetters[value], scripted < optionCount {
            option = scripted
        }
        guard let option else { return nil }
        let after = index + 1
        if after < count && ResponseNormalizer.isWordScalar(text[after]) { return nil }
        if lowercase && !endsLowercaseAnswer(text, from: after) { return nil }
        return (option, after)
    }

    /// A lowercase letter is an answer only at the end of its line or before closing punctuation.
    static func endsLowercaseAnswer(_ text: [UInt32], from start: Int) -> Bool {
        guard start < text.count else { return true }
        switch text[start] {
        case 0x29, 0x2E, 0x5D, 0x2C, 0x3B, 0x3A, 0x0A, 0x0D, 0x3002, 0x300D, 0x3011: return true
        default: break
        }
        var index = start
        while index < text.count && isHorizontalSpace(text[index]) { index += 1 }
        return index == text.count || text[index] == 0x0A || text[index] == 0x0D
    }
}
