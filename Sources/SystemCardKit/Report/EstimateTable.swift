/// `--dry-run`'s table: per run, the sample-epochs left and done, the estimated calls and tokens, and their cost,
/// then the total and the assumptions.
public enum EstimateTable {
    /// The lines to print for `estimates`; `limit` is `--max-cost`, when given.
    public static func render(_ estimates: [RunEstimate], limit: Double?) -> [String] {
        var total = RunCost()
        var rows: [[String]] = []
        for estimate in estimates {
            if let reason = estimate.notRun {
                rows.append([estimate.evaluation, TerminalText.excerpt(estimate.model, limit: 40), "-", "-", "-", "-", "-",
                             "not run: " + TerminalText.excerpt(reason, limit: 70)])
                continue
            }
            total.add(estimate.cost)
            let calls = estimate.roles.values.reduce(0) { $0 + $1.calls }
            let usage = estimate.roles.values.reduce(TokenUsage()) { $0 + $1.usage }
            rows.append([
                estimate.evaluation, TerminalText.excerpt(estimate.model, limit: 40), String(estimate.samples),
                String(estimate.finished), String(calls), String(usage.promptTokens), String(usage.completionTokens),
                estimate.cost.text,
            ])
        }
        var lines = ["dry run: nothing was sent to any model", ""]
        lines += TextTable.render(
            header: ["evaluation", "model", "to do", "done", "calls", "tokens in", "tokens out", "cost"], rows: rows,
            leftAligned: [0, 7])
        lines.append("")
        lines.append("estimated total: \(total.text) at list prices of \(PriceTable.defaultsDate) unless overridden"
            + (limit.map { "; --max-cost \(RunCost.dollars($0)) stops the run before a call that could pass it" } ?? ""))
        var assumptions: [String] = []
        for estimate in estimates {
            for assumption in estimate.assumptions where !assumptions.contains(assumption) { assumptions.append(assumption) }
        }
        // "up to 2 calls per sample (ctf-generated, swe-repair)": the bounds, each with its evaluations.
        var bounds: [Int: [String]] = [:]
        for estimate in estimates where estimate.callsPerSample > 1 && estimate.notRun == nil {
            if !bounds[estimate.callsPerSample, default: []].contains(estimate.evaluation) {
                bounds[estimate.callsPerSample, default: []].append(estimate.evaluation)
            }
        }
        for (calls, names) in bounds.sorted(by: { $0.key < $1.key }) {
            assumptions.append("up to \(calls) calls per sample (\(names.joined(separator: ", ")): their bound; an agent's "
                + "system prompt and tools not counted)")
        }
        if !assumptions.isEmpty {
            lines.append("assumed: " + assumptions.joined(separator: "; ") + "; input at 4 characters a token")
        }
        return lines.map { TerminalText.escape($0, singleLine: true) }
    }
}
