/// What checks run in a sandbox after a solver finished found: hidden tests of a repair, a task's subtask
/// checks, a competition's grader. The checks are the evaluation's code, written into the sandbox only after
/// the model's last command, so the model never sees them.
public struct SandboxVerification: Sendable, Hashable {
    /// Whether the task counts as done (all hidden tests pass, every check passes, a medal).
    public var passed: Bool
    /// A categorical verdict (`resolved`, `tests_failed`, `patch_failed`, `gold`).
    public var label: String
    /// What the checks saw, for the transcript and `show`.
    public var explanation: String
    /// Named figures besides pass/fail (`checks`: the share of subtasks done; `score`: a raw metric).
    public var parts: [String: Double]

    public init(passed: Bool, label: String, explanation: String, parts: [String: Double] = [:]) {
        self.passed = passed
        self.label = label
        self.explanation = explanation
        self.parts = parts
    }
}

/// Scores a sample from its ``SandboxVerification``: 1 when it passed, with the checks' label, explanation and
/// parts. A solver that produced no verification is a grading error, never a score.
struct SandboxVerificationGrader: Grader {
    let name = "rules"
    var version: String

    init(version: String) { self.version = version }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        guard let verification = output.verification else {
            throw GradingError("the solver ran no checks in the sandbox for \(sample.id)")
        }
        return Score(
            value: verification.passed ? 1 : 0, label: verification.label, explanation: verification.explanation,
            parts: verification.parts.isEmpty ? nil : verification.parts)
    }
}
