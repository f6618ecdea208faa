/// Tells English, French, Spanish and German apart by counting common function words: enough to check
/// "reply only in French", with no model.
enum LanguageIdentifier {
    static let stopwords: [String: Set<String>] = [
        "en": [
            "the", "and", "is", "are", "of", "to", "in", "it", "you", "that", "this", "with", "for", "on", "was",
            "be", "have", "not", "can", "your", "an", "or", "as", "at", "by", "from", "which", "will", "would",
            "there", "their", "what", "how", "here", "if", "they", "these", "some", "also", "should", "when",
        ],
        "fr": [
            "le", "les", "et", "est", "une", "des", "du", "que", "qui", "pour", "dans", "pas", "vous", "nous",
            "il", "elle", "sur", "avec", "au", "aux", "ce", "cette", "sont", "ou", "mais", "je", "plus", "très",
            "votre", "voici", "leur", "ces", "être", "avez", "peut", "sans", "comme", "aussi", "si", "d", "l",
            "c", "qu", "j", "n",
        ],
        "es": [
            "el", "los", "las", "y", "una", "del", "por", "para", "con", "se", "su", "al", "lo", "como", "más",
            "pero", "está", "son", "muy", "usted", "yo", "este", "esta", "sus", "también", "puede", "hay", "esto",
            "pregunta", "respuesta", "cuando", "sin", "sobre", "tiene", "o",
        ],
        "de": [
            "der", "die", "das", "und", "ist", "ein", "eine", "nicht", "zu", "mit", "den", "dem", "des", "auf",
            "für", "sie", "ich", "du", "wir", "von", "im", "auch", "sind", "wie", "oder", "aber", "bei", "sich",
            "werden", "dies", "ihre", "kann", "hier", "wenn", "einen", "einer", "noch", "nach", "über",
        ],
    ]

    /// Language names used in prompts.
    static let names: [String: String] = ["en": "English", "fr": "French", "es": "Spanish", "de": "German"]

    /// Function-word hits per language.
    static func scores(_ text: String) -> [String: Int] {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        var scores: [String: Int] = [:]
        for (language, list) in stopwords {
            scores[language] = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
        }
        return scores
    }

    /// The language with strictly the most hits (at least two), or nil when unclear.
    static func dominant(_ text: String) -> String? {
        let ranked = scores(text).sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 2 else { return nil }
        if ranked.count > 1 && ranked[1].value >= best.value { return nil }
        return best.key
    }
}
