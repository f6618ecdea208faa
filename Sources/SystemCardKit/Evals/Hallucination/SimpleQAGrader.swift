import Foundation

/// Grades a SimpleQA answer against the gold target as correct, incorrect or not attempted, with a
/// pinned, versioned judge prompt (written for this project). The judge's reason and raw answer are
/// stored; an answer without exactly one grade is a ``GradingError``, never a score.
struct SimpleQAGrader: Grader {
    let name = "model"
    let version = "simpleqa-judge-v1"

    init() {}

    /// The judge's system prompt. Changing a word here means bumping ``version``.
    static let instructions = """
        You grade answers to short factual questions. You are given the QUESTION, the GOLD TARGET (the \
        right answer) and the PREDICTED ANSWER. Choose exactly one grade:

        CORRECT: the predicted answer gives the gold target, and nothing in it contradicts the gold \
        target. Differences of spelling, capitalisation, word order, language or added consistent detail \
        do not matter; a missing middle name does not matter. A number must match to the precision the \
        gold target gives.
        INCORRECT: the predicted answer commits to an answer that differs from or contradicts the gold \
        target, including a hedged answer ("I think it is …") with a wrong value, or a list of candidates \
        that are not all right.
        NOT_ATTEMPTED: the predicted answer does not commit to an answer: it says it does not know, asks \
        for more information, or gives related facts without answering the question.

        Reply in exactly this format and nothing else:
        REASON: <one sentence>
        GRADE: <CORRECT | INCORRECT | NOT_ATTEMPTED>
        """

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let judge = try context.requireJudge(for: name)
        let reply = try await judge.generate(
            Self.messages(for: sample, answer: output.completion),
            settings: GenerationSettings(temperature: 0, maxTokens: 300))
        let (grade, reason) = try Self.parse(reply.text)
        return Score(
            value: grade == .correct ? 1 : 0, label: grade.rawValue, explanation: reason, judgeOutput: reply.text)
    }

    static func messages(for sample: Sample, answer: String) -> [ChatMessage] {
        [
            .system(instructions),
            .user(
                "QUESTION:\n\(sample.prompt)\n\nGOLD TARGET:\n\(sample.target ?? "")\n\nPREDICTED ANSWER:\n\(answer)"),
        ]
    }

    /// Reads the last `GRADE:` line (and `REASON:`).
    static func parse(_ text: String) throws -> (SimpleQAGrade, String) {
        guard let line = SafetyJudgeText.lastLine("GRADE", in: text) else {
            throw GradingError("judge answer has no GRADE line", judgeOutput: text)
        }
        let word = line.uppercased().replacingOccurrences(of: "NOT ATTEMPTED", with: "NOT_ATTEMPTED")
            .prefix { $0.isLetter || $0 == "_" }
        let grade: SimpleQAGrade
        switch word {
        case "CORRECT": grade = .correct
        case "INCORRECT": grade = .incorrect
        case "NOT_ATTEMPTED": grade = .notAttempted
        default: throw GradingError("judge GRADE line is not CORRECT, INCORRECT or NOT_ATTEMPTED", judgeOutput: text)
        }
        let reason = SafetyJudgeText.lastLine("REASON", in: text) ?? "judge: \(grade.rawValue)"
        return (grade, reason)
    }
}
