/// The runner's ``ModelRole``: every call goes through the run's call cache and retry layer, and its cost
/// is recorded in the sample's ledger (the evaluated model's as usage, every other role's as grader usage).
struct CachedModelRole: ModelRole {
    let name: String
    let client: ModelClient
    let epoch: Int
    let ledger: CallLedger
    let kind: Kind

    /// Whose cost a call is.
    enum Kind {
        /// The evaluated model's usage.
        case model
        /// The grader's or another role's.
        case grader
        /// A mitigation's (a filter's classifier).
        case mitigation
    }

    init(name: String, client: ModelClient, epoch: Int, ledger: CallLedger, isGrader: Bool = false) {
        self.init(name: name, client: client, epoch: epoch, ledger: ledger, kind: isGrader ? .grader : .model)
    }

    init(name: String, client: ModelClient, epoch: Int, ledger: CallLedger, kind: Kind) {
        self.name = name
        self.client = client
        self.epoch = epoch
        self.ledger = ledger
        self.kind = kind
    }

    var identity: ModelIdentity { client.provider.identity }
    var settings: GenerationSettings { client.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        // Only a mitigation's calls are timed (their time is its cost); the model's path stays as it was.
        let started = kind == .mitigation ? ContinuousClock.now : nil
        let response = try await client.generate(
            messages, tools: tools, toolChoice: toolChoice, settings: settings, epoch: epoch)
        ledger.recordRole(name, model: identity.spec, usage: response.usage)
        switch kind {
        case .model: ledger.record(response, isGrader: false)
        case .grader: ledger.record(response, isGrader: true)
        case .mitigation:
            ledger.recordMitigationCall(response, milliseconds: started.map { $0.duration(to: .now).inMilliseconds } ?? 0)
        }
        return response
    }
}
