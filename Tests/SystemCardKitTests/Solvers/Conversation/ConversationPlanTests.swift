import Testing
@testable import SystemCardKit

@Suite struct ConversationPlanTests {
    typealias Support = ConversationTestSupport

    func plan(_ roles: [ConversationRole] = Support.twoRoles()) -> ConversationPlan {
        ConversationPlan(roles: roles, limits: ConversationLimits(maxTurns: 10))
    }

    @Test func theFirstSpeakerStartsWithItsOpeningAndEachSideSeesItselfAsAssistant() {
        let plan = plan()
        #expect(plan.view(for: "alice", turns: []) == [.system("You are Alice."), .user("Begin.")])
        let turns = [Support.turn("alice", "Hi Bob"), Support.turn("bob", "Hi Alice")]
        #expect(
            plan.view(for: "alice", turns: turns)
                == [.system("You are Alice."), .user("Begin."), .assistant("Hi Bob"), .user("Hi Alice")])
        #expect(plan.view(for: "bob", turns: Array(turns.prefix(1))) == [.system("You are Bob."), .user("Hi Bob")])
    }

    @Test func aRoleNeverSeesAnotherRolesHiddenTextOrSystemPrompt() {
        let marker = HiddenText.pattern(#"\[private:[^\]]*\]"#)
        let plan = plan(Support.twoRoles(hiddenForBob: [.thinking, marker]))
        let turns = [
            Support.turn("alice", "<think>Bob seems gullible</think>Hello Bob"),
            Support.turn("bob", "<think>Alice wants my money</think>Hi! [private: stay calm] What's up?",
                         hidden: [.thinking, marker]),
            Support.turn("alice", "Nothing much"),
        ]
        let aliceView = plan.view(for: "alice", turns: turns).map(\.content).joined(separator: "\n")
        let bobView = plan.view(for: "bob", turns: turns).map(\.content).joined(separator: "\n")
        #expect(!aliceView.contains("Alice wants my money"))
        #expect(!aliceView.contains("stay calm"))
        #expect(!aliceView.contains("You are Bob"))
        #expect(aliceView.contains("What's up?"))
        #expect(!bobView.contains("gullible"))
        #expect(!bobView.contains("You are Alice"))
        #expect(bobView.contains("Hello Bob"))
        // Each side keeps its own messages in full.
        #expect(aliceView.contains("Bob seems gullible"))
        #expect(bobView.contains("stay calm"))
    }

    @Test func threeRolesLabelSpeakersAndMergeConsecutiveMessages() {
        let carol = ConversationRole(name: "carol", player: .named("carol"), systemPrompt: "Carol.")
        let roles = Support.twoRoles() + [carol]
        let plan = plan(roles)
        #expect(plan.labelsSpeakers)
        let turns = [Support.turn("alice", "One"), Support.turn("bob", "Two")]
        #expect(plan.view(for: "carol", turns: turns) == [.system("Carol."), .user("alice: One\n\nbob: Two")])
    }

    @Test func aClosingQuestionFollowsTheConversation() {
        let plan = plan()
        let view = plan.view(for: "bob", turns: [Support.turn("alice", "Hi")], question: "Which word?")
        #expect(view == [.system("You are Bob."), .user("Hi\n\nWhich word?")])
    }

    @Test func invalidPlansAreRejected() {
        var duplicate = plan()
        duplicate.roles[1].name = "alice"
        #expect(throws: SystemCardError.self) { try duplicate.validate() }
        var badName = plan()
        badName.roles[0].name = "al ice"
        #expect(throws: SystemCardError.self) { try badName.validate() }
        var unknown = plan()
        unknown.order = ["alice", "dave"]
        #expect(throws: SystemCardError.self) { try unknown.validate() }
        #expect(throws: Never.self) { try plan().validate() }
    }

    @Test func seedsDifferByRoleAndEpochAndRolesKeepTheirOwnSettings() {
        var plan = plan()
        plan.seed = 42
        plan.roles[1].settings = GenerationSettings(temperature: 0.2, seed: 7)
        let run = GenerationSettings(maxTokens: 96)
        let alice1 = plan.settings(for: plan.roles[0], run: run, epoch: 1)
        let alice2 = plan.settings(for: plan.roles[0], run: run, epoch: 2)
        let bob = plan.settings(for: plan.roles[1], run: run, epoch: 1)
        #expect(alice1.temperature == 1)
        #expect(alice1.maxTokens == 96)
        #expect(alice1.seed != nil && alice1.seed != alice2.seed)
        #expect(alice1 == plan.settings(for: plan.roles[0], run: run, epoch: 1))
        #expect(bob.temperature == 0.2 && bob.seed == 7 && bob.maxTokens == 96)
        let withRunTemperature = plan.settings(for: plan.roles[0], run: GenerationSettings(temperature: 0), epoch: 1)
        #expect(withRunTemperature.temperature == 0)
    }
}
