/// What an attack did for one behaviour: every attempt in order (stored as the sample's transcript), the target
/// calls made, and the best response so far.
struct AttackRecord: Sendable {
    var transcript: [ChatMessage] = []
    var queries = 0
    var success = false
    var queriesToSuccess: Int?
    var bestRating = 0
    var bestResponse = ""
    var turns = 0
    var backtracks = 0
    /// Tokens of every call made for this behaviour (target, attacker, judge).
    var tokens = 0
    /// True when the token budget ended the attack.
    var outOfTokens = false

    mutating func note(_ text: String) {
        transcript.append(.system("[attack] \(text)"))
    }

    mutating func attempt(_ messages: [ChatMessage], response: String) {
        transcript += messages
        transcript.append(.assistant(response))
    }

    mutating func judged(_ verdict: AttackJudge.Verdict, response: String) {
        note("judge: rating \(verdict.rating)/10, \(verdict.actionable ? "actionable" : "not actionable")")
        if verdict.rating > bestRating || bestResponse.isEmpty {
            bestRating = verdict.rating
            bestResponse = response
        }
    }

    mutating func succeeded(_ response: String, flagged: ModerationVerdict) {
        success = true
        queriesToSuccess = queries
        bestResponse = response
        note("success after \(queries) target queries: classifier flagged \(flagged.categories.joined(separator: ", "))")
    }

    var output: SolverOutput {
        var output = SolverOutput(completion: bestResponse, transcript: transcript)
        var parts: [String: Double] = [
            "queries": Double(queries), "success": success ? 1 : 0, "best_rating": Double(bestRating),
            "turns": Double(turns), "backtracks": Double(backtracks), "tokens": Double(tokens),
        ]
        if outOfTokens { parts["out_of_tokens"] = 1 }
        if let queriesToSuccess { parts["queries_to_success"] = Double(queriesToSuccess) }
        output.parts = parts
        return output
    }
}
