/// The runner's ``ModelRole``: every call goes through the run's call cache and retry layer, and its cost
/// is recorded in the sample's ledger (the evaluated model's as usage, every other role's as grader usage).
struct CachedModelRole: ModelRole {
    let name: String
    let client: ModelClient
    let epoch: Int
    let ledger: CallLedger
    let isGrader: Bool

    init(name: String, client: ModelClient, epoch: Int, ledger: CallLedger, isGrader: Bool = false) {
        self.name = name
        self.client = client
        self.epoch = epoch
        self.ledger = ledger
        self.isGrader = isGrader
    }

    var identity: ModelIdentity { client.provider.identity }
    var settings: GenerationSettings { client.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        let response = try await client.generate(
            messages, tools: tools, toolChoice: toolChoice, settings: settings, epoch: epoch)
        ledger.record(response, isGrader: isGrader)
        return response
    }
}
