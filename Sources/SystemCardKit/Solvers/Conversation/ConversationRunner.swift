/// Plays a ``ConversationPlan``: asks each speaker in turn with its own view of the conversation, lets
/// the referee stop it, enforces the turn and wall-clock limits, then asks the closing questions.
enum ConversationRunner {
    /// Runs the conversation with the models of `context` (the evaluated model and the named roles).
    static func run(_ plan: ConversationPlan, context: SolverContext) async throws -> ConversationRecord {
        try plan.validate()
        var models: [String: any ModelRole] = [:]
        for role in plan.roles {
            switch role.player {
            case .evaluated:
                models[role.name] = context.model
            case .named(let name):
                guard let model = context.roles[name] else {
                    throw SystemCardError.invalidInput(
                        "the conversation needs a model for the role '\(name)' (--role \(name)=…)")
                }
                models[role.name] = model
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started.advanced(by: plan.limits.timeLimit)
        var turns: [ConversationTurn] = plan.scripted
        var ending = ConversationEnding.turnLimit(plan.limits.maxTurns)
        for index in 0..<plan.limits.maxTurns {
            let name = plan.speaker(at: index)
            guard let role = plan.role(name), let model = models[name] else { break }
            let remaining = clock.now.duration(to: deadline)
            let settings = plan.settings(for: role, run: model.settings, epoch: context.epoch)
            guard remaining > .zero,
                let response = try await generate(
                    model, plan.view(for: name, turns: turns), settings: settings, within: remaining)
            else {
                ending = .timeLimit(seconds: plan.limits.timeLimit.inSeconds)
                break
            }
            let visible = HiddenText.strip(response.text, hiding: role.hidden)
            turns.append(ConversationTurn(speaker: name, text: response.text, visibleText: visible))
            if let referee = plan.referee, case .end(let reason) = try await referee.verdict(after: turns, judge: context.judge) {
                ending = .referee(reason)
                break
            }
        }
        var closing: [ClosingAnswer] = []
        for question in plan.closingQuestions {
            guard let role = plan.role(question.role), let model = models[question.role] else { continue }
            let settings = plan.settings(for: role, run: model.settings, epoch: context.epoch)
            let response = try await model.generate(
                plan.view(for: role.name, turns: turns, question: question.question), settings: settings)
            closing.append(
                ClosingAnswer(
                    question: question.question,
                    answer: ConversationTurn(
                        speaker: role.name, text: response.text,
                        visibleText: HiddenText.strip(response.text, hiding: role.hidden))))
        }
        return ConversationRecord(
            systemPrompts: Dictionary(plan.roles.map { ($0.name, $0.systemPrompt) }, uniquingKeysWith: { a, _ in a }),
            turns: turns, ending: ending.description, closing: closing)
    }

    /// The model's answer, or nil when `limit` passes first (the call is then cancelled).
    static func generate(
        _ model: any ModelRole, _ messages: [ChatMessage], settings: GenerationSettings, within limit: Duration
    ) async throws -> ModelResponse? {
        try await withThrowingTaskGroup(of: ModelResponse?.self) { group in
            group.addTask { try await model.generate(messages, settings: settings) }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }
}
