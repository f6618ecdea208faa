import Foundation
import Testing

@testable import SystemCardKit

/// The multi-turn solver sends each follow-up after the model's previous answer.
@Suite struct ScriptedTurnsSolverTests {
    @Test func sendsFollowUpsAfterEachAnswer() async throws {
        let provider = ScriptedProvider { request in
            let turns = request.messages.filter { $0.role == .assistant }.count
            return ModelResponse(text: "reply \(turns + 1) to \(request.messages.last!.content)", usage: TokenUsage())
        }
        let model = ProviderRole(name: "model", provider: provider)
        let sample = Sample(
            id: "1", messages: [.system("rules"), .user("first")],
            metadata: [ScriptedTurnsSolver.metadataKey: ScriptedTurnsSolver.encode(["second", "third"])])
        let output = try await ScriptedTurnsSolver().solve(sample, context: SolverContext(model: model, epoch: 1))
        #expect(provider.callCount == 3)
        #expect(output.completion == "reply 3 to third")
        #expect(output.transcript.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user, .assistant])
        #expect(output.transcript[2].content == "reply 1 to first")
        #expect(output.transcript[4].content == "reply 2 to second")
        let single = try await ScriptedTurnsSolver().solve(
            Sample(id: "2", messages: [.user("only")]), context: SolverContext(model: model, epoch: 1))
        #expect(single.transcript.count == 2)
        #expect(provider.callCount == 4)
    }
}
