/// How the answer letter is found in a response.
public enum ExtractionMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// As openai's simple-evals MMMLU does it, so figures compare with published ones: after a light
    /// markdown/LaTeX clean-up, the first answer word of a fixed multilingual list (in list order) that
    /// is followed by a character of `[A-D]` (any case), an Arabic letter from أ to د, a Bengali
    /// অ ব ড ঢ or a full-width Ａ-Ｄ wins, and its first occurrence is taken. Known weakness: the
    /// character may be the first letter of the next word ("Antwort: Die Antwort ist B" gives D).
    case reference
    /// The default: the last "answer word, colon, letter" in the response, in the sample's language or
    /// English, where the letter stands alone (not the start of a word), after a full normalisation.
    case strict

    /// The mode named by `--option extraction=…` (default strict).
    init(option: String?) throws {
        guard let option, !option.isEmpty else {
            self = .strict
            return
        }
        guard let mode = ExtractionMode(rawValue: option.lowercased()) else {
            throw SystemCardError.invalidInput(
                "--option extraction=\(option) is not one of "
                    + ExtractionMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = mode
    }
}

extension ExtractionMode {
    /// The `extraction` option every multiple-choice evaluation takes.
    static let option = EvaluationOption(
        "extraction", summary: "how the answer letter is found: strict (default) or reference (as simple-evals)",
        default: ExtractionMode.strict.rawValue)
}
