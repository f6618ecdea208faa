import Foundation

/// Compares two cards (or two runs): per metric, the change and whether it is beyond the confidence
/// intervals (the two 95% intervals do not overlap). A regression beyond the intervals fails CI pipelines.
public struct CardDiff: Sendable, Hashable, Codable {
    /// One side: every measured (evaluation, model) with its figures, metric directions and provenance.
    public struct Side: Sendable, Hashable, Codable {
        /// One evaluation measured for one model: its version, figures and dataset file digests.
        public struct Entry: Sendable, Hashable, Codable {
            var evaluation: String
            var version: String
            var model: String
            var figures: [CardFigure]
            var datasetFiles: [DatasetFileDigest]
            /// The run the figures come from, when known.
            var runId: String?

            init(
                evaluation: String, version: String, model: String, figures: [CardFigure],
                datasetFiles: [DatasetFileDigest], runId: String? = nil
            ) {
                self.runId = runId
                self.evaluation = evaluation
                self.version = version
                self.model = model
                self.figures = figures
                self.datasetFiles = datasetFiles
            }
        }

        var name: String
        var entries: [Entry]
        /// `evaluation.metric` names whose lower values are better.
        var lowerIsBetter: [String]

        init(name: String, entries: [Entry], lowerIsBetter: [String]) {
            self.name = name
            self.entries = entries
            self.lowerIsBetter = lowerIsBetter
        }

        /// The measured results of a card.json of any schema version: only the evaluations' names, versions,
        /// metric directions and each model's figures are read, so a card written by an older systemcard
        /// still compares with a new one.
        public init(cardJSON data: Data, name: String) throws {
            struct View: Decodable {
                struct Metric: Decodable {
                    var name: String
                    var higherIsBetter: Bool
                }
                struct Result: Decodable {
                    var model: String
                    var notRun: String?
                    var runId: String?
                    var figures: [CardFigure]?
                    var datasetFiles: [DatasetFileDigest]?
                }
                struct Evaluation: Decodable {
                    var name: String
                    var version: String
                    var metrics: [Metric]
                    var results: [Result]
                }
                var evaluations: [Evaluation]
            }
            let view = try CardDocument.decoder.decode(View.self, from: data)
            var entries: [Entry] = []
            var lower: [String] = []
            for evaluation in view.evaluations {
                lower += evaluation.metrics.filter { !$0.higherIsBetter }.map { "\(evaluation.name).\($0.name)" }
                for result in evaluation.results where result.notRun == nil {
                    entries.append(
                        Entry(
                            evaluation: evaluation.name, version: evaluation.version, model: result.model,
                            figures: result.figures ?? [], datasetFiles: result.datasetFiles ?? [], runId: result.runId))
                }
            }
            self.init(name: name, entries: entries, lowerIsBetter: lower)
        }

        /// A stored run (metric directions from `registry`, the one that ran it).
        public init(run: RunRecord, registry: EvaluationRegistry = .builtIn) {
            let figures = run.summary?.metrics ?? []
            let metrics =
                (try? registry.evaluation(named: run.evaluation, options: run.configuration.options))
                .map(CardMetricInfo.all(of:)) ?? []
            self.init(
                name: run.id,
                entries: [
                    Entry(
                        evaluation: run.evaluation, version: run.evaluationVersion, model: run.model, figures: figures,
                        datasetFiles: run.configuration.datasetFiles, runId: run.id)
                ],
                lowerIsBetter: metrics.filter { !$0.higherIsBetter }.map { "\(run.evaluation).\($0.name)" })
        }
    }

    var before: String
    var after: String
    var rows: [CardDiffRow]
    /// What makes a comparison doubtful: different evaluation versions or datasets, unmatched entries.
    var notes: [String]

    /// True when some metric got worse beyond its interval.
    public var hasRegression: Bool { rows.contains { $0.change == .regressed } }

    /// Compares `after` with `before`. Entries pair by evaluation and model label; an evaluation measured for
    /// exactly one model on each side pairs those two even when the labels differ (model A vs model B).
    public static func compare(_ before: Side, _ after: Side, includeGroups: Bool = false) -> CardDiff {
        var rows: [CardDiffRow] = []
        var notes: [String] = []
        let evaluations = orderedUnique(before.entries.map(\.evaluation) + after.entries.map(\.evaluation))
        for evaluation in evaluations {
            let left = before.entries.filter { $0.evaluation == evaluation }
            let right = after.entries.filter { $0.evaluation == evaluation }
            var pairs: [(Side.Entry, Side.Entry, String)] = []
            if left.count == 1, right.count == 1, left[0].model != right[0].model {
                pairs.append((left[0], right[0], "\(left[0].model) → \(right[0].model)"))
            } else {
                for entry in left {
                    if let match = right.first(where: { $0.model == entry.model }) {
                        pairs.append((entry, match, entry.model))
                    }
                }
            }
            let paired = Set(pairs.map { $0.0.model }).union(pairs.map { $0.1.model })
            let unmatched = (left + right).map(\.model).filter { !paired.contains($0) }
            if !unmatched.isEmpty {
                notes.append(
                    "\(evaluation): measured on one side only for \(orderedUnique(unmatched).joined(separator: ", "))")
            }
            for (a, b, model) in pairs {
                if a.version != b.version {
                    notes.append("\(evaluation): version \(a.version) vs \(b.version); figures may not be comparable")
                }
                if Set(a.datasetFiles) != Set(b.datasetFiles) && !a.datasetFiles.isEmpty && !b.datasetFiles.isEmpty {
                    notes.append("\(evaluation) (\(model)): the dataset files differ (sha256)")
                }
                for figure in a.figures where figure.n > 0 && (includeGroups || figure.group == nil) {
                    guard let other = b.figures.first(where: { $0.label == figure.label }), other.n > 0 else {
                        continue
                    }
                    let key = "\(evaluation).\(figure.name)"
                    let lower = before.lowerIsBetter.contains(key) || after.lowerIsBetter.contains(key)
                    var row = CardDiffRow(
                        evaluation: evaluation, model: model, metric: figure.label, higherIsBetter: !lower,
                        before: figure, after: other)
                    row.beforeRun = a.runId
                    row.afterRun = b.runId
                    rows.append(row)
                }
            }
        }
        if rows.isEmpty { notes.append("no metric was measured on both sides") }
        return CardDiff(before: before.name, after: after.name, rows: rows, notes: orderedUnique(notes))
    }

    /// This comparison with every per-sample metric decided by a paired test on the samples both runs share,
    /// when both runs are in `store` (McNemar's exact test for 0/1 metrics, a paired bootstrap otherwise);
    /// aggregate figures (goodness@0.1, ratios) and runs not in the store keep the interval overlap.
    public func paired(store: any ResultStore, registry: EvaluationRegistry = .builtIn) async throws -> CardDiff {
        var diff = self
        var cache: [String: [SampleResult]] = [:]
        func results(_ run: String) async throws -> [SampleResult]? {
            if let cached = cache[run] { return cached }
            guard try await store.run(id: run) != nil else { return nil }
            let loaded = try await store.results(runID: run)
            cache[run] = loaded
            return loaded
        }
        var missing = Set<String>()
        for (index, row) in rows.enumerated() {
            guard let beforeRun = row.beforeRun, let afterRun = row.afterRun else { continue }
            guard let left = try await results(beforeRun), let right = try await results(afterRun) else {
                missing.insert(try await results(beforeRun) == nil ? beforeRun : afterRun)
                continue
            }
            guard let evaluation = try? registry.evaluation(named: row.evaluation),
                let metric = evaluation.metrics.first(where: { $0.name == row.before.name })
            else { continue }
            var scoped = metric
            if let group = row.before.group {
                let base = metric.includes
                scoped.includes = { base($0) && $0.metadata[group.field] == group.value }
            }
            if let comparison = PairedComparison.compare(scoped, before: left, after: right) {
                diff.rows[index] = row.deciding(by: comparison)
            }
        }
        if !missing.isEmpty {
            diff.notes.append(
                "runs not in the store (\(missing.sorted().joined(separator: ", "))): those rows compare intervals, "
                    + "not samples; pass --db with the store that ran them")
        }
        return diff
    }

    static func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// A terminal table (strings escaped for the terminal).
    public func table() -> String {
        var lines = [
            "before: \(TerminalText.excerpt(before, limit: 120))", "after:  \(TerminalText.excerpt(after, limit: 120))",
            "",
        ]
        let body = rows.map { row -> [String] in
            [
                TerminalText.excerpt(row.evaluation, limit: 40), TerminalText.excerpt(row.model, limit: 50),
                TerminalText.excerpt(row.metric, limit: 60) + (row.higherIsBetter ? " ↑" : " ↓"),
                "\(CardNumber.value(row.before.value)) \(CardNumber.interval(row.before))",
                "\(CardNumber.value(row.after.value)) \(CardNumber.interval(row.after))",
                CardNumber.signed(row.paired?.delta ?? row.delta),
                row.change == .withinCI ? (row.paired == nil ? "within CI" : "not significant")
                    : row.change.rawValue.uppercased(),
                row.testText,
            ]
        }
        lines += TextTable.render(
            header: ["evaluation", "model", "metric", "before", "after", "change", "verdict", "test"], rows: body)
        for row in rows {
            guard let paired = row.paired, !paired.worsened.isEmpty || !paired.improved.isEmpty else { continue }
            var line = "flipped \(TerminalText.excerpt(row.evaluation, limit: 40)) \(TerminalText.excerpt(row.metric, limit: 60)): "
                + "\(paired.improved.count) better, \(paired.worsened.count) worse"
            if let first = paired.worsened.first, let run = row.afterRun {
                line += " (e.g. systemcard show \(TerminalText.excerpt(run, limit: 40)) --sample "
                    + "\(TerminalText.excerpt(first, limit: 80)))"
            }
            lines.append(line)
        }
        for note in notes { lines.append("note: \(TerminalText.escape(note, singleLine: true))") }
        let regressions = rows.filter { $0.change == .regressed }.count
        let how = rows.contains { $0.paired != nil } ? "paired tests or confidence intervals" : "the confidence intervals"
        lines.append(regressions == 0 ? "no regression beyond \(how)" : "\(regressions) regression(s) beyond \(how)")
        return lines.joined(separator: "\n")
    }

    /// JSON with sorted keys.
    public func json() throws -> String {
        String(decoding: try CardDocument.encoder.encode(self), as: UTF8.self)
    }
}
