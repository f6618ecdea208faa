import Foundation

/// A language a multiple-choice answer may be written in: its words for "Answer", the words a model puts
/// between "Answer:" and the letter ("option", "choix", …), and the letters of its own script that stand
/// for A, B, C… (Arabic أ ب ج د, Bengali ক খ গ ঘ, Hindi क ख ग घ).
///
/// Words are stored folded the way ``ResponseNormalizer`` folds a response: lower case, Latin diacritics
/// removed (`Réponse` → `reponse`, `Ìdáhùn` → `idahun`), so one entry matches every spelling.
public enum AnswerLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// English.
    case english = "en"
    /// Arabic.
    case arabic = "ar"
    /// Bengali.
    case bengali = "bn"
    /// Chinese (Simplified).
    case chinese = "zh"
    /// French.
    case french = "fr"
    /// German.
    case german = "de"
    /// Hindi.
    case hindi = "hi"
    /// Indonesian.
    case indonesian = "id"
    /// Italian.
    case italian = "it"
    /// Japanese.
    case japanese = "ja"
    /// Korean.
    case korean = "ko"
    /// Portuguese.
    case portuguese = "pt"
    /// Spanish.
    case spanish = "es"
    /// Swahili.
    case swahili = "sw"
    /// Yoruba.
    case yoruba = "yo"

    /// The 14 languages of MMMLU, in the order the system card lists them.
    public static let mmmlu: [AnswerLanguage] = [
        .arabic, .bengali, .chinese, .french, .german, .hindi, .indonesian, .italian, .japanese, .korean,
        .portuguese, .spanish, .swahili, .yoruba,
    ]

    /// The language's name in English.
    var name: String {
        switch self {
        case .english: return "English"
        case .arabic: return "Arabic"
        case .bengali: return "Bengali"
        case .chinese: return "Chinese (Simplified)"
        case .french: return "French"
        case .german: return "German"
        case .hindi: return "Hindi"
        case .indonesian: return "Indonesian"
        case .italian: return "Italian"
        case .japanese: return "Japanese"
        case .korean: return "Korean"
        case .portuguese: return "Portuguese (Brazil)"
        case .spanish: return "Spanish"
        case .swahili: return "Swahili"
        case .yoruba: return "Yoruba"
        }
    }

    /// The locale in openai's MMMLU file names (`mmlu_AR-XY.csv`); nil for English.
    var mmmluLocale: String? {
        switch self {
        case .english: return nil
        case .arabic: return "AR-XY"
        case .bengali: return "BN-BD"
        case .chinese: return "ZH-CN"
        case .french: return "FR-FR"
        case .german: return "DE-DE"
        case .hindi: return "HI-IN"
        case .indonesian: return "ID-ID"
        case .italian: return "IT-IT"
        case .japanese: return "JA-JP"
        case .korean: return "KO-KR"
        case .portuguese: return "PT-BR"
        case .spanish: return "ES-LA"
        case .swahili: return "SW-KE"
        case .yoruba: return "YO-NG"
        }
    }

    /// The language's own words for "Answer" (folded), longest first where one contains another. English
    /// "answer" is always accepted too (the prompt asks for `Answer: $LETTER` in English).
    var answerWords: [String] {
        switch self {
        case .english: return ["answer"]
        case .arabic:
            return [
                "الإجابة الصحيحة هي", "الإجابة الصحيحة", "الإجابة النهائية", "الإجابة هي", "الجواب النهائي",
                "الجواب هو", "الإجابة", "الاجابة", "الجواب", "إجابة", "اجابة",
            ]
        case .bengali: return ["উত্তর"]
        case .chinese: return ["最终答案", "答案", "回答", "答复", "答"]
        case .french: return ["reponse finale", "reponse"]
        case .german: return ["antwort"]
        case .hindi: return ["उत्तर", "जवाब"]
        case .indonesian: return ["jawaban akhir", "jawaban"]
        case .italian: return ["risposta finale", "risposta"]
        case .japanese: return ["答え", "回答", "解答", "正解", "答"]
        case .korean: return ["정답은", "답변", "정답", "답은", "답"]
        case .portuguese: return ["resposta final", "resposta"]
        case .spanish: return ["respuesta final", "respuesta"]
        case .swahili: return ["jibu la mwisho", "jibu sahihi", "jibu"]
        case .yoruba: return ["idahun", "adahun", "amona", "anugo"]
        }
    }

    /// Words a model may put between the colon and the letter ("Answer: option B"), folded. English
    /// ones are always accepted too.
    var optionWords: [String] {
        switch self {
        case .english: return ["option", "choice", "letter"]
        case .arabic: return ["الخيار", "الاختيار", "خيار"]
        case .bengali: return ["বিকল্প"]
        case .chinese: return ["选项"]
        case .french: return ["option", "choix", "reponse", "lettre"]
        case .german: return ["antwort", "option", "auswahl", "buchstabe"]
        case .hindi: return ["विकल्प"]
        case .indonesian: return ["pilihan", "opsi", "jawaban"]
        case .italian: return ["opzione", "risposta", "lettera"]
        case .japanese: return ["選択肢"]
        case .korean: return ["선택지", "옵션"]
        case .portuguese: return ["alternativa", "opcao", "letra", "resposta"]
        case .spanish: return ["opcion", "respuesta", "letra"]
        case .swahili: return ["chaguo", "jibu"]
        case .yoruba: return ["asayan", "idahun"]
        }
    }

    /// Letters of the language's own script that stand for option letters, by option index (0 = A).
    var scriptLetters: [Unicode.Scalar: Int] {
        switch self {
        case .arabic:
            // Abjad order (أبجد هوز حطي); a bare alef is read as أ.
            return ["أ": 0, "ا": 0, "ب": 1, "ج": 2, "د": 3, "ه": 4, "و": 5, "ز": 6, "ح": 7, "ط": 8, "ي": 9]
        case .bengali:
            // The Bengali consonant order, plus the transliterations openai's reference maps (অ ব ড ঢ).
            return [
                "ক": 0, "খ": 1, "গ": 2, "ঘ": 3, "ঙ": 4, "চ": 5, "ছ": 6, "জ": 7, "ঝ": 8, "ঞ": 9,
                "অ": 0, "ব": 1, "ড": 2, "ঢ": 3,
            ]
        case .hindi:
            return ["क": 0, "ख": 1, "ग": 2, "घ": 3, "ङ": 4, "च": 5, "छ": 6, "ज": 7, "झ": 8, "ञ": 9]
        default:
            return [:]
        }
    }

    /// True where words are separated by spaces, so an answer word must start a word ("Antwort", not
    /// "Gegenantwort"). Chinese and Japanese run words together.
    var wordsAreSpaced: Bool {
        switch self {
        case .chinese, .japanese, .korean: return false
        default: return true
        }
    }

    /// The language for a code (`fr`), a name (`French`) or an MMMLU locale (`FR-FR`, `fr_fr`).
    init?(code: String) {
        let lowered = code.trimmingCharacters(in: .whitespaces).lowercased()
        if let match = AnswerLanguage(rawValue: lowered) {
            self = match
            return
        }
        let normalised = lowered.replacingOccurrences(of: "_", with: "-")
        guard let match = AnswerLanguage.allCases.first(where: {
            $0.mmmluLocale?.lowercased() == normalised || $0.name.lowercased() == lowered
                || $0.name.lowercased().hasPrefix(lowered + " ")
        }) else { return nil }
        self = match
    }
}
