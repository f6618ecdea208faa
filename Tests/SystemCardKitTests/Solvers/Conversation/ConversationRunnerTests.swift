import Foundation
import Testing
@testable import SystemCardKit

/// Ends the conversation when a message contains "bye".
struct ByeReferee: ConversationReferee {
    func verdict(after turns: [ConversationTurn], judge: (any ModelRole)?) async throws -> ConversationVerdict {
        turns.last?.visibleText.contains("bye") == true ? .end("someone said bye") : .proceed
    }
}

@Suite struct ConversationRunnerTests {
    typealias Support = ConversationTestSupport

    @Test func speakersAlternateUntilTheTurnLimitAndTheTranscriptRoundTrips() async throws {
        let alice = ConversationScriptProvider(
            model: "alice-model", lines: ["<think>hmm</think>Hello", "How are you?", "Fine"])
        let bob = ConversationScriptProvider(model: "bob-model", lines: ["Hi", "Good"])
        let plan = ConversationPlan(roles: Support.twoRoles(), limits: ConversationLimits(maxTurns: 5))
        let record = try await ConversationRunner.run(
            plan, context: Support.context(model: alice, roles: ["bob": bob]))
        #expect(record.turns.map(\.speaker) == ["alice", "bob", "alice", "bob", "alice"])
        #expect(record.turns.map(\.visibleText) == ["Hello", "Hi", "How are you?", "Good", "Fine"])
        #expect(record.ending == "turn limit: 5 turns")
        #expect(alice.requests.count == 3 && bob.requests.count == 2)
        // Bob never saw Alice's reasoning; Alice's second request holds her own message in full.
        #expect(!bob.requests.flatMap(\.messages).contains { $0.content.contains("hmm") })
        #expect(alice.requests[1].messages.contains(.assistant("<think>hmm</think>Hello")))

        let transcript = record.transcript(plan: plan)
        #expect(transcript.first == .system("[system prompt: alice]\nYou are Alice."))
        #expect(transcript.contains(.assistant("alice: <think>hmm</think>Hello")))
        #expect(transcript.contains(.user("bob: Hi")))
        #expect(transcript.last == .system("[end] turn limit: 5 turns"))
        let parsed = try ConversationRecord(transcript: transcript)
        #expect(parsed.turns == record.turns)
        #expect(parsed.ending == record.ending)
        #expect(parsed.systemPrompts["bob"] == "You are Bob.")
    }

    @Test func theRefereeEndsTheConversationAndClosingQuestionsAreAsked() async throws {
        let alice = ConversationScriptProvider(model: "a", lines: ["Hello", "Well, bye then"])
        let bob = ConversationScriptProvider(model: "b") { request in
            request.messages.last?.content.contains("Which word") == true ? "GUESS: hello" : "Hi"
        }
        let plan = ConversationPlan(
            roles: Support.twoRoles(), limits: ConversationLimits(maxTurns: 10), referee: ByeReferee(),
            closingQuestions: [ConversationQuestion(role: "bob", question: "Which word?")])
        let record = try await ConversationRunner.run(plan, context: Support.context(model: alice, roles: ["bob": bob]))
        #expect(record.turns.count == 3)
        #expect(record.ending == "someone said bye")
        #expect(record.closing.map(\.answer.text) == ["GUESS: hello"])
        let parsed = try ConversationRecord(transcript: record.transcript(plan: plan))
        #expect(parsed.closingAnswer(of: "bob")?.text == "GUESS: hello")
        #expect(parsed.turns.count == 3)
    }

    @Test func theWallClockLimitStopsASlowConversation() async throws {
        let alice = ConversationScriptProvider(model: "a", lines: ["Hello"])
        let bob = ConversationScriptProvider(model: "b") { _ in
            try await Task.sleep(for: .seconds(120))
            return "too late"
        }
        // Long enough for alice's scripted line even on a loaded machine, far shorter than bob's answer.
        let plan = ConversationPlan(
            roles: Support.twoRoles(), limits: ConversationLimits(maxTurns: 10, timeLimit: .seconds(2)))
        let record = try await ConversationRunner.run(plan, context: Support.context(model: alice, roles: ["bob": bob]))
        #expect(record.turns.map(\.text) == ["Hello"])
        #expect(record.ending.hasPrefix("time limit"))
    }

    @Test func aMissingRoleModelIsAClearError() async throws {
        let alice = ConversationScriptProvider(model: "a", lines: ["Hello"])
        let plan = ConversationPlan(roles: Support.twoRoles(), limits: ConversationLimits(maxTurns: 2))
        await #expect(throws: SystemCardError.self) {
            _ = try await ConversationRunner.run(plan, context: Support.context(model: alice))
        }
    }

    @Test func theSolverStoresTheTranscriptAndConversationsWithDifferentSeedsAskDifferently() async throws {
        let alice = ConversationScriptProvider(model: "a", lines: ["Hello"])
        let bob = ConversationScriptProvider(model: "b", lines: ["Hi"])
        let solver = ConversationSolver { sample in
            ConversationPlan(
                roles: Support.twoRoles(), limits: ConversationLimits(maxTurns: 2),
                seed: UInt64(sample.metadata["seed"]!)!)
        }
        let context = Support.context(model: alice, roles: ["bob": bob])
        let first = try await solver.solve(Sample(id: "1", messages: [], metadata: ["seed": "1"]), context: context)
        _ = try await solver.solve(Sample(id: "2", messages: [], metadata: ["seed": "2"]), context: context)
        #expect(first.completion == "2 turns; ended by turn limit: 2 turns")
        #expect(first.transcript.contains(.user("bob: Hi")))
        let seeds = alice.requests.map(\.settings.seed)
        #expect(seeds.count == 2 && seeds[0] != seeds[1])
    }

    @Test func malformedTranscriptsAreGradingErrors() {
        #expect(throws: GradingError.self) { try ConversationRecord(transcript: [.user("no speaker here")]) }
        #expect(throws: GradingError.self) { try ConversationRecord(transcript: [.user("bob: hi")]) }
        #expect(throws: GradingError.self) {
            try ConversationRecord(transcript: [.system("[end] done"), .user("bob: unasked answer")])
        }
    }
}
