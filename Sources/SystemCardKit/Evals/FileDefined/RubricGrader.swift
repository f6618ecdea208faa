import Foundation

/// The model grader of an evaluation file: its rubric (with `{{question}}`, `{{answer}}`, `{{target}}` and the
/// row's fields) is the judge's instruction, and the judge ends with `GRADE: PASS` or `GRADE: FAIL`; anything
/// else is a grading error, never a score. The rubric's digest is the grader's version.
struct RubricGrader: Grader {
    let rubric: FieldTemplate
    let name = "model"
    var version: String { "file-rubric@" + SHA256Digest.hex(rubric.text).prefix(12) }

    static let format = "\n\nEnd your reply with one line: GRADE: PASS if the answer meets the rubric, GRADE: FAIL if not."

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let judge = try context.requireJudge(for: name)
        var fields = sample.metadata
        fields["question"] = sample.prompt
        fields["answer"] = output.completion
        fields["target"] = sample.target ?? ""
        let instruction: String
        do {
            instruction = try rubric.render(DataRecord(file: "rubric", line: 0, fields: fields))
        } catch {
            throw GradingError("the rubric names a field this sample lacks: \(error)")
        }
        let reply = try await judge.generate(
            [.system(instruction + Self.format),
             .user("QUESTION:\n\(sample.prompt)\n\nANSWER:\n\(output.completion)")],
            settings: GenerationSettings(temperature: 0, maxTokens: 400))
        guard let line = SafetyJudgeText.lastLine("GRADE", in: reply.text) else {
            throw GradingError("judge reply has no GRADE line", judgeOutput: reply.text)
        }
        let word = line.uppercased().prefix { $0.isLetter }
        guard word == "PASS" || word == "FAIL" else {
            throw GradingError("judge GRADE is neither PASS nor FAIL", judgeOutput: reply.text)
        }
        return Score(value: word == "PASS" ? 1 : 0, label: word.lowercased(), explanation: "judge: \(word)", judgeOutput: reply.text)
    }
}
