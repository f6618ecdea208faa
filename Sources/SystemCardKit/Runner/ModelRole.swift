/// A model in a role (the evaluated model, the grader, a conversation partner) as solvers and graders
/// see it: `generate` sends messages and returns the answer, through the cache and the retry layer.
public struct ModelRole: Sendable {
    public let name: String
    let client: ModelClient
    let epoch: Int
    let ledger: CallLedger
    let isGrader: Bool

    public init(name: String, client: ModelClient, epoch: Int, ledger: CallLedger, isGrader: Bool = false) {
        self.name = name
        self.client = client
        self.epoch = epoch
        self.ledger = ledger
        self.isGrader = isGrader
    }

    /// The model behind the role.
    public var identity: ModelIdentity { client.provider.identity }

    /// Sends the conversation and returns the model's answer.
    public func generate(_ messages: [ChatMessage], settings: GenerationSettings? = nil) async throws -> ModelResponse {
        let response = try await client.generate(messages, settings: settings, epoch: epoch)
        ledger.record(response, isGrader: isGrader)
        return response
    }
}
