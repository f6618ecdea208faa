/// Grades a LAB-Bench open answer against the row's `ideal` answer with a pinned judge prompt (written for
/// this project): does the answer give the same fix or result? The judge's raw reply is stored; a reply
/// without exactly one verdict line is a ``GradingError``, never a score.
struct LabBenchOpenAnswerGrader: Grader {
    let name = "model"
    let version = "lab-bench-open-judge-v1"

    /// The judge's system prompt. Changing a word here means bumping ``version``.
    static let instructions = """
        You grade answers to laboratory questions (troubleshooting a protocol, or a cloning result). You are \
        given the QUESTION, the REFERENCE ANSWER written by an expert, and the RESPONSE to grade.

        CORRECT: the response gives the reference answer's fix or result: the same step and the same change \
        (or an equivalent one a scientist would accept as the same), or the same value. Extra consistent \
        detail is fine.
        INCORRECT: the response gives another fix or result, several candidates of which not all are right, \
        only general advice, or no answer.

        Reply in exactly this format and nothing else:
        REASON: <one sentence>
        VERDICT: <CORRECT | INCORRECT>
        """

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let judge = try context.requireJudge(for: name)
        let reply = try await judge.generate(
            Self.messages(for: sample, answer: output.completion),
            settings: GenerationSettings(temperature: 0, maxTokens: 300))
        let (correct, reason) = try Self.parse(reply.text)
        return Score(
            value: correct ? 1 : 0, label: correct ? "correct" : "incorrect", explanation: reason,
            judgeOutput: reply.text)
    }

    static func messages(for sample: Sample, answer: String) -> [ChatMessage] {
        [
            .system(instructions),
            .user("QUESTION:\n\(sample.prompt)\n\nREFERENCE ANSWER:\n\(sample.target ?? "")\n\nRESPONSE:\n\(answer)"),
        ]
    }

    /// Reads the last `VERDICT:` line (and `REASON:`).
    static func parse(_ text: String) throws -> (correct: Bool, reason: String) {
        let word = try SafetyJudgeText.choice("VERDICT", among: ["CORRECT", "INCORRECT"], in: text)
        return (word == "CORRECT", SafetyJudgeText.lastLine("REASON", in: text) ?? "judge: \(word.lowercased())")
    }
}
