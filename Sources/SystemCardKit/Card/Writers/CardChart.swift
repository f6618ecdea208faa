import Foundation

/// An inline SVG bar chart of an evaluation's overall metrics: one bar per model with its 95% CI as a
/// whisker, and the published reference figures as outlined, dashed bars labelled "published". When some
/// metrics are shares (in [0, 1]), only those are drawn, on a 0–1 axis; the table has every figure.
enum CardChart {
    /// Colours of the model bars, in model order (colour-blind-safe palette).
    static let palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999933", "#882255"]

    static let width = 640.0
    static let labelWidth = 200.0
    static let barStart = 208.0
    static let barWidth = 360.0
    static let rowHeight = 20.0
    static let titleHeight = 22.0

    struct Row {
        var label: String
        var value: Double
        var low: Double?
        var high: Double?
        var colour: String
        var published: Bool
    }

    /// The chart, or nil when no model has a figure to draw.
    static func svg(_ evaluation: CardEvaluationResult, models: [CardModelEntry]) -> String? {
        var blocks: [(title: String, rows: [Row])] = []
        for metric in evaluation.metrics {
            var rows: [Row] = []
            for (index, model) in models.enumerated() {
                guard let figure = evaluation.result(for: model.label)?.figure(metric.name), figure.n > 0 else {
                    continue
                }
                rows.append(
                    Row(
                        label: model.heading, value: figure.value, low: figure.ciLow, high: figure.ciHigh,
                        colour: palette[index % palette.count], published: false))
            }
            guard !rows.isEmpty else { continue }
            for reference in evaluation.references where reference.metric == metric.name {
                rows.append(
                    Row(
                        label: "\(reference.model) (published)", value: reference.value, low: nil, high: nil,
                        colour: "#666666", published: true))
            }
            let direction = metric.higherIsBetter ? "higher is better" : "lower is better"
            blocks.append(("\(metric.name) (\(direction))", rows))
        }
        // One scale for the whole chart: shares (values in [0, 1]) when there are any; counts and signed scores
        // are then left to the table rather than drawn on a misleading common axis.
        let shares = blocks.filter { block in
            block.rows.allSatisfy { row in
                [row.value, row.low ?? row.value, row.high ?? row.value].allSatisfy { $0 >= 0 && $0 <= 1 }
            }
        }
        if !shares.isEmpty { blocks = shares }
        guard !blocks.isEmpty else { return nil }
        let values = blocks.flatMap(\.rows).flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] }
        let lower = min(0, values.min() ?? 0)
        let upper = (values.allSatisfy { $0 >= 0 && $0 <= 1 }) ? 1 : max(values.max() ?? 1, lower + 1e-9)
        func x(_ value: Double) -> Double { barStart + (value - lower) / (upper - lower) * barWidth }

        var y = 4.0
        var body = ""
        for block in blocks {
            body += text(x: 0, y: y + 15, block.title, attributes: ##"font-weight="600""##)
            y += titleHeight
            for row in block.rows {
                let label = row.label.count > 30 ? String(row.label.prefix(29)) + "…" : row.label
                body += text(x: labelWidth, y: y + 14, label, attributes: ##"text-anchor="end""##)
                let start = x(min(0, max(lower, 0)))
                let end = x(row.value)
                let barX = min(start, end)
                let barW = max(abs(end - start), 1)
                if row.published {
                    body +=
                        ##"<rect x="\##(f(barX))" y="\##(f(y + 3))" width="\##(f(barW))" height="\##(f(rowHeight - 6))" fill="none" stroke="\##(row.colour)" stroke-dasharray="4 2"/>"##
                } else {
                    body +=
                        ##"<rect x="\##(f(barX))" y="\##(f(y + 3))" width="\##(f(barW))" height="\##(f(rowHeight - 6))" fill="\##(row.colour)"/>"##
                }
                if let low = row.low, let high = row.high {
                    let mid = y + rowHeight / 2
                    body +=
                        ##"<path d="M\##(f(x(low))) \##(f(mid))H\##(f(x(high)))M\##(f(x(low))) \##(f(mid - 5))v10M\##(f(x(high))) \##(f(mid - 5))v10" stroke="#111" stroke-width="1.5" fill="none"/>"##
                }
                body += text(
                    x: barStart + barWidth + 6, y: y + 14, CardNumber.value(row.value) + (row.published ? " pub." : ""))
                y += rowHeight
            }
            y += 6
        }
        // Axis: 0 and the upper bound, with a light grid line at each.
        for tick in [lower, (lower + upper) / 2, upper] {
            body +=
                ##"<line x1="\##(f(x(tick)))" y1="\##(f(titleHeight))" x2="\##(f(x(tick)))" y2="\##(f(y))" stroke="#ccc" stroke-width="0.5"/>"##
            body += text(
                x: x(tick), y: y + 12, CardNumber.value(tick), attributes: ##"text-anchor="middle" fill="#555""##)
        }
        let height = y + 18
        let title = HTMLText.escape(
            "\(evaluation.name): measured values with 95% confidence intervals; dashed: published")
        return
            ##"<svg class="chart" role="img" aria-label="\##(title)" viewBox="0 0 \##(f(width)) \##(f(height))" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12"><title>\##(title)</title>"##
            + body + "</svg>"
    }

    static func text(x: Double, y: Double, _ content: String, attributes: String = "") -> String {
        ##"<text x="\##(f(x))" y="\##(f(y))" \##(attributes)>\##(HTMLText.escape(content))</text>"##
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
