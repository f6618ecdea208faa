/// Noun lemmas as WordNet's `morphy` derives them for nouns (the lemmatizer openai/evals' MakeMeSay uses, with
/// its default noun part of speech): its detachment rules (`-s`, `-ses`, `-xes`, `-zes`, `-ches`, `-shes`,
/// `-men`, `-ies`) and a table of irregular plurals. Without WordNet's dictionary we cannot check that a
/// stripped form is a word, so the shortest-rule form is taken only when the word is not itself a known
/// singular ending (`-ss`, `-us`, `-is`); documented as the one remaining deviation.
enum NounLemmatizer {
    static let irregular: [String: String] = [
        "children": "child", "men": "man", "women": "woman", "people": "person", "feet": "foot", "teeth": "tooth",
        "geese": "goose", "mice": "mouse", "lice": "louse", "oxen": "ox", "dice": "die", "criteria": "criterion",
        "phenomena": "phenomenon", "data": "datum", "media": "medium", "cacti": "cactus", "fungi": "fungus",
        "nuclei": "nucleus", "radii": "radius", "alumni": "alumnus", "analyses": "analysis", "crises": "crisis",
        "theses": "thesis", "wolves": "wolf", "knives": "knife", "wives": "wife", "lives": "life", "leaves": "leaf",
        "halves": "half", "shelves": "shelf", "selves": "self", "loaves": "loaf", "thieves": "thief",
    ]

    static let rules: [(suffix: String, replacement: String)] = [
        ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ies", "y"), ("men", "man"),
        ("s", ""),
    ]

    /// The noun lemma of a lower-cased word.
    static func lemma(_ word: String) -> String {
        if let base = irregular[word] { return base }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.count <= 3 { return word }
        for rule in rules where word.hasSuffix(rule.suffix) {
            return String(word.dropLast(rule.suffix.count)) + rule.replacement
        }
        return word
    }

    /// Whether `text` mentions `codeword` as upstream decides: lower-cased, quotes removed, split into words,
    /// a word whose noun lemma is the codeword's. With WordNet's dictionary (`systemcard data fetch wordnet`)
    /// the lemmas are NLTK's exactly (``WordNetNouns/lemma(_:)``); without it, the rules above.
    static func mentions(_ codeword: String, in text: String, dictionary: WordNetNouns? = nil) -> Bool {
        let lemmatize: (String) -> String = { dictionary?.lemma($0) ?? lemma($0) }
        let target = lemmatize(codeword.lowercased())
        let cleaned = text.lowercased().filter { !"\"'“”‘’".contains($0) }
        let words = cleaned.split { !$0.isLetter }.map(String.init)
        return words.contains { lemmatize($0) == target }
    }
}
