/// `--batch`: send a run's calls through the provider's batch API (half price, answered within 24 hours) instead of
/// one request each. Each pass runs every unfinished sample until its first call the cache cannot answer, sends
/// those calls as one batch per model, waits for it, caches the answers, and runs again: a single-turn evaluation
/// takes one pass for the answers and one for a judge's verdicts.
public struct BatchSettings: Sendable, Hashable {
    /// How often a batch's state is asked for.
    public var pollInterval: Duration
    /// Passes at most (a pass that still defers calls after this many stops the run).
    public var maxPasses: Int

    public init(pollInterval: Duration = .seconds(30), maxPasses: Int = 8) {
        self.pollInterval = pollInterval
        self.maxPasses = maxPasses
    }
}
