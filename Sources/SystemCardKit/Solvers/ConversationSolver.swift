/// Drives a conversation between two or more models, one of them the evaluated model, and stores the
/// whole conversation as the sample's transcript (layout in ``ConversationRecord``).
///
/// Each role has its own system prompt and its own view: its messages as `assistant`, the others' as
/// `user`, without their hidden parts (``HiddenText``). `plan` builds the conversation for a sample
/// (prompts with the sample's codeword, the turn limit of its variant, the referee). The completion is
/// the line saying how the conversation ended.
public struct ConversationSolver: Solver {
    /// Builds the conversation for a sample: its roles, prompts, turn limit and referee.
    public let plan: @Sendable (Sample) throws -> ConversationPlan

    /// Creates a solver that runs the conversation `plan` builds for each sample.
    public init(plan: @escaping @Sendable (Sample) throws -> ConversationPlan) {
        self.plan = plan
    }

    /// Runs the sample's conversation; the completion says how it ended, the transcript holds it all.
    public func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        let plan = try plan(sample)
        let record = try await ConversationRunner.run(plan, context: context)
        let completion = "\(record.turns.count) turns; ended by \(record.ending)"
        return SolverOutput(completion: completion, transcript: record.transcript(plan: plan))
    }
}
