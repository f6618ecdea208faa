/// What the card says under an evaluation's table about one model's run, in every format: why it did not
/// run, or how many samples were scored, errored or missing, the grader, the limit and epochs, folded
/// developer messages and the run id. ``RunSummary`` requires these to be reported wherever results are.
struct CardRunNote: Sendable, Hashable {
    /// One statement of the note.
    enum Part: Sendable, Hashable {
        case text(String)
        /// The run id (writers set it as code).
        case run(String)
    }

    var model: String
    /// Why the model was not run; `parts` is then empty.
    var notRun: String?
    var parts: [Part]

    /// How a judge of an evaluation can be checked against human labels, where a labelled set exists.
    static let judgeValidation: [String: String] = [
        "xstest": "systemcard validate xstest-grader --grader <judge> measures its agreement with XSTest's 450 "
            + "human labels",
        "redteam-attack": "systemcard validate moderation --classifier <judge> measures its content classifier "
            + "against XSTest's and HarmBench's labels",
    ]

    init(_ result: CardModelResult, evaluation: String = "") {
        model = result.model
        notRun = result.notRun
        parts = []
        guard notRun == nil else { return }
        if let counts = result.counts {
            parts.append(.text("\(counts.scored) of \(counts.samples) samples scored"))
            if counts.errors > 0 { parts.append(.text("\(counts.errors) errored (in no metric)")) }
            if counts.missing > 0 { parts.append(.text("\(counts.missing) not run (the run stopped early)")) }
        }
        for role in result.standIns ?? [] {
            parts.append(.text("the \(role) was played by \(result.model) itself (no other model in this local card)"))
        }
        var grader = result.grader ?? "?"
        if let version = result.graderVersion { grader += " (\(version))" }
        if let judge = result.graderModel { grader += " with \(judge)" }
        parts.append(.text("grader \(grader)"))
        if let validation = result.judgeValidation {
            parts.append(.text(validation))
        } else if result.graderModel != nil {
            // Agreement with human labels depends on the judge model, so it is never assumed.
            parts.append(
                .text(
                    "judge not validated in this card"
                        + (Self.judgeValidation[evaluation].map { " (\($0))" } ?? " (no labelled set for this evaluation)")))
        }
        if let limit = result.limit { parts.append(.text("limit \(limit)")) }
        if let cost = result.cost { parts.append(.text("cost \(cost.text)")) }
        if result.epochs > 1 { parts.append(.text("\(result.epochs) epochs")) }
        if result.developerRoleFolded > 0 {
            parts.append(
                .text("developer messages folded into the system message for \(result.developerRoleFolded) samples"))
        }
        if let run = result.runId { parts.append(.run(run)) }
    }

    /// The notes of every model's run of `evaluation`, in column order.
    static func notes(for evaluation: CardEvaluationResult) -> [CardRunNote] {
        evaluation.results.map { CardRunNote($0, evaluation: evaluation.name) }
    }
}
