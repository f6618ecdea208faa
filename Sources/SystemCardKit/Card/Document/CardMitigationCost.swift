/// What a run's mitigations cost and did: the calls they made (a filter's classifier), their tokens and wall
/// time, and in how many results they acted.
struct CardMitigationCost: Sendable, Hashable, Codable {
    /// Results of the run (scored or errored).
    var results: Int
    /// Model calls made by the mitigations.
    var calls: Int
    /// Their tokens.
    var tokens: Int
    /// Wall time in their calls, in milliseconds (near 0 for answers from the call cache).
    var milliseconds: Int
    /// Results in which a mitigation acted (a filtered request or answer).
    var acted: Int

    /// Extra calls per result.
    var callsPerResult: Double { results > 0 ? Double(calls) / Double(results) : 0 }
    /// Added wall time per result, in milliseconds.
    var millisecondsPerResult: Double { results > 0 ? Double(milliseconds) / Double(results) : 0 }

    init(results: Int, calls: Int, tokens: Int, milliseconds: Int, acted: Int) {
        self.results = results
        self.calls = calls
        self.tokens = tokens
        self.milliseconds = milliseconds
        self.acted = acted
    }

    init(summary: RunSummary) {
        results = summary.scored + summary.errors
        calls = summary.mitigationCalls
        tokens = summary.mitigationUsage.totalTokens
        milliseconds = summary.mitigationMilliseconds
        acted = summary.mitigatedResults
    }
}
