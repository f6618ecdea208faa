/// Computes a run's ``RunSummary`` (counts, usage, metrics) from what the store holds.
struct RunSummarizer {
    let store: any ResultStore

    /// The summary of the `selected` samples over `epochs` epochs of run `runID`.
    func summarise(evaluation: Evaluation, selected: [Sample], epochs: Int, runID: String) async throws -> RunSummary {
        let rows = try await store.resultRows(runID: runID)
        let samplesByID = Dictionary(selected.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var scored: [MetricCalculator.Scored] = []
        var errors = 0
        var usage = TokenUsage()
        var graderUsage = TokenUsage()
        var delivery: [String: Int] = [:]
        var present = 0
        var mitigation = MitigationTally()
        var actions: [String: Int] = [:]
        var mitigated = 0
        var latency = 0
        var roles: [String: RoleUsage] = [:]
        for row in rows where row.key.epoch <= epochs {
            guard let sample = samplesByID[row.key.sampleID] else { continue }
            present += 1
            usage += row.usage
            graderUsage += row.graderUsage
            if row.developerRole != .none { delivery[row.developerRole.rawValue, default: 0] += 1 }
            latency += row.latencyMilliseconds
            for (role, used) in row.usageByRole ?? [:] { roles[role, default: RoleUsage(model: used.model)].add(used) }
            if let tally = row.mitigation {
                mitigation.calls += tally.calls
                mitigation.usage += tally.usage
                mitigation.milliseconds += tally.milliseconds
                for action in tally.actions { actions[action, default: 0] += 1 }
                if !tally.actions.isEmpty { mitigated += 1 }
            }
            if row.status == .scored, let score = row.score {
                scored.append(.init(sample: sample, epoch: row.key.epoch, score: score))
            } else {
                errors += 1
            }
        }
        let total = selected.count * epochs
        var summary = RunSummary(
            samples: total, scored: scored.count, errors: errors, missing: total - present, usage: usage,
            graderUsage: graderUsage, developerRole: delivery,
            metrics: MetricCalculator.compute(evaluation.metrics, over: scored)
                + evaluation.aggregates.flatMap { $0.compute(scored) })
        summary.mitigationCalls = mitigation.calls
        summary.mitigationUsage = mitigation.usage
        summary.mitigationActions = actions
        summary.mitigationMilliseconds = mitigation.milliseconds
        summary.mitigatedResults = mitigated
        summary.meanLatencyMilliseconds = present > 0 ? Double(latency) / Double(present) : nil
        summary.usageByRole = roles
        return summary
    }
}
