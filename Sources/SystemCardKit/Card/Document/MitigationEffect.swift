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

        /// post − pre.
        var delta: Double { post.value - pre.value }
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
                            postTokens: after.usage?.totalTokens ?? 0))
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
