/// `--dry-run`'s table: per run, the sample-epochs left and done, the estimated calls and tokens, and their cost,
/// then the total and the assumptions.
public enum EstimateTable {
    /// The lines to print for `estimates`; `limit` is `--max-cost`, when given.
    public static func render(_ estimates: [RunEstimate], limit: Double?) -> [String] {
        var total = RunCost()
        var rows: [[String]] = []
        for estimate in estimates {
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
            header: ["evaluation", "model", "to do", "done", "calls", "tokens in", "tokens out", "cost"], rows: rows)
        lines.append("")
        lines.append("estimated total: \(total.text) at list prices of \(PriceTable.defaultsDate) unless overridden"
            + (limit.map { "; --max-cost \(RunCost.dollars($0)) stops the run before a call that could pass it" } ?? ""))
        var assumptions: [String] = []
        for estimate in estimates {
            for assumption in estimate.assumptions where !assumptions.contains(assumption) { assumptions.append(assumption) }
        }
        if !assumptions.isEmpty {
            lines.append("assumed: " + assumptions.joined(separator: "; ") + "; input at 4 characters a token")
        }
        return lines.map { TerminalText.escape($0, singleLine: true) }
    }
}
