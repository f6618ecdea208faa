import Foundation
import SystemCardKit

/// The run viewer's pages (`systemcard view`): runs, one run's metrics and samples, one sample's transcript, and
/// two runs side by side. Read-only; every stored text (prompts, answers, tool output, judge verdicts) is escaped.
enum ViewerPages {
    static let e = ArenaPages.e

    static func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>\(e(title)) · SystemCard runs</title><link rel="stylesheet" href="/static/arena.css"></head>
        <body><header><strong>SystemCard runs</strong> <a href="/">All runs</a></header><main>
        \(body)
        </main></body></html>
        """
    }

    static func percent(_ value: Double) -> String { String(format: "%.3f", value) }

    static func runs(_ runs: [RunRecord]) -> String {
        var body = "<h1>Runs</h1><form method=\"get\" action=\"/compare\">Compare <input name=\"a\" placeholder=\"run id\"> "
            + "with <input name=\"b\" placeholder=\"run id\"> <button>Compare</button></form>"
        body += "<table><tr><th>run</th><th>evaluation</th><th>model</th><th>status</th><th>scored / samples</th><th>first figure</th></tr>"
        for run in runs {
            let summary = run.summary
            let figure = summary?.metrics.first { $0.group == nil }
            body += "<tr><td><a href=\"/runs/\(e(run.id))\"><code>\(e(run.id))</code></a></td><td>\(e(run.evaluation))</td>"
                + "<td><code>\(e(run.model))</code></td><td>\(e(run.status.rawValue))</td>"
                + "<td>\(summary.map { "\($0.scored) / \($0.samples)" } ?? "-")</td>"
                + "<td>\(figure.map { "\(e($0.name)) \(percent($0.value))" } ?? "-")</td></tr>"
        }
        return page("Runs", body + "</table>")
    }

    static func metrics(_ metrics: [MetricResult]) -> String {
        var text = "<table><tr><th>metric</th><th>value</th><th>95% CI</th><th>n</th></tr>"
        for metric in metrics {
            let name = metric.group.map { "&nbsp;&nbsp;\(e($0.field))=\(e($0.value))" } ?? e(metric.name)
            text += "<tr><td>\(name)</td><td>\(percent(metric.value))</td><td>[\(percent(metric.ciLow)), \(percent(metric.ciHigh))]</td><td>\(metric.n)</td></tr>"
        }
        return text + "</table>"
    }

    /// Which samples a run page lists.
    enum Filter: String, CaseIterable {
        case all, failed, passed, errors
    }

    static func run(_ run: RunRecord, results: [SampleResult], filter: Filter) -> String {
        var body = "<h1>Run <code>\(e(run.id))</code></h1><p>\(e(run.evaluation)) · model <code>\(e(run.model))</code> · "
            + "grader \(e(run.configuration.grader)) (\(e(run.configuration.graderVersion)))"
        if let judge = run.configuration.graderModel { body += " with <code>\(e(judge.spec))</code>" }
        if let mitigations = run.configuration.mitigations { body += " · mitigations \(e(mitigations.joined(separator: ", ")))" }
        body += " · \(e(run.status.rawValue))</p>"
        if let summary = run.summary {
            body += "<p>\(summary.scored) scored, \(summary.errors) errors, \(summary.missing) not run</p>" + metrics(summary.metrics)
        }
        body += "<h2>Samples</h2><p>" + Filter.allCases.map { option in
            option == filter ? "<strong>\(option.rawValue)</strong>" : "<a href=\"/runs/\(e(run.id))?filter=\(option.rawValue)\">\(option.rawValue)</a>"
        }.joined(separator: " · ") + "</p>"
        let shown = results.filter { result in
            switch filter {
            case .all: true
            case .errors: result.status == .error
            case .failed: result.status == .scored && (result.score?.value ?? 0) < 1
            case .passed: result.status == .scored && (result.score?.value ?? 0) >= 1
            }
        }
        body += "<table><tr><th>sample</th><th>epoch</th><th>score</th><th>label</th><th>answer</th></tr>"
        for result in shown {
            let score = result.status == .error ? "<span class=\"bad\">error</span>" : result.score.map { percent($0.value) } ?? "-"
            let answer = result.error ?? result.completion ?? ""
            body += "<tr><td><a href=\"/runs/\(e(run.id))/samples/\(e(result.sample.id))/\(result.epoch)\">\(e(result.sample.id))</a></td>"
                + "<td>\(result.epoch)</td><td>\(score)</td><td>\(e(result.score?.label ?? ""))</td>"
                + "<td>\(e(String(answer.prefix(160))))\(answer.count > 160 ? "…" : "")</td></tr>"
        }
        return page("Run \(run.id)", body + "</table><p class=\"muted\">\(shown.count) of \(results.count) shown</p>")
    }

    static func sample(_ run: RunRecord, _ result: SampleResult) -> String {
        var body = "<h1>Sample <code>\(e(result.sample.id))</code>, epoch \(result.epoch)</h1>"
            + "<p><a href=\"/runs/\(e(run.id))\">run \(e(run.id))</a> · \(e(run.evaluation)) · <code>\(e(run.model))</code></p>"
        if let target = result.sample.target { body += "<p>Target: <code>\(e(target))</code></p>" }
        for message in result.transcript {
            body += "<div class=\"card\"><p class=\"muted\">\(e(message.role.rawValue))\(message.toolCallID.map { " (result of \(e($0)))" } ?? "")</p>"
            body += "<div class=\"answer\">\(e(message.content))</div>"
            for call in message.toolCalls ?? [] {
                body += "<p class=\"muted\">calls <code>\(e(call.name))</code> (\(e(call.id)))</p><div class=\"answer\">\(e(call.arguments))</div>"
            }
            body += "</div>"
        }
        if let error = result.error { body += "<h2>Error</h2><p class=\"bad\">\(e(error))</p>" }
        if let score = result.score {
            body += "<h2>Score \(percent(score.value))\(score.label.map { " (\(e($0)))" } ?? "")</h2><p>\(e(score.explanation))</p>"
            if let parts = score.parts, !parts.isEmpty {
                body += "<p>" + parts.sorted { $0.key < $1.key }.map { "\(e($0.key)) \(percent($0.value))" }.joined(separator: " · ") + "</p>"
            }
            if let judge = score.judgeOutput { body += "<h3>The judge said</h3><div class=\"answer\">\(e(judge))</div>" }
        }
        if let tally = result.mitigation {
            body += "<h2>Mitigations</h2><p>\(tally.calls) calls, \(tally.milliseconds) ms; "
                + (tally.actions.isEmpty ? "no action" : e(tally.actions.joined(separator: "; "))) + "</p>"
        }
        return page("Sample \(result.sample.id)", body)
    }

    static func compare(_ a: RunRecord, _ b: RunRecord, changed: [(SampleResult, SampleResult)]) -> String {
        var body = "<h1>Two runs side by side</h1><div class=\"pair\">"
        for run in [a, b] {
            body += "<div><h2><a href=\"/runs/\(e(run.id))\"><code>\(e(run.id))</code></a></h2><p>\(e(run.evaluation)) · <code>\(e(run.model))</code></p>"
            body += metrics((run.summary?.metrics ?? []).filter { $0.group == nil }) + "</div>"
        }
        body += "</div><h2>Samples whose result changed (\(changed.count))</h2>"
        body += "<table><tr><th>sample</th><th>epoch</th><th>before</th><th>after</th></tr>"
        func cell(_ result: SampleResult, _ run: RunRecord) -> String {
            let value = result.status == .error ? "error" : result.score.map { percent($0.value) + ($0.label.map { " \($0)" } ?? "") } ?? "-"
            return "<td><a href=\"/runs/\(e(run.id))/samples/\(e(result.sample.id))/\(result.epoch)\">\(e(value))</a></td>"
        }
        for (before, after) in changed {
            body += "<tr><td>\(e(before.sample.id))</td><td>\(before.epoch)</td>\(cell(before, a))\(cell(after, b))</tr>"
        }
        return page("Compare", body + "</table>")
    }
}
