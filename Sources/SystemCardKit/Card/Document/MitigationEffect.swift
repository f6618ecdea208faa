import Foundation

/// What a family's mitigations bought and cost: for each evaluation measured for both its bare
/// (pre-mitigation) and its wrapped (post-mitigation) model, each overall figure before and after, and the
/// tokens each spent. The change in over-refusal sits beside the change in unsafe answers.
struct MitigationEffect: Sendable, Hashable, Codable {
    struct Row: Sendable, Hashable, Codable {
        var evaluation: String
        var metric: String
        var higherIsBetter: Bool
        var pre: CardFigure
        var post: CardFigure
        /// Tokens of the evaluated model (prompt + completion) over the run, before and after.
        var preTokens: Int
        var postTokens: Int
        /// Mean wall time per result, in milliseconds, before and after (model calls from the cache take almost none).
        var preLatency: Double?
        var postLatency: Double?
        /// What the mitigations themselves did and cost in the post run.
        var cost: CardMitigationCost?

        /// post − pre.
        var delta: Double { post.value - pre.value }

        /// Mean latency before and after, the mitigations' own calls and time per result, and how often they
        /// acted: `latency 812 → 1,020 ms; +1.00 calls and +95 ms per result; acted on 3 of 20`.
        var costText: String {
            var parts: [String] = []
            if let preLatency, let postLatency {
                parts.append("latency \(Int(preLatency.rounded())) → \(Int(postLatency.rounded())) ms")
            }
            if let cost {
                if cost.calls > 0 {
                    parts.append(String(
                        format: "+%.2f calls and +%.0f ms per result (%d tokens)", cost.callsPerResult,
                        cost.millisecondsPerResult, cost.tokens))
                }
                parts.append("acted on \(cost.acted) of \(cost.results)")
            }
            return parts.joined(separator: "; ")
        }
    }

    var family: String
    var preModel: String
    var postModel: String
    var mitigations: [String]
    var rows: [Row]

    /// One effect per family whose post-mitigation model has mitigations and whose pre-mitigation model exists.
    static func effects(models: [CardModelEntry], evaluations: [CardEvaluationResult]) -> [MitigationEffect] {
        var effects: [MitigationEffect] = []
        for post in models where post.mitigation == .post && !(post.mitigations ?? []).isEmpty {
            guard let pre = models.first(where: { $0.family == post.family && $0.mitigation == .pre }) else {
                continue
            }
            var rows: [Row] = []
            for evaluation in evaluations {
                guard let before = evaluation.result(for: pre.label), before.notRun == nil,
                    let after = evaluation.result(for: post.label), after.notRun == nil
                else { continue }
                for metric in evaluation.metrics {
                    guard let a = before.figure(metric.name), a.n > 0, let b = after.figure(metric.name), b.n > 0
                    else { continue }
                    rows.append(
                        Row(
                            evaluation: evaluation.name, metric: metric.name, higherIsBetter: metric.higherIsBetter,
                            pre: a, post: b, preTokens: before.usage?.totalTokens ?? 0,
                            postTokens: after.usage?.totalTokens ?? 0, preLatency: before.meanLatencyMilliseconds,
                            postLatency: after.meanLatencyMilliseconds, cost: after.mitigationCost))
                }
            }
            // Unsafe answers and over-refusal first: the gain and its price.
            let first = ["not_unsafe", "not_overrefuse"]
            rows.sort { (first.firstIndex(of: $0.metric) ?? 2) < (first.firstIndex(of: $1.metric) ?? 2) }
            effects.append(
                MitigationEffect(
                    family: post.family, preModel: pre.label, postModel: post.label,
                    mitigations: post.mitigations ?? [], rows: rows))
        }
        return effects
    }
}
