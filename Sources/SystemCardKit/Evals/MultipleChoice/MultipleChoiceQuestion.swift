import Foundation

/// A multiple-choice item: a question, 2 to 12 options shown as A, B, C…, the correct letter, and the
/// language answers are expected in. ``sample(id:prompt:)`` turns it into a ``Sample`` whose metadata
/// carries what the grader needs (`option_count`, `language`) besides the dataset's own fields.
struct MultipleChoiceQuestion: Sendable, Hashable {
    /// Option letters in order; at most twelve options (LAB-Bench has eleven with its abstain option).
    static let letters: [String] = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]

    /// Metadata keys the engine sets on every multiple-choice sample.
    enum MetadataKey {
        static let optionCount = "option_count"
        static let language = "language"
    }

    var question: String
    var options: [String]
    /// The index of the correct option (0 = A).
    var answerIndex: Int
    var language: AnswerLanguage
    /// Dataset fields for grouping (subject, category, …).
    var metadata: [String: String]

    /// Fails with a reason when there are fewer than 2 or more than 12 options, an option is empty, or
    /// the answer is not one of the option letters.
    init(
        question: String, options: [String], answer: String, language: AnswerLanguage = .english,
        metadata: [String: String] = [:]
    ) throws(MultipleChoiceError) {
        guard (2...Self.letters.count).contains(options.count) else {
            throw MultipleChoiceError("a question needs 2 to \(Self.letters.count) options, found \(options.count)")
        }
        if let empty = options.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw MultipleChoiceError("option \(Self.letters[empty]) is empty")
        }
        let letter = answer.trimmingCharacters(in: .whitespaces).uppercased()
        guard let index = Self.letters.prefix(options.count).firstIndex(of: letter) else {
            throw MultipleChoiceError(
                "answer '\(answer)' is not one of \(Self.letters.prefix(options.count).joined(separator: ", "))")
        }
        self.question = question
        self.options = options
        self.answerIndex = index
        self.language = language
        self.metadata = metadata
    }

    /// The correct letter.
    var answer: String { Self.letters[answerIndex] }

    /// The letter of option `index` (0 = A).
    static func letter(at index: Int) -> String { letters[index] }

    /// The sample sent to the model: one user message rendered by `prompt`, target the correct letter.
    func sample(id: String, prompt: MultipleChoicePrompt = .chainOfThought) -> Sample {
        var metadata = self.metadata
        metadata[MetadataKey.optionCount] = String(options.count)
        metadata[MetadataKey.language] = language.rawValue
        return Sample(id: id, messages: [.user(prompt.render(self))], target: answer, metadata: metadata)
    }
}

/// A multiple-choice item that cannot be asked (wrong option count, unknown answer letter).
struct MultipleChoiceError: Error, CustomStringConvertible, Sendable, Equatable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}
