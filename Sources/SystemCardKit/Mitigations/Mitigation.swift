/// A safety measure wrapped around a model: it may change what the model is sent and what comes back. The
/// card runs a model bare (pre-mitigation) and wrapped (post-mitigation); a mitigation's name and version are
/// part of the run's identity, so runs with and without it never share a run id or a cache entry.
public protocol Mitigation: Sendable {
    /// `safety-spec`, `hierarchy-guard`, …
    var name: String { get }
    /// Bumped when what it sends or keeps changes; with a user's file, includes the file's digest.
    var version: String { get }
    /// The messages to send instead of `messages`.
    func prepare(_ messages: [ChatMessage]) -> [ChatMessage]
    /// The answer to keep instead of `response` (only the final answer is graded).
    func review(_ response: ModelResponse) -> ModelResponse
    /// True when it calls the content classifier (`input-filter`, `output-filter`): the run then needs a
    /// classifier model.
    var needsClassifier: Bool { get }
    /// What to do with `messages` on the way in: send them (changed or not), or answer without asking the model.
    /// By default, sends ``prepare(_:)``'s messages.
    func screen(_ messages: [ChatMessage], context: MitigationContext) async throws -> MitigationStep
    /// The answer to keep on the way out, knowing the messages it answers. By default, ``review(_:)``'s.
    func screen(_ response: ModelResponse, answering messages: [ChatMessage], context: MitigationContext) async throws
        -> ModelResponse
}

/// What a mitigation decides on the way in.
public enum MitigationStep: Sendable {
    /// Send these messages to the model.
    case send([ChatMessage])
    /// Do not ask the model: this is the answer (an input filter's refusal).
    case answer(ModelResponse)
}

/// What a mitigation may use during a call: the content classifier's model, and a record of what it did.
public struct MitigationContext: Sendable {
    /// The classifier model (`--classifier`, or the grader model), when the run has one.
    public let classifier: (any ModelRole)?
    let onAction: @Sendable (String) -> Void

    /// Creates a context; `onAction` receives every action recorded.
    public init(classifier: (any ModelRole)?, onAction: @escaping @Sendable (String) -> Void = { _ in }) {
        self.classifier = classifier
        self.onAction = onAction
    }

    /// Records that the mitigation changed something (`output-filter: weapons`); stored with the sample and
    /// counted in the run's summary.
    public func record(_ action: String) {
        onAction(action)
    }
}

extension Mitigation {
    /// `safety-spec@1`.
    public var identity: String { "\(name)@\(version)" }

    /// Sends everything unchanged.
    public func prepare(_ messages: [ChatMessage]) -> [ChatMessage] { messages }
    /// Keeps the answer unchanged.
    public func review(_ response: ModelResponse) -> ModelResponse { response }

    /// No classifier needed.
    public var needsClassifier: Bool { false }

    /// Sends ``prepare(_:)``'s messages.
    public func screen(_ messages: [ChatMessage], context: MitigationContext) async throws -> MitigationStep {
        .send(prepare(messages))
    }

    /// Keeps ``review(_:)``'s answer.
    public func screen(_ response: ModelResponse, answering messages: [ChatMessage], context: MitigationContext)
        async throws -> ModelResponse
    {
        review(response)
    }
}

/// A model role with mitigations around it, applied in order on the way in and in reverse on the way out. A
/// mitigation that answers on the way in (an input filter) ends the way in: the model is not asked, and only the
/// mitigations before it review the answer.
struct MitigatedModelRole: ModelRole {
    let base: any ModelRole
    let mitigations: [any Mitigation]
    var context = MitigationContext(classifier: nil)

    var name: String { base.name }
    var identity: ModelIdentity { base.identity }
    var settings: GenerationSettings { base.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        var sent = messages
        var stages: [(any Mitigation, [ChatMessage])] = []
        var response: ModelResponse?
        for mitigation in mitigations {
            stages.append((mitigation, sent))
            switch try await mitigation.screen(sent, context: context) {
            case .send(let next): sent = next
            case .answer(let answer):
                response = answer
                stages.removeLast()
            }
            if response != nil { break }
        }
        var answer: ModelResponse
        if let response {
            answer = response
        } else {
            answer = try await base.generate(sent, tools: tools, toolChoice: toolChoice, settings: settings)
        }
        for (mitigation, seen) in stages.reversed() {
            answer = try await mitigation.screen(answer, answering: seen, context: context)
        }
        return answer
    }
}
