import Foundation

/// SimpleQA graded as simple-evals grades it (`simpleqa_eval.py`): its `GRADER_TEMPLATE`, read at run time from
/// the pinned upstream file (``SimpleQAData/grader``), filled with the question, gold target and answer and sent
/// as the user message after upstream's system message; the first `A`, `B` or `C` anywhere in the reply is the
/// grade (CORRECT, INCORRECT, NOT_ATTEMPTED).
///
/// One difference is kept on purpose: a reply without any of the three letters is a ``GradingError`` (counted and
/// shown as an error), where upstream silently counts it NOT_ATTEMPTED. The judge runs at temperature 0 (upstream's
/// sampler: 0.5) so that a rerun replays the same grades.
struct SimpleQAReferenceGrader: Grader {
    let name = "model"
    /// `simple-evals-grader@` and the first 12 hex digits of the file's SHA-256.
    let version: String
    /// The template, once ``loaded(from:)`` has read it.
    let template: String?
    /// A copy the user named (`--option judge-template=FILE`) instead of the pinned file.
    let path: String?

    /// upstream's grading sampler's system message (`OPENAI_SYSTEM_MESSAGE_API`).
    static let systemMessage = "You are a helpful assistant."
    static let letters: [Unicode.Scalar: SimpleQAGrade] = ["A": .correct, "B": .incorrect, "C": .notAttempted]

    init(path: String? = nil) {
        self.version = "simple-evals-grader"
        self.template = nil
        self.path = path
    }

    init(template: String, sha256: String) {
        self.version = "simple-evals-grader@" + sha256.prefix(12)
        self.template = template
        self.path = nil
    }

    func loaded(from directory: DataDirectory) throws -> any Grader {
        let contents = try SimpleQAData.grader.read(from: directory, path: path)
        return try Self(template: Self.template(from: contents.text), sha256: contents.sha256)
    }

    /// `GRADER_TEMPLATE` of `source`, checked to take the three fields upstream fills in.
    static func template(from source: String) throws -> String {
        try SimpleQAData.grader.constant("GRADER_TEMPLATE", fields: ["{question}", "{target}", "{predicted_answer}"], in: source)
    }

    static func messages(template: String, question: String, target: String, answer: String) throws -> [ChatMessage] {
        [
            .system(systemMessage),
            .user(try PythonSource.format(template, ["question": question, "target": target, "predicted_answer": answer])),
        ]
    }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        guard let template else { throw GradingError("simple-evals' grader template was not loaded") }
        let judge = try context.requireJudge(for: name)
        let reply = try await judge.generate(
            try Self.messages(template: template, question: sample.prompt, target: sample.target ?? "", answer: output.completion),
            settings: GenerationSettings(temperature: 0, maxTokens: 2048))
        let grade = try Self.parse(reply.text)
        return Score(
            value: grade == .correct ? 1 : 0, label: grade.rawValue, explanation: "judge: \(grade.rawValue)",
            judgeOutput: reply.text)
    }

    /// upstream's `re.search(r"(A|B|C)", reply)`: the first of the three capital letters anywhere in the reply.
    static func parse(_ text: String) throws -> SimpleQAGrade {
        guard let letter = text.unicodeScalars.first(where: { letters[$0] != nil }) else {
            throw GradingError("judge reply has no A, B or C (simple-evals would count it NOT_ATTEMPTED)", judgeOutput: text)
        }
        return letters[letter]!
    }
}
