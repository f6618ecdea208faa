/// How the model is driven for one sample: a single generate call, a multi-turn conversation, an agent
/// loop. Returns the final answer and the whole conversation.
public protocol Solver: Sendable {
    func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput
}

/// What a solver may use: the evaluated model and any other named roles.
public struct SolverContext: Sendable {
    public let model: any ModelRole
    public let roles: [String: any ModelRole]
    public let epoch: Int

    public init(model: any ModelRole, roles: [String: any ModelRole] = [:], epoch: Int) {
        self.model = model
        self.roles = roles
        self.epoch = epoch
    }
}

/// The final answer and the conversation that produced it.
public struct SolverOutput: Sendable, Hashable {
    public var completion: String
    public var transcript: [ChatMessage]

    public init(completion: String, transcript: [ChatMessage]) {
        self.completion = completion
        self.transcript = transcript
    }
}
