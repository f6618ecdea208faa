/// How the model is driven for one sample: a single generate call, a multi-turn conversation, an agent
/// loop. Returns the final answer and the whole conversation.
public protocol Solver: Sendable {
    /// Drives the model through `sample` and returns the final answer and the whole conversation.
    func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput
}

/// What a solver may use: the evaluated model and any other named roles.
public struct SolverContext: Sendable {
    /// The evaluated model.
    public let model: any ModelRole
    /// The evaluation's other named roles (`mark`), by name.
    public let roles: [String: any ModelRole]
    /// The epoch being run (1-based).
    public let epoch: Int
    /// The run's grader model, for solvers that score as they go (an automated attacker's judge); nil when the
    /// run has none. Its calls are counted as the grader's.
    public let judge: (any ModelRole)?

    /// Creates a context; by default with no other roles and no judge.
    public init(model: any ModelRole, roles: [String: any ModelRole] = [:], epoch: Int, judge: (any ModelRole)? = nil) {
        self.model = model
        self.roles = roles
        self.epoch = epoch
        self.judge = judge
    }
}

/// The final answer and the conversation that produced it.
public struct SolverOutput: Sendable, Hashable {
    /// The final answer, which the grader scores.
    public var completion: String
    /// The whole conversation, stored with the result.
    public var transcript: [ChatMessage]
    /// The target this attempt is held to, when the solver made it (a flag generated per epoch); nil: the
    /// sample's.
    public var target: String?
    /// What checks in the sandbox found after the solver finished (hidden tests, a task's checks), when they
    /// decide the sample; ``SandboxVerificationGrader`` scores it.
    public var verification: SandboxVerification?
    /// Named figures the solver measured (an attack's queries to success), for graders that keep them in the
    /// score's parts.
    public var parts: [String: Double]?

    /// Creates an output.
    public init(completion: String, transcript: [ChatMessage], target: String? = nil) {
        self.completion = completion
        self.transcript = transcript
        self.target = target
    }
}
