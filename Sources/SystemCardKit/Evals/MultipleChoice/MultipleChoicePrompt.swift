import Foundation

/// How a multiple-choice question is put to the model.
struct MultipleChoicePrompt: Sendable, Hashable {
    /// Text before the question; `{letters}` becomes the option letters (`ABCD`).
    var instruction: String

    init(instruction: String) {
        self.instruction = instruction
    }

    /// Zero-shot chain of thought, the wording of openai simple-evals' (M)MMLU prompt, in English for
    /// every language (the question and options are in the sample's language).
    static let chainOfThought = MultipleChoicePrompt(
        instruction: "Answer the following multiple choice question. The last line of your response should be of "
            + "the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of {letters}. "
            + "Think step by step before answering.")

    /// The user message: instruction, a blank line, the question, a blank line, `A) option` lines.
    func render(_ question: MultipleChoiceQuestion) -> String {
        let letters = MultipleChoiceQuestion.letters.prefix(question.options.count)
        var text = instruction.replacingOccurrences(of: "{letters}", with: letters.joined())
        text += "\n\n" + question.question + "\n"
        for (letter, option) in zip(letters, question.options) {
            text += "\n\(letter)) \(option)"
        }
        return text
    }
}
