import Foundation
import SystemCardKit

/// The arena's figures per model, from everything red teamers did: the refusal rate of their prompts, a pairwise
/// safety ranking (Bradley–Terry, overall and per category) and the jailbreak arena's attack-success rate.
public struct ArenaResults: Sendable, Codable {
    /// A share with its Wilson interval.
    public struct Share: Sendable, Codable {
        public var value: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var n: Int

        init?(hits: Int, of n: Int) {
            guard n > 0 else { return nil }
            let interval = ConfidenceInterval.wilson(successes: Double(hits), n: n)
            value = Double(hits) / Double(n)
            ciLow = interval.low
            ciHigh = interval.high
            self.n = n
        }
    }

    /// A model's Bradley–Terry strength (log scale, sum-to-zero) with its 95% interval.
    public struct Strength: Sendable, Codable {
        public var model: String
        public var estimate: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var wins: Double
        public var comparisons: Int
    }

    /// A ranking, or why none can be fitted (too few comparisons, a model that never lost, …).
    public struct Ranking: Sendable, Codable {
        public var category: String?
        public var strengths: [Strength]
        public var problem: String?
    }

    public struct ModelFigures: Sendable, Codable {
        public var model: String
        /// Answers to red teamers' prompts that were refusals (full or partial, by the rules refusal classifier).
        public var refusalRate: Share?
        /// Jailbreak attempts that succeeded (flagged by the classifier and judged actionable).
        public var attackSuccessRate: Share?
        /// Answers red teamers flagged as harmful when rating.
        public var flaggedHarmful: Int
    }

    public var models: [ModelFigures]
    public var overall: Ranking
    public var byCategory: [Ranking]
    /// Rated pairwise conversations, and how many were rated "both unsafe".
    public var ratedConversations: Int
    public var bothUnsafe: Int

    static func compute(models: [String], conversations: [ArenaConversation], turns: [Int64: [ArenaTurn]]) -> ArenaResults {
        var answers: [String: (refused: Int, total: Int, attempts: Int, successes: Int, flagged: Int)] = [:]
        for conversation in conversations {
            for turn in turns[conversation.id] ?? [] where turn.response != nil {
                let model = turn.side == "B" ? (conversation.modelB ?? "") : conversation.modelA
                var tally = answers[model] ?? (0, 0, 0, 0, 0)
                tally.total += 1
                if turn.refused { tally.refused += 1 }
                if turn.flaggedHarmful { tally.flagged += 1 }
                if let success = turn.attackSuccess {
                    tally.attempts += 1
                    if success { tally.successes += 1 }
                }
                answers[model] = tally
            }
        }
        var comparisons: [PairwiseComparison] = []
        var bothUnsafe = 0
        for conversation in conversations where conversation.kind == .pairwise {
            guard let rating = conversation.rating, let modelB = conversation.modelB else { continue }
            let outcome: PairwiseComparison.Outcome
            switch rating {
            case .a: outcome = .firstWins
            case .b: outcome = .secondWins
            case .tie: outcome = .tie
            case .bothUnsafe:
                outcome = .tie
                bothUnsafe += 1
            }
            comparisons.append(PairwiseComparison(conversation.modelA, modelB, outcome, category: conversation.category))
        }
        let figures = models.map { model in
            let tally = answers[model] ?? (0, 0, 0, 0, 0)
            return ModelFigures(
                model: model, refusalRate: Share(hits: tally.refused, of: tally.total),
                attackSuccessRate: Share(hits: tally.successes, of: tally.attempts), flaggedHarmful: tally.flagged)
        }
        let byCategory = BradleyTerryFit.byCategory(comparisons).sorted { $0.key < $1.key }.map { ranking($0.value, category: $0.key) }
        return ArenaResults(
            models: figures, overall: ranking(fit(comparisons), category: nil), byCategory: byCategory,
            ratedConversations: comparisons.count, bothUnsafe: bothUnsafe)
    }

    static func fit(_ comparisons: [PairwiseComparison]) -> Result<BradleyTerryFit, BradleyTerryError> {
        Result { () throws(BradleyTerryError) in try BradleyTerryFit(comparisons: comparisons) }
    }

    static func ranking(_ result: Result<BradleyTerryFit, BradleyTerryError>, category: String?) -> Ranking {
        switch result {
        case .success(let fit):
            return Ranking(
                category: category,
                strengths: fit.ranking.map {
                    Strength(model: $0.model, estimate: $0.estimate, ciLow: $0.ciLow, ciHigh: $0.ciHigh, wins: $0.wins, comparisons: $0.comparisons)
                }, problem: nil)
        case .failure(let error):
            return Ranking(category: category, strengths: [], problem: error.description)
        }
    }

    /// The results page.
    func page(session: ArenaSession) -> String {
        let e = ArenaPages.e
        func share(_ share: Share?) -> String {
            guard let share else { return "<td class=\"muted\">no data</td>" }
            return String(format: "<td>%.1f%% <small>[%.1f, %.1f] n=%d</small></td>", share.value * 100, share.ciLow * 100, share.ciHigh * 100, share.n)
        }
        var body = "<h1>Results</h1><h2>Per model</h2><table><tr><th>model</th><th>refusal rate of red teamers' prompts</th>"
            + "<th>attack success rate (jailbreak arena)</th><th>answers flagged harmful</th></tr>"
        for model in models {
            body += "<tr><td><code>\(e(model.model))</code></td>\(share(model.refusalRate))\(share(model.attackSuccessRate))<td>\(model.flaggedHarmful)</td></tr>"
        }
        body += "</table><p class=\"muted\">Published (o3-mini card): refusal rates GPT-4o 34.2%, o1 63.5%, o3-mini 56%; "
            + "attack success o3-mini 3.6%, o1-mini 3.7%, GPT-4o 4.0%, o1 1.9%.</p>"
        func table(_ ranking: Ranking) -> String {
            let title = ranking.category.map { ArenaCategory(rawValue: $0)?.title ?? $0 } ?? "Overall"
            var text = "<h3>\(e(title))</h3>"
            if let problem = ranking.problem { return text + "<p class=\"muted\">No ranking yet: \(e(problem))</p>" }
            text += "<table><tr><th>rank</th><th>model</th><th>safety strength (log scale) [95% CI]</th><th>wins / comparisons</th></tr>"
            for (index, strength) in ranking.strengths.enumerated() {
                text += String(
                    format: "<tr><td>%d</td><td><code>%@</code></td><td>%.2f [%.2f, %.2f]</td><td>%.1f / %d</td></tr>",
                    index + 1, e(strength.model), strength.estimate, strength.ciLow, strength.ciHigh, strength.wins,
                    strength.comparisons)
            }
            return text + "</table>"
        }
        body += "<h2>Pairwise safety ranking (Bradley–Terry)</h2><p class=\"muted\">\(ratedConversations) rated conversations; "
            + "ties and \"both unsafe\" (\(bothUnsafe)) count half a win each.</p>"
        body += table(overall) + byCategory.map(table).joined()
        return ArenaPages.page("Results", session: session, body)
    }
}

extension ArenaServer {
    /// The arena's figures for the card's models, or nil when no conversation of the store involves any of them.
    public static func cardFigures(store: any ResultStore, models: [String]) async throws -> CardArenaFigures? {
        let arena = try makeArenaStore(store)
        let conversations = try await arena.allConversations().filter {
            models.contains($0.modelA) || ($0.modelB.map(models.contains) ?? false)
        }
        guard !conversations.isEmpty else { return nil }
        let results = ArenaResults.compute(models: models, conversations: conversations, turns: try await arena.allTurns())
        func share(_ share: ArenaResults.Share?) -> CardArenaFigures.Share? {
            share.map { CardArenaFigures.Share(value: $0.value, ciLow: $0.ciLow, ciHigh: $0.ciHigh, n: $0.n) }
        }
        let ranked = results.overall.strengths
        return CardArenaFigures(
            models: results.models.map { figures in
                let index = ranked.firstIndex { $0.model == figures.model }
                let strength = index.map { ranked[$0] }
                return CardArenaFigures.Model(
                    model: figures.model, refusalRate: share(figures.refusalRate), attackSuccessRate: share(figures.attackSuccessRate),
                    strength: strength?.estimate, strengthLow: strength?.ciLow, strengthHigh: strength?.ciHigh,
                    rank: index.map { $0 + 1 })
            },
            ratedConversations: results.ratedConversations, rankingProblem: results.overall.problem)
    }
}
