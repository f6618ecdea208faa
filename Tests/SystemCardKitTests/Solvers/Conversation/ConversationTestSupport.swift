import Synchronization
@testable import SystemCardKit

/// A provider that answers each request from an async closure and keeps every request it saw.
final class ConversationScriptProvider: ModelProvider {
    let identity: ModelIdentity
    private let seen = Mutex<[ModelRequest]>([])
    private let answer: @Sendable (ModelRequest) async throws -> String

    init(model: String, answer: @escaping @Sendable (ModelRequest) async throws -> String) {
        self.identity = ModelIdentity(
            provider: "test", model: model, baseURL: "http://test.invalid/v1", developerRoleMode: .native)
        self.answer = answer
    }

    /// Answers the lines in order, then the last one again.
    convenience init(model: String, lines: [String]) {
        let counter = Mutex(0)
        self.init(model: model) { _ in
            let index = counter.withLock { value -> Int in
                defer { value += 1 }
                return value
            }
            return lines[min(index, lines.count - 1)]
        }
    }

    var requests: [ModelRequest] { seen.withLock { $0 } }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        seen.withLock { $0.append(request) }
        return ModelResponse(text: try await answer(request), usage: TokenUsage(promptTokens: 5, completionTokens: 3))
    }
}

enum ConversationTestSupport {
    /// A solver context with `model` as the evaluated model and `roles` as named roles, no cache.
    static func context(
        model: any ModelProvider, roles: [String: any ModelProvider] = [:], settings: GenerationSettings = .init(),
        epoch: Int = 1
    ) -> SolverContext {
        func role(_ name: String, _ provider: any ModelProvider, grader: Bool) -> any ModelRole {
            ProviderRole(name: name, provider: provider, settings: settings)
        }
        return SolverContext(
            model: role("model", model, grader: false),
            roles: roles.reduce(into: [:]) { $0[$1.key] = role($1.key, $1.value, grader: true) }, epoch: epoch)
    }

    /// Two roles: `alice` (evaluated) and `bob` (the named role `bob`).
    static func twoRoles(hiddenForBob: [HiddenText] = [.thinking]) -> [ConversationRole] {
        [
            ConversationRole(name: "alice", player: .evaluated, systemPrompt: "You are Alice.", opening: "Begin."),
            ConversationRole(name: "bob", player: .named("bob"), systemPrompt: "You are Bob.", hidden: hiddenForBob),
        ]
    }

    static func turn(_ speaker: String, _ text: String, hidden: [HiddenText] = [.thinking]) -> ConversationTurn {
        ConversationTurn(speaker: speaker, text: text, visibleText: HiddenText.strip(text, hiding: hidden))
    }
}
