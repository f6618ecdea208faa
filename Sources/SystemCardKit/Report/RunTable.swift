import Foundation

/// The human-readable result of a run: a header, counts, and a table of metrics with 95% confidence
/// intervals (overall rows first, then each group indented).
public enum RunTable {
    /// The run's header, counts, metric table and published figures as terminal text, and a note when
    /// samples errored.
    public static func render(
        run: RunRecord, summary: RunSummary, references: [PublishedFigure] = [], prices: PriceTable = PriceTable()
    ) -> String {
        var lines: [String] = []
        let configuration = run.configuration
        var grader = configuration.grader
        if let judge = configuration.graderModel { grader += " (\(judge.spec))" }
        lines.append("run \(run.id)  \(run.evaluation) v\(run.evaluationVersion)  model \(TerminalText.excerpt(run.model, limit: 80))")
        lines.append("grader \(TerminalText.excerpt(grader, limit: 80)) [\(configuration.graderVersion)]  status \(run.status.rawValue)")
        if let mitigations = configuration.mitigations {
            lines.append("mitigations \(TerminalText.excerpt(mitigations.joined(separator: ", "), limit: 120))")
        }
        var counts = "samples \(summary.samples)  scored \(summary.scored)  errors \(summary.errors)"
        if summary.missing > 0 { counts += "  not run \(summary.missing)" }
        counts += "  tokens \(summary.usage.promptTokens) in / \(summary.usage.completionTokens) out"
        if summary.graderUsage.totalTokens > 0 {
            counts += "  grader tokens \(summary.graderUsage.promptTokens) in / \(summary.graderUsage.completionTokens) out"
        }
        lines.append(counts)
        if !summary.usageByRole.isEmpty {
            let cost = summary.cost(at: prices)
            let parts = cost.byRole.sorted { $0.key < $1.key }.map { "\($0.key) \(RunCost.dollars($0.value))" }
            lines.append(
                TerminalText.escape("cost \(cost.text)" + (parts.count > 1 ? " (" + parts.joined(separator: ", ") + ")" : "")
                    + " at list prices of \(PriceTable.defaultsDate) unless overridden", singleLine: true))
        }
        if summary.mitigationCalls > 0 || summary.mitigatedResults > 0 {
            var line = "mitigations acted on \(summary.mitigatedResults) results"
            let actions = summary.mitigationActions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if !actions.isEmpty {
                line += " (" + TerminalText.excerpt(actions.prefix(6).map { "\($0.key) ×\($0.value)" }.joined(separator: ", "), limit: 160) + ")"
            }
            line += "  classifier calls \(summary.mitigationCalls), \(summary.mitigationUsage.totalTokens) tokens, \(summary.mitigationMilliseconds) ms"
            lines.append(line)
        }
        if summary.developerRoleFolded {
            lines.append("note: developer messages were folded into the system message for \(summary.developerRole["folded"] ?? 0) samples")
        }
        lines.append("")
        let rows = summary.metrics.map { metric -> [String] in
            let name = metric.group.map { "  \($0.field)=\(TerminalText.excerpt($0.value, limit: 40))" } ?? metric.name
            guard metric.n > 0 else { return [name, "-", "no samples", "0"] }
            if metric.ciLow == metric.ciHigh && metric.value == metric.value.rounded() && metric.value > 1 {
                return [name, String(Int(metric.value)), "-", String(metric.n)]  // a count, not an estimate
            }
            return [name, format(metric.value), "[\(format(metric.ciLow)), \(format(metric.ciHigh))]", String(metric.n)]
        }
        lines.append(contentsOf: TextTable.render(header: ["metric", "value", "95% CI", "n"], rows: rows))
        if !references.isEmpty {
            lines.append("")
            lines.append("published (not measured here):")
            for reference in references {
                lines.append("  \(reference.metric)  \(reference.model) \(format(reference.value))  (\(reference.source))")
            }
        }
        if summary.errors > 0 {
            lines.append("")
            lines.append("\(summary.errors) sample(s) errored and are not in any metric; `systemcard show \(run.id) --failures` lists them, `--retry-errors` re-runs them.")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
