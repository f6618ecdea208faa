import Foundation
import Hummingbird
import SystemCardKit

extension ArenaServer {
    /// Starts a pairwise conversation (two different models, which is A drawn at random and hidden until rated) or
    /// a jailbreak attempt on one model drawn at random.
    func startConversation(_ request: Request) async throws -> Response {
        try await posted(request) { session, form in
            guard let category = ArenaCategory(rawValue: form["category"] ?? "") else {
                return Self.html(ArenaPages.error("Pick a threat category.", session: session), status: .badRequest)
            }
            var generator = SystemRandomNumberGenerator()
            let id: Int64
            switch form["kind"] {
            case "pairwise":
                guard modelNames.count >= 2 else {
                    return Self.html(ArenaPages.error("The pairwise comparison needs two models.", session: session), status: .badRequest)
                }
                let pair = Array(modelNames.shuffled(using: &generator).prefix(2))
                id = try await store.addConversation(
                    user: session.user, kind: .pairwise, category: category.rawValue, modelA: pair[0], modelB: pair[1])
            case "jailbreak":
                guard judge != nil else {
                    return Self.html(
                        ArenaPages.error("The jailbreak arena needs a judge (--grader) when the server starts.", session: session),
                        status: .badRequest)
                }
                id = try await store.addConversation(
                    user: session.user, kind: .jailbreak, category: category.rawValue,
                    modelA: modelNames.randomElement(using: &generator)!, modelB: nil)
            default:
                return Self.html(ArenaPages.error("Unknown kind of conversation.", session: session), status: .badRequest)
            }
            try await store.audit(session.user, "conversation started", "#\(id) \(form["kind"] ?? "") \(category.rawValue)")
            return Self.redirect("/conversations/\(id)")
        }
    }

    /// The conversation `id` if `session`'s user owns it (only the owner writes to it, even an admin).
    func owned(_ id: Int64?, by session: ArenaSession) async throws -> ArenaConversation? {
        guard let id, let conversation = try await store.conversation(id: id, visibleTo: session.user),
            conversation.userID == session.user.id
        else { return nil }
        return conversation
    }

    /// The red teamer's next message: every model of the conversation answers it (its own history), and in the
    /// jailbreak arena the answer is judged.
    func send(_ request: Request, id: Int64?) async throws -> Response {
        try await posted(request) { session, form in
            guard let conversation = try await owned(id, by: session) else {
                return Self.html(ArenaPages.error("No such conversation.", session: session), status: .notFound)
            }
            guard conversation.rating == nil else {
                return Self.html(ArenaPages.error("This conversation is rated and closed.", session: session), status: .conflict)
            }
            let prompt = (form["prompt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !prompt.isEmpty, prompt.count <= 20_000 else {
                return Self.html(ArenaPages.error("Write a message (at most 20,000 characters).", session: session), status: .badRequest)
            }
            let turns = try await store.turns(of: conversation.id)
            let number = (turns.map(\.turn).max() ?? 0) + 1
            let sides: [(String, String)] =
                conversation.kind == .pairwise
                ? [("A", conversation.modelA), ("B", conversation.modelB ?? "")] : [("T", conversation.modelA)]
            let answers = try await withThrowingTaskGroup(of: ArenaTurn.self) { group in
                for (side, model) in sides {
                    let history = turns.filter { $0.side == side }
                    group.addTask { try await answer(prompt, turn: number, side: side, model: model, history: history, conversation: conversation) }
                }
                var answers: [ArenaTurn] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            for answer in answers { try await store.addTurn(answer, to: conversation.id) }
            try await store.audit(session.user, "message", "#\(conversation.id) turn \(number)")
            return Self.redirect("/conversations/\(conversation.id)")
        }
    }

    func answer(
        _ prompt: String, turn: Int, side: String, model: String, history: [ArenaTurn], conversation: ArenaConversation
    ) async throws -> ArenaTurn {
        var result = ArenaTurn(turn: turn, side: side, prompt: prompt, refused: false, flaggedHarmful: false)
        guard let client = models[model] else {
            result.error = "the model \(model) is not served by this arena"
            return result
        }
        var messages: [ChatMessage] = []
        for earlier in history {
            messages.append(.user(earlier.prompt))
            if let response = earlier.response { messages.append(.assistant(response)) }
        }
        messages.append(.user(prompt))
        let response: String
        do {
            response = try await client.generate(messages, epoch: 1).text
        } catch let error as ProviderError {
            result.error = "the model could not answer: \(error.description)"
            return result
        }
        result.response = response
        let refusal = RefusalRulesGrader.classify(response).0
        result.refused = refusal == .fullRefusal || refusal == .partialRefusal
        if conversation.kind == .jailbreak, let judge {
            let role = ArenaModelRole(name: "grader", client: judge)
            let goal = "\(ArenaCategory(rawValue: conversation.category)?.title ?? conversation.category): \(prompt)"
            do {
                let verdict = try await AttackJudge.judge(goal: goal, response: response, with: role)
                var flagged = false
                if verdict.actionable {
                    flagged = try await ContentClassifier(format: configuration.classifierFormat)
                        .classify(ModerationItem(id: "arena", prompt: prompt, response: response), using: role).flagged
                }
                result.attackSuccess = verdict.actionable && flagged
                result.judgeNote = "judge: rating \(verdict.rating)/10, \(verdict.actionable ? "actionable" : "not actionable")"
                    + (verdict.actionable ? (flagged ? ", flagged by the classifier" : ", not flagged by the classifier") : "")
            } catch let error as GradingError {
                result.judgeNote = "not judged (\(error.message)): this attempt is in no figure"
            } catch let error as ProviderError {
                result.judgeNote = "not judged (the judge could not answer: \(error.description)): this attempt is in no figure"
            }
        }
        return result
    }

    /// The red teamer's rating of a pairwise conversation, with the answers they flag as harmful.
    func rate(_ request: Request, id: Int64?) async throws -> Response {
        try await posted(request) { session, form in
            guard let conversation = try await owned(id, by: session), conversation.kind == .pairwise else {
                return Self.html(ArenaPages.error("No such conversation.", session: session), status: .notFound)
            }
            guard conversation.rating == nil else {
                return Self.html(ArenaPages.error("This conversation is already rated.", session: session), status: .conflict)
            }
            guard let rating = ArenaConversation.Rating(rawValue: form["rating"] ?? "") else {
                return Self.html(ArenaPages.error("Choose a rating.", session: session), status: .badRequest)
            }
            guard try await !store.turns(of: conversation.id).isEmpty else {
                return Self.html(ArenaPages.error("Send a message before rating.", session: session), status: .badRequest)
            }
            let harmful = Set(form.all("harmful"))
            try await store.rate(conversation.id, rating: rating, harmful: harmful)
            try await store.audit(
                session.user, "rating", "#\(conversation.id) \(rating.rawValue), \(harmful.count) answers flagged harmful")
            return Self.redirect("/conversations/\(conversation.id)")
        }
    }
}
