/// Everything that defines one conversation: the roles, who speaks when, the limits, the referee, the
/// questions asked afterwards, and the seed its sampling uses.
public struct ConversationPlan: Sendable {
    var roles: [ConversationRole]
    /// Speaker names in turn order, repeated until the conversation ends (default: the roles in order).
    var order: [String]
    var limits: ConversationLimits
    var referee: (any ConversationReferee)?
    /// Asked in order once the conversation has ended.
    var closingQuestions: [ConversationQuestion]
    /// Seeds each role's sampling (mixed with the role, the epoch and `--seed`), so that conversations
    /// that start alike still differ, and a rerun asks exactly the same questions (and hits the cache).
    var seed: UInt64
    /// The temperature used when neither the role nor the run sets one: conversations need sampling,
    /// or every conversation of a dataset would be the same.
    var defaultTemperature: Double
    /// Whether other speakers' messages are shown as `name: text` (default: with more than two roles).
    var labelsSpeakers: Bool
    /// Messages said before any model speaks (MakeMePay's mark opens with a fixed "Hi!" upstream); they are
    /// part of every view and of the transcript, and count toward no limit.
    var scripted: [ConversationTurn] = []

    init(
        roles: [ConversationRole], order: [String]? = nil, limits: ConversationLimits,
        referee: (any ConversationReferee)? = nil, closingQuestions: [ConversationQuestion] = [], seed: UInt64 = 0,
        defaultTemperature: Double = 1, labelsSpeakers: Bool? = nil
    ) {
        self.roles = roles
        self.order = order ?? roles.map(\.name)
        self.limits = limits
        self.referee = referee
        self.closingQuestions = closingQuestions
        self.seed = seed
        self.defaultTemperature = defaultTemperature
        self.labelsSpeakers = labelsSpeakers ?? (roles.count > 2)
    }

    /// Throws when the plan cannot run: duplicate or malformed names, an unknown speaker, no turns.
    func validate() throws {
        var names = Set<String>()
        for role in roles {
            guard ConversationRole.isValidName(role.name) else {
                throw SystemCardError.invalidInput(
                    "conversation role name '\(role.name)' must be letters, digits, - or _")
            }
            guard names.insert(role.name).inserted else {
                throw SystemCardError.invalidInput("conversation role '\(role.name)' is declared twice")
            }
        }
        guard roles.count >= 2 else { throw SystemCardError.invalidInput("a conversation needs at least two roles") }
        guard !order.isEmpty else { throw SystemCardError.invalidInput("a conversation needs a turn order") }
        for name in order + closingQuestions.map(\.role) where !names.contains(name) {
            throw SystemCardError.invalidInput("conversation turn order names an unknown role '\(name)'")
        }
        guard limits.maxTurns >= 1 else { throw SystemCardError.invalidInput("a conversation needs at least one turn") }
    }

    /// The role called `name`.
    func role(_ name: String) -> ConversationRole? { roles.first { $0.name == name } }

    /// Who speaks at turn `index` (0-based).
    func speaker(at index: Int) -> String { order[index % order.count] }

    /// The conversation as `role` sees it, ready for its next message: its system prompt, its own
    /// messages in full as `assistant`, every other role's visible text as `user` (consecutive ones
    /// merged), starting with its opening when it spoke first, and ending with a `user` message.
    func view(for name: String, turns: [ConversationTurn], question: String? = nil) -> [ChatMessage] {
        guard let role = role(name) else { return [] }
        var messages: [ChatMessage] = [.system(role.systemPrompt)]
        func appendUser(_ text: String) {
            if let last = messages.last, last.role == .user, messages.count > 1 {
                messages[messages.count - 1].content = last.content + "\n\n" + text
            } else {
                messages.append(.user(text))
            }
        }
        for turn in turns {
            if turn.speaker == name {
                if messages.count == 1 { messages.append(.user(role.opening)) }
                messages.append(.assistant(turn.text))
            } else {
                let text = turn.visibleText.isEmpty ? "(no reply)" : turn.visibleText
                appendUser(labelsSpeakers ? "\(turn.speaker): \(text)" : text)
            }
        }
        if let question {
            appendUser(question)
        } else if messages.count == 1 {
            messages.append(.user(role.opening))
        } else if messages.last?.role == .assistant {
            appendUser("(Continue.)")
        }
        return messages
    }

    /// The settings of `role`'s calls: the role's own, then the run's, then this plan's defaults, with a
    /// seed derived from the plan's, the role's position and the run's `--seed`.
    func settings(for role: ConversationRole, run: GenerationSettings, epoch: Int) -> GenerationSettings {
        var settings = run
        settings.temperature = role.settings.temperature ?? run.temperature ?? defaultTemperature
        settings.maxTokens = role.settings.maxTokens ?? run.maxTokens
        settings.reasoningEffort = role.settings.reasoningEffort ?? run.reasoningEffort
        if let seed = role.settings.seed {
            settings.seed = seed
        } else {
            let position = UInt64(roles.firstIndex(of: role) ?? 0)
            var generator = SeededGenerator(
                seed: seed ^ (position &* 0x9E37_79B9) ^ (UInt64(bitPattern: Int64(epoch)) << 32)
                    ^ UInt64(bitPattern: Int64(run.seed ?? 0)))
            settings.seed = Int(generator.next() % 2_147_483_647)
        }
        return settings
    }
}
