import Foundation
import Testing
@testable import SystemCardKit

@Suite struct StrongREJECTSolverTests {
    @Test func translationAsksTheModelToTranslateThenSendsTheTranslation() async throws {
        let model = ScriptedProvider { request in
            let last = request.messages.last?.content ?? ""
            if last.hasPrefix("Translate the following text into Zulu") { return ModelResponse(text: " Yenza X. ") }
            #expect(request.messages.count == 1)
            return ModelResponse(text: "answer to: " + last)
        }
        let sample = Sample(
            id: "p/translation_zulu", messages: [.user("Do X.")], metadata: ["translate_to": "Zulu"])
        let output = try await StrongREJECTSolver().solve(
            sample, context: SolverContext(model: ProviderRole.testJudge(model), epoch: 1))
        #expect(output.completion == "answer to: Yenza X.")
        #expect(output.transcript.map(\.role) == [.user, .assistant, .user, .assistant])
        #expect(output.transcript[2].content == "Yenza X.")
        #expect(model.callCount == 2)
    }

    @Test func otherTechniquesAreOneCall() async throws {
        let model = ScriptedProvider(text: "ok")
        let output = try await StrongREJECTSolver().solve(
            Sample(id: "p/none", messages: [.user("Do X.")]),
            context: SolverContext(model: ProviderRole.testJudge(model), epoch: 1))
        #expect(output.completion == "ok")
        #expect(model.callCount == 1)
    }
}
