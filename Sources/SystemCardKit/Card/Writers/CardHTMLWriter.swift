import Foundation

/// Writes the card as one self-contained HTML file: inline CSS and SVG, no script, font or other request
/// to the network; readable on a phone (tables scroll sideways) and in print. Every string that comes from
/// a model, a dataset or the config goes through ``HTMLText/escape(_:)``.
enum CardHTMLWriter {
    /// Characters of prompt, response and reason shown per example failure.
    static let exampleLimit = 1_500
    /// Where `systemcard view` listens by default: the examples link into it.
    static let viewerBase = "http://127.0.0.1:8081"

    static func render(_ card: CardDocument) -> String {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(e(card.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>

            """
        html += header(card)
        html += scorecard(card)
        html += mitigationEffects(card)
        html += headlines(card)
        html += models(card)
        html += contents(card)
        for part in CardOutline.parts {
            html += "<section id=\"\(part.anchor)\">\n<h2>\(part.number) \(e(part.title))</h2>\n"
            if part.anchor == "preparedness" { html += indicators(card) }
            if part.anchor == "safety" { html += safetyGrades(card) }
            for (number, section) in part.sections {
                if part.sections.count > 1 {
                    html += "<h3 id=\"\(section.rawValue)\">\(number) \(e(section.title))</h3>\n"
                }
                let evaluations = card.evaluations(in: section)
                if section == .redTeaming { html += arena(card) }
                if evaluations.isEmpty {
                    html += "<p class=\"muted\">No evaluation for this section is registered yet.</p>\n"
                }
                for evaluation in evaluations { html += block(evaluation, card: card) }
            }
            html += "</section>\n"
        }
        html += footer(card)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// `at most 10 samples per evaluation (a fixed random subset), answers cut at 128 tokens`.
    static func sampleNote(_ card: CardDocument) -> String {
        var note = card.limit.map { "\($0) samples per evaluation (a fixed random subset)" } ?? "every sample"
        if let minimum = card.minimumPerMetric, card.limit != nil {
            note += ", widened until every metric row has at least \(minimum) where the data has them (group "
                + "breakdowns are indicative)"
        }
        let tokens = Set(card.models.compactMap(\.settings.maxTokens))
        if tokens.count == 1, let maxTokens = tokens.first { note += ", answers cut at \(maxTokens) tokens" }
        return note
    }

    static func header(_ card: CardDocument) -> String {
        var text = "<header>\n<h1>\(e(card.title))</h1>\n"
        text += "<p class=\"meta\">Generated \(e(card.generatedAt)) by \(e(card.generator)). "
        text += "Every figure is measured here with its 95% confidence interval; figures marked "
        text += "<span class=\"pubtag\">published</span> are copied from published system cards, not measured.</p>\n"
        if card.profile == .quick || card.limit != nil {
            text += "<p class=\"warn\">\(card.profile == .quick ? "Quick profile: " : "")\(e(sampleNote(card))). "
            text += "Confidence intervals are wide; run with <code>--profile full</code> for the card of record.</p>\n"
        }
        if let costLine = card.costLine { text += "<p class=\"meta\">\(e(costLine))</p>\n" }
        return text + "</header>\n"
    }

    static func models(_ card: CardDocument) -> String {
        var text = "<section id=\"models\">\n<h2>Models</h2>\n<div class=\"scroll\"><table>\n"
        text +=
            "<thead><tr><th>column</th><th>model</th><th>endpoint</th><th>mitigation</th><th>family</th><th>settings</th></tr></thead>\n<tbody>\n"
        for model in card.models {
            let settings = settingsText(model.settings)
            text += "<tr><td>\(e(model.label))</td><td><code>\(e(model.model))</code></td>"
            text += "<td>\(e(model.baseUrl ?? "embedded (offline)"))</td><td>\(e(model.mitigation?.title ?? "—"))</td>"
            text += "<td>\(e(model.family))"
            if let mitigations = model.mitigations { text += "<br><small>\(e(mitigations.joined(separator: ", ")))</small>" }
            text += "</td><td>\(e(settings))</td></tr>\n"
        }
        text += "</tbody></table></div>\n"
        if let grader = card.graderModel {
            text +=
                "<p>Grader model: <code>\(e(grader))</code> (for model-graded evaluations; each table names its grader).</p>\n"
        } else {
            text += "<p>No grader model: evaluations use their rules grader where they have one; the others are "
            text += "<em>not run: needs a grader model</em>. The evaluated model is never its own judge.</p>\n"
        }
        return text + "</section>\n"
    }

    static func settingsText(_ settings: GenerationSettings) -> String {
        var parts: [String] = []
        if let temperature = settings.temperature { parts.append("temperature \(temperature)") }
        if let maxTokens = settings.maxTokens { parts.append("max tokens \(maxTokens)") }
        if let seed = settings.seed { parts.append("seed \(seed)") }
        if let effort = settings.reasoningEffort { parts.append("reasoning effort \(effort)") }
        return parts.isEmpty ? "endpoint defaults" : parts.joined(separator: ", ")
    }

    static func contents(_ card: CardDocument) -> String {
        var text = "<nav><h2>Contents</h2><ol>\n"
        for part in CardOutline.parts {
            text += "<li><a href=\"#\(part.anchor)\">\(e(part.title))</a><ul>"
            for (number, section) in part.sections {
                let evaluations = card.evaluations(in: section)
                let status =
                    evaluations.isEmpty
                    ? " <span class=\"muted\">(none yet)</span>"
                    : " — "
                        + evaluations.map { evaluation in
                            let tag = evaluation.isNotRun ? " <span class=\"muted\">not run</span>" : ""
                            return
                                "<a href=\"#eval-\(HTMLText.anchor(evaluation.name))\">\(e(evaluation.name))</a>\(tag)"
                        }.joined(separator: ", ")
                let target = part.sections.count > 1 ? section.rawValue : part.anchor
                text += "<li><a href=\"#\(target)\">\(number) \(e(section.title))</a>\(status)</li>"
            }
            text += "</ul></li>\n"
        }
        return text + "</ol></nav>\n"
    }

    static func block(_ evaluation: CardEvaluationResult, card: CardDocument) -> String {
        var text = "<article class=\"eval\" id=\"eval-\(HTMLText.anchor(evaluation.name))\">\n"
        text += "<h4>\(e(evaluation.name)) <span class=\"muted\">v\(e(evaluation.version))</span></h4>\n"
        text += "<p>\(e(evaluation.summary))</p>\n"
        if !evaluation.options.isEmpty {
            text +=
                "<p class=\"meta\">Options: "
                + evaluation.options.map { "\(e($0.name))=\(e($0.value))" }.joined(separator: ", ") + "</p>\n"
        }
        let reasons = Set(evaluation.results.compactMap(\.notRun))
        if evaluation.isNotRun {
            if reasons.count == 1, let reason = reasons.first {
                text += "<p class=\"notrun\"><strong>Not run:</strong> \(e(reason))</p>\n"
            } else {
                text +=
                    "<ul class=\"notrun\">"
                    + evaluation.results.map {
                        "<li><strong>\(e($0.model))</strong>: not run: \(e($0.notRun ?? ""))</li>"
                    }.joined() + "</ul>\n"
            }
            text += references(evaluation)
            return text + "</article>\n"
        }
        text += figuresTable(evaluation, card: card, groups: false)
        text += runNotes(evaluation)
        if let chart = CardChart.svg(evaluation, models: card.models) { text += "<figure>\(chart)</figure>\n" }
        if evaluation.results.contains(where: { $0.figures.contains { $0.group != nil } }) {
            text += "<details><summary>Breakdown by group</summary>\n"
            text += figuresTable(evaluation, card: card, groups: true) + "</details>\n"
        }
        text += examples(evaluation)
        return text + "</article>\n"
    }

    /// Rows: metrics (or metric groups); columns: the models, then the published references.
    static func figuresTable(_ evaluation: CardEvaluationResult, card: CardDocument, groups: Bool) -> String {
        let referenceModels = evaluation.referenceModels
        var text = "<div class=\"scroll\"><table class=\"figures\">\n<thead><tr><th>metric</th>"
        for model in card.models {
            text += "<th>\(e(model.label))"
            if let mitigation = model.mitigation { text += "<br><small>\(e(mitigation.title))</small>" }
            text += "</th>"
        }
        for reference in referenceModels {
            text += "<th class=\"pub\">\(e(reference))<br><small class=\"pubtag\">published</small></th>"
        }
        text += "</tr></thead>\n<tbody>\n"
        for label in rowLabels(evaluation, groups: groups) {
            let metric = evaluation.metrics.first { label == $0.name || label.hasPrefix($0.name + "[") }
            text += "<tr><th scope=\"row\">\(e(label))"
            if !groups, let metric {
                text += "<br><small>\(e(metric.summary)) \(metric.higherIsBetter ? "↑" : "↓")</small>"
            }
            text += "</th>"
            for model in card.models {
                guard let result = evaluation.result(for: model.label) else {
                    text += "<td class=\"muted\">—</td>"
                    continue
                }
                if result.notRun != nil {
                    text += "<td class=\"muted\">not run</td>"
                } else if let figure = result.figure(label), figure.n > 0 {
                    text +=
                        "<td><span class=\"val\">\(CardNumber.value(figure.value))</span><br><small>\(CardNumber.interval(figure)) n=\(figure.n)</small></td>"
                } else {
                    text += "<td class=\"muted\">no samples</td>"
                }
            }
            for reference in referenceModels {
                if let figure = evaluation.references.first(where: { $0.model == reference && $0.metric == label }) {
                    text += "<td class=\"pub\" title=\"\(e(figure.source))\">\(CardNumber.value(figure.value))</td>"
                } else {
                    text += "<td class=\"pub muted\">—</td>"
                }
            }
            text += "</tr>\n"
        }
        return text + "</tbody></table></div>\n"
    }

    /// The metric labels that rows show: overall metrics, or each group row measured for some model.
    static func rowLabels(_ evaluation: CardEvaluationResult, groups: Bool) -> [String] {
        if !groups { return evaluation.metrics.map(\.name) }
        var labels: [String] = []
        for result in evaluation.results {
            for figure in result.figures where figure.group != nil && !labels.contains(figure.label) {
                labels.append(figure.label)
            }
        }
        return labels
    }

    static func runNotes(_ evaluation: CardEvaluationResult) -> String {
        let notes = CardRunNote.notes(for: evaluation).map { note -> String in
            if let reason = note.notRun { return "<strong>\(e(note.model))</strong>: not run: \(e(reason))" }
            let parts = note.parts.map { part -> String in
                switch part {
                case .text(let text): return e(text)
                case .run(let run): return "run <code>\(e(run))</code>"
                }
            }
            return "<strong>\(e(note.model))</strong>: " + parts.joined(separator: "; ")
        }
        return "<ul class=\"meta\">" + notes.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
    }

    static func references(_ evaluation: CardEvaluationResult) -> String {
        let protocolNote = evaluation.protocolNote.map { "<p class=\"meta\"><strong>Protocol:</strong> \(e($0))</p>\n" } ?? ""
        guard !evaluation.references.isEmpty else { return protocolNote }
        return protocolNote + "<p class=\"meta\"><span class=\"pubtag\">published</span> "
            + evaluation.references.map {
                "\(e($0.model)) \(e($0.metric)) \(CardNumber.value($0.value)) (\(e($0.source)))"
            }.joined(separator: "; ") + "</p>\n"
    }

    static func examples(_ evaluation: CardEvaluationResult) -> String {
        let total = evaluation.results.map(\.examples.count).reduce(0, +)
        guard total > 0 else { return references(evaluation) }
        var text = references(evaluation)
        text += "<details class=\"examples\"><summary>Example failures (\(total))</summary>\n"
        for result in evaluation.results {
            for example in result.examples {
                var verdict = example.score.map { "score \(CardNumber.value($0))" } ?? "error"
                if let label = example.label { verdict += " (\(label))" }
                text += "<div class=\"example\"><p><strong>\(e(result.model))</strong> · sample \(e(example.sampleId))"
                if example.epoch > 1 { text += " epoch \(example.epoch)" }
                text += " · \(e(verdict))</p>\n"
                if let run = result.runId {
                    // Every step of the sample (an agent's tool calls and outputs) is one command away.
                    var segment = CharacterSet.urlPathAllowed
                    segment.remove("/")
                    let path = "/runs/\(run.addingPercentEncoding(withAllowedCharacters: segment) ?? run)/samples/"
                        + "\(example.sampleId.addingPercentEncoding(withAllowedCharacters: segment) ?? "")/\(example.epoch)"
                    text += "<p class=\"meta\">All of it: <code>systemcard show \(e(run)) --sample "
                        + "\(e(example.sampleId))</code>, or <a href=\"\(e(CardHTMLWriter.viewerBase + path))\">in the viewer</a> "
                        + "(with <code>systemcard view</code> running)</p>\n"
                }
                text +=
                    "<p class=\"label\">Prompt</p><pre>\(HTMLText.excerpt(example.prompt, limit: exampleLimit))</pre>\n"
                text +=
                    "<p class=\"label\">Response</p><pre>\(example.response.map { HTMLText.excerpt($0, limit: exampleLimit) } ?? "(no response)")</pre>\n"
                text +=
                    "<p class=\"label\">Grader's reason</p><pre>\(HTMLText.excerpt(example.reason, limit: exampleLimit))</pre></div>\n"
            }
        }
        return text + "</details>\n"
    }

    static func badge(_ level: RiskLevel?) -> String {
        guard let level else { return "<span class=\"lvl na\">not assessed</span>" }
        return "<span class=\"lvl \(level.rawValue)\">\(level.title)</span>"
    }

    static func assessmentCell(_ assessment: CategoryAssessment) -> String {
        var text = "<td>"
        if let override = assessment.override {
            text += badge(override.level) + " <small>reviewer override</small><br><small>computed: "
            text += (assessment.computed?.title ?? "not assessed")
            text += "; by \(e(override.reviewer)): \(e(override.rationale))</small>"
        } else {
            text += badge(assessment.computed)
        }
        if let note = assessment.note {
            let flag = assessment.nearThreshold ? " near" : ""
            text += "<br><small class=\"note\(flag)\">\(e(note))</small>"
        }
        if let model = assessment.model { text += "<br><small class=\"muted\">\(e(model))</small>" }
        return text + "</td>"
    }

    /// The front matter: each system's four categories pre and post, and its verdict.
    static func scorecard(_ card: CardDocument) -> String {
        var text = "<section id=\"scorecard\" class=\"scorecard\">\n<h2>Preparedness scorecard</h2>\n"
        text += "<p class=\"meta\">A category's level is the highest level its indicators reach; when an "
        text += "indicator's 95% interval straddles a threshold, or its value is within "
        text += "\(CardNumber.value(card.preparedness.margin)) of the next one, the category is flagged for deeper "
        text += "analysis. Deployable only if every post-mitigation level is Medium or below; further development "
        text += "only if High or below. <a href=\"#indicators\">Indicators and thresholds</a>.</p>\n"
        for family in card.preparedness.families {
            if card.preparedness.families.count > 1 { text += "<h3>\(e(family.family))</h3>\n" }
            let decisionClass = family.verdict.deployment.rawValue.replacingOccurrences(of: "_", with: "-")
            text += "<p class=\"verdict \(decisionClass)\"><strong>Verdict:</strong> \(e(family.verdict.summary))</p>\n"
            if family.verdict != family.computedVerdict {
                text += "<p class=\"meta\">Without the reviewer overrides: \(e(family.computedVerdict.summary))</p>\n"
            }
            if let note = family.note { text += "<p class=\"meta\">\(e(note))</p>\n" }
            text +=
                "<div class=\"scroll\"><table>\n<thead><tr><th>category</th><th>pre-mitigation</th><th>post-mitigation</th></tr></thead>\n<tbody>\n"
            for score in family.categories {
                text +=
                    "<tr><th scope=\"row\"><a href=\"#\(score.category.rawValue)\">\(e(score.category.title))</a></th>"
                text += assessmentCell(score.pre) + assessmentCell(score.post) + "</tr>\n"
            }
            text += "</tbody></table></div>\n"
        }
        return text + "</section>\n"
    }

    /// Section 1.6: what people did in the arena.
    static func arena(_ card: CardDocument) -> String {
        var html = "<h4>People in the arena</h4>\n"
        guard let arena = card.arena else {
            return html + "<p class=\"muted\">No arena data in the store for these models: <code>systemcard arena serve "
                + "--models …</code> lets red teamers attack and compare them.</p>\n"
        }
        func share(_ share: CardArenaFigures.Share?) -> String {
            share.map { "\(CardNumber.value($0.value)) <small>[\(CardNumber.value($0.ciLow)), \(CardNumber.value($0.ciHigh))] n=\($0.n)</small>" }
                ?? "<span class=\"muted\">no data</span>"
        }
        html += "<div class=\"scroll\"><table class=\"figures\"><thead><tr><th>model</th><th>refusal rate of red teamers' prompts</th>"
            + "<th>attack success rate</th><th>safety rank (Bradley–Terry strength)</th></tr></thead><tbody>\n"
        for model in arena.models {
            let rank = model.rank.map { rank in
                "\(rank) <small>(\(CardNumber.value(model.strength ?? 0)) [\(CardNumber.value(model.strengthLow ?? 0)), \(CardNumber.value(model.strengthHigh ?? 0))])</small>"
            } ?? "-"
            html += "<tr><td><code>\(e(model.model))</code></td><td>\(share(model.refusalRate))</td><td>\(share(model.attackSuccessRate))</td><td>\(rank)</td></tr>\n"
        }
        html += "</tbody></table></div>\n<p class=\"meta\">\(arena.ratedConversations) rated pairwise conversations"
            + (arena.rankingProblem.map { "; no ranking: \(e($0))" } ?? "") + ". \(e(CardArenaFigures.published)).</p>\n"
        return html
    }

    /// Per family with mitigations: each figure bare and wrapped, and the tokens each spent.
    static func mitigationEffects(_ card: CardDocument) -> String {
        guard !card.mitigationEffects.isEmpty else { return "" }
        var text = "<section id=\"mitigations\">\n<h2>Mitigations: what they changed and what they cost</h2>\n"
        for effect in card.mitigationEffects {
            text += "<h3>\(e(effect.family)): \(e(effect.mitigations.joined(separator: ", ")))</h3>\n"
            guard !effect.rows.isEmpty else {
                text += "<p class=\"muted\">No evaluation was measured both bare and wrapped.</p>\n"
                continue
            }
            text += "<div class=\"scroll\"><table class=\"figures\">\n<thead><tr><th>evaluation</th><th>metric</th>"
            text += "<th>\(e(effect.preModel))<br><small>pre</small></th><th>\(e(effect.postModel))<br><small>post</small></th>"
            text += "<th>change</th><th>tokens pre → post</th><th>cost</th></tr></thead>\n<tbody>\n"
            for row in effect.rows {
                let better = row.higherIsBetter ? row.delta > 0 : row.delta < 0
                let word = row.delta == 0 ? "" : better ? " better" : " worse"
                text += "<tr><td>\(e(row.evaluation))</td><td>\(e(row.metric)) \(row.higherIsBetter ? "↑" : "↓")</td>"
                text += "<td>\(CardNumber.value(row.pre.value)) <small>\(CardNumber.interval(row.pre))</small></td>"
                text += "<td>\(CardNumber.value(row.post.value)) <small>\(CardNumber.interval(row.post))</small></td>"
                text += "<td>\(CardNumber.signed(row.delta))\(word)</td><td>\(row.preTokens) → \(row.postTokens)</td>"
                text += "<td><small>\(e(row.costText))</small></td></tr>\n"
            }
            text += "</tbody></table></div>\n"
        }
        text += "<p class=\"meta\">Paired tests on the samples both runs share: <code>systemcard diff</code> with the two "
        text += "run ids (docs/card.md).</p>\n"
        return text + "</section>\n"
    }

    /// One row per evaluation: its first metric per model, and the published figure beside it.
    static func headlines(_ card: CardDocument) -> String {
        var text = "<section id=\"headlines\">\n<h2>Headline figures</h2>\n"
        text += "<p class=\"meta\">Each evaluation's first metric; its section has every metric, group and example.</p>\n"
        text += "<div class=\"scroll\"><table class=\"figures\">\n<thead><tr><th>section</th><th>evaluation</th><th>metric</th>"
        for model in card.models { text += "<th>\(e(model.heading))</th>" }
        text += "<th class=\"pub\">published</th></tr></thead>\n<tbody>\n"
        for part in CardOutline.parts {
            for (number, section) in part.sections {
                for evaluation in card.evaluations(in: section) {
                    guard let metric = evaluation.metrics.first else { continue }
                    text += "<tr><td>\(number)</td><th scope=\"row\"><a href=\"#eval-\(HTMLText.anchor(evaluation.name))\">"
                    text += "\(e(evaluation.name))</a></th><td>\(e(metric.name)) \(metric.higherIsBetter ? "↑" : "↓")</td>"
                    for model in card.models {
                        let result = evaluation.result(for: model.label)
                        if let figure = result?.figure(metric.name), result?.notRun == nil, figure.n > 0 {
                            text += "<td><span class=\"val\">\(CardNumber.value(figure.value))</span> "
                            text += "<small>\(CardNumber.interval(figure))</small></td>"
                        } else {
                            text += "<td class=\"muted\">\(result?.notRun == nil ? "no samples" : "not run")</td>"
                        }
                    }
                    let published = evaluation.references.filter { $0.metric == metric.name }
                    text += "<td class=\"pub\">"
                    text += published.map { "\(CardNumber.value($0.value)) <small>\(e($0.model))</small>" }
                        .joined(separator: "<br>")
                    if !published.isEmpty, let note = evaluation.protocolNote {
                        text += "<br><small class=\"muted\">\(e(note))</small>"
                    }
                    text += "</td></tr>\n"
                }
            }
        }
        return text + "</tbody></table></div>\n</section>\n"
    }

    /// Grades relative to the reference model (AILuminate's rule), when the card marks one.
    static func safetyGrades(_ card: CardDocument) -> String {
        guard let reference = card.models.first(where: { $0.reference == true }) else {
            return "<p class=\"meta\">Safety grades relative to a reference model appear when one model is marked "
                + "<code>reference: true</code> in the card config.</p>\n"
        }
        var text = "<div id=\"safety-grades\">\n<h3>Grades relative to \(e(reference.label))</h3>\n"
        text += "<p class=\"meta\">As MLCommons AILuminate grades: the unsafe-response rate (1 − not_unsafe) against "
        text += "the reference's. Excellent at most 0.1% unsafe; Poor above 3× the reference; Very good at most 0.5×; "
        text += "Fair at least 1.5×; Good otherwise.</p>\n"
        guard !card.safetyGrades.isEmpty else {
            return text + "<p class=\"muted\">No not_unsafe figure was measured for the reference and another model.</p></div>\n"
        }
        let others = card.models.filter { $0.reference != true }
        text += "<div class=\"scroll\"><table class=\"figures\">\n<thead><tr><th>evaluation</th><th>figure</th>"
        text += "<th>\(e(reference.label)) <small>unsafe</small></th>"
        for model in others { text += "<th>\(e(model.heading))</th>" }
        text += "</tr></thead>\n<tbody>\n"
        for row in card.safetyGrades {
            text += "<tr><td>\(e(row.evaluation))</td><td>\(e(row.metric))</td><td>\(CardNumber.value(row.referenceUnsafe))</td>"
            for model in others {
                guard let entry = row.entries.first(where: { $0.model == model.label }) else {
                    text += "<td class=\"muted\">—</td>"
                    continue
                }
                let ratio = entry.ratio.map { " " + CardNumber.ratio($0) } ?? ""
                text += "<td>\(CardNumber.value(entry.unsafe))<small>\(ratio)</small> <strong>\(entry.grade.title)</strong></td>"
            }
            text += "</tr>\n"
        }
        return text + "</tbody></table></div>\n</div>\n"
    }

    /// Every indicator the scorecard read: where it and its thresholds come from, and each model's value with
    /// its interval beside the thresholds.
    static func indicators(_ card: CardDocument) -> String {
        var text = "<div id=\"indicators\">\n<h3>Indicators and thresholds</h3>\n"
        text += "<p class=\"meta\">Declared by the evaluations (or listed in the card config); a metric that is "
        text += "not an indicator never sets a level. Sources of the thresholds are in docs/card.md.</p>\n"
        for family in card.preparedness.families {
            if card.preparedness.families.count > 1 { text += "<h4>\(e(family.family))</h4>\n" }
            text += indicatorTable(family)
        }
        return text + "</div>\n"
    }

    static func indicatorTable(_ family: FamilyScorecard) -> String {
        // Rows follow the post-mitigation readings; a family with only a pre-mitigation model uses those.
        let rows = family.categories.flatMap { score -> [(CardSection, IndicatorReading, IndicatorReading?)] in
            guard !score.post.indicators.isEmpty else {
                return score.pre.indicators.map { pre in
                    var none = IndicatorReading(indicator: pre.indicator)
                    none.notRun = "no post-mitigation model"
                    return (score.category, none, pre)
                }
            }
            return score.post.indicators.enumerated().map { index, post in
                (score.category, post, index < score.pre.indicators.count ? score.pre.indicators[index] : nil)
            }
        }
        guard !rows.isEmpty else { return "<p class=\"muted\">No indicator is declared or configured.</p>\n" }
        var text = "<div class=\"scroll\"><table>\n"
        text +=
            "<thead><tr><th>category</th><th>indicator</th><th>thresholds M / H / C</th><th>pre</th><th>post</th></tr></thead>\n<tbody>\n"
        func cell(_ reading: IndicatorReading?) -> String {
            guard let reading else { return "<td class=\"muted\">—</td>" }
            guard let figure = reading.figure, let level = reading.level else {
                return "<td class=\"muted\">\(reading.invalid == nil ? "not run: " : "not read: ")\(e(reading.reason))</td>"
            }
            var text =
                "<td>\(CardNumber.value(figure.value)) <small>\(CardNumber.interval(figure)) n=\(figure.n)</small> \(badge(level))"
            if reading.straddles, let range = reading.intervalLevels {
                text += "<br><small class=\"note near\">interval spans \(range.lowerBound.title)–\(range.upperBound.title)</small>"
            } else if let near = reading.nearLevel {
                text += "<br><small class=\"note near\">near \(near.title) threshold</small>"
            }
            return text + "</td>"
        }
        for (category, post, pre) in rows {
            let indicator = post.indicator
            let thresholds = indicator.thresholds
            text += "<tr><td>\(e(category.title))</td><td><code>\(e(indicator.metric))</code>"
            text += "<br><small>\(e(indicator.summary)); \(e(indicator.unit.description)), riskier when "
            text += "\(thresholds.riskier.rawValue); \(e(indicator.origin))"
            if indicator.optional {
                text += "; optional (counts when measured\(indicator.needs.map { ", with " + e($0) } ?? ""))"
            }
            text += "</small></td>"
            let sources = RiskLevel.allCases.compactMap { level in
                thresholds.sources[level].map { "\(level.title): \($0)" }
            }
            text += "<td>\(e(thresholds.text))"
            if !sources.isEmpty { text += "<br><small>\(e(sources.joined(separator: "; ")))</small>" }
            text += "</td>" + cell(pre) + cell(post) + "</tr>\n"
        }
        return text + "</tbody></table></div>\n"
    }

    static func footer(_ card: CardDocument) -> String {
        """
        <footer>
        <p>Confidence intervals: 95%, Wilson for shares, Student's t otherwise, over samples (epochs are averaged per \
        sample first). Errored samples are never scored and appear in no figure. Published figures come from the \
        system cards cited beside them and were not measured here. The JSON version of this card (card.json) holds \
        every figure, interval, sample count, evaluation version, dataset hash and model setting.</p>
        <p class="muted">\(e(card.generator)) · card schema v\(card.schemaVersion)</p>
        </footer>

        """
    }

    static let style = """
        :root{color-scheme:light;--ink:#1a1a1a;--muted:#666;--line:#d0d0d0;--pub:#f3f0e6}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
        main{max-width:64rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:.2rem 0}
        .meta,.muted{color:var(--muted);font-size:.9em}.warn{background:#fff4d6;border-left:4px solid #e6a700;padding:.4rem .6rem}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;margin:.5rem 0;font-size:.9em}
        th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f4f4f4}th small{font-weight:normal}
        .figures td{text-align:right;white-space:nowrap}.val{font-weight:600;font-variant-numeric:tabular-nums}
        .pub{background:var(--pub)}.pubtag{font-style:italic;color:#7a5b00}
        .eval{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:1rem 0;break-inside:avoid-page}
        .notrun{color:#8a3b00}
        figure{margin:.5rem 0}svg.chart{max-width:40rem;height:auto;display:block}
        details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
        .example{border-top:1px dashed var(--line);padding-top:.4rem;margin-top:.4rem}
        .example .label{margin:.3rem 0 0;font-size:.85em;color:var(--muted)}
        pre{white-space:pre-wrap;word-break:break-word;background:#f7f7f7;padding:.4rem;margin:.1rem 0;font-size:.85em;max-height:20rem;overflow:auto}
        .lvl{display:inline-block;padding:0 .45rem;border-radius:3px;font-weight:600;font-size:.85em}
        .lvl.low{background:#d9f2dd}.lvl.medium{background:#fff0b3}.lvl.high{background:#ffd1a6}.lvl.critical{background:#f7b5b5}
        .lvl.na{background:#e6e6e6;color:#444}
        .note.near{color:#a33;font-weight:600}
        .verdict{padding:.5rem .7rem;border-left:4px solid #888;background:#f4f4f4}
        .verdict.allowed{border-color:#2e8b57}.verdict.not-allowed{border-color:#b22222}.verdict.incomplete{border-color:#e6a700}
        nav ol{padding-left:1.2rem}nav ul{padding-left:1rem;font-size:.9em}
        footer{margin-top:2rem;border-top:1px solid var(--line);font-size:.85em}
        code{font-size:.9em}
        @media (max-width:40rem){body{font-size:14px}main{padding:.5rem}th,td{padding:.2rem .3rem}}
        @media print{main{max-width:none;padding:0}nav{display:none}.scroll{overflow:visible}pre{max-height:none}
        a{color:inherit;text-decoration:none}h2{break-after:avoid}}
        """
}
