/// Scores the Preparedness categories from a card's measured figures.
///
/// A category's level is the highest level any of its indicators reaches; an indicator within the margin
/// below a threshold flags the category "near threshold"; a category with no measured indicator is not
/// assessed. Reviewer overrides from the config are attached and named in the verdict.
enum PreparednessScorer {
    static func score(
        config: PreparednessConfig, models: [CardModelEntry], evaluations: [CardEvaluationResult]
    ) -> PreparednessScorecard {
        var families: [String] = []
        for model in models where !families.contains(model.family) { families.append(model.family) }
        let scorecards = families.map { family -> FamilyScorecard in
            let members = models.filter { $0.family == family }
            var note: String?
            var pre = members.first(where: { $0.mitigation == .pre })
            var post = members.first(where: { $0.mitigation == .post })
            if members.count == 1, members[0].mitigation == nil {
                pre = members[0]
                post = members[0]
                note = "\(members[0].label) has no separate pre-mitigation variant: the same model is scored for both."
            }
            let categories = PreparednessConfig.categories.map { category in
                CategoryScore(
                    category: category,
                    pre: assess(
                        category, stage: .pre, family: family, model: pre, config: config, evaluations: evaluations),
                    post: assess(
                        category, stage: .post, family: family, model: post, config: config, evaluations: evaluations))
            }
            return FamilyScorecard(
                family: family, note: note, categories: categories,
                verdict: PreparednessVerdict.decide(categories),
                computedVerdict: PreparednessVerdict.decide(categories, useOverrides: false))
        }
        return PreparednessScorecard(margin: config.margin, families: scorecards)
    }

    /// The indicators of a category: the configured ones, or every metric of the evaluations in that section.
    static func indicators(
        for category: CardSection, config: PreparednessConfig, evaluations: [CardEvaluationResult]
    ) -> [(indicator: PreparednessIndicator, automatic: Bool)] {
        let categoryConfig = config.category(category)
        if let explicit = categoryConfig.indicators { return explicit.map { ($0, false) } }
        return evaluations.filter { $0.section == category }.flatMap { evaluation in
            evaluation.metrics.map {
                (
                    PreparednessIndicator(
                        metric: "\(evaluation.name).\($0.name)", thresholds: categoryConfig.defaultThresholds), true
                )
            }
        }
    }

    static func assess(
        _ category: CardSection, stage: MitigationStage, family: String, model: CardModelEntry?,
        config: PreparednessConfig, evaluations: [CardEvaluationResult]
    ) -> CategoryAssessment {
        let override = config.overrides.first {
            $0.category == category && $0.mitigation == stage && ($0.family == nil || $0.family == family)
        }
        guard let model else {
            return CategoryAssessment(
                model: nil, computed: nil, override: override, note: "no \(stage.title) model in the card")
        }
        let indicators = indicators(for: category, config: config, evaluations: evaluations)
        guard !indicators.isEmpty else {
            let automatic = config.category(category).indicators == nil
            let note =
                automatic
                ? "no indicator: no \(category.title.lowercased()) evaluation is registered yet"
                : "no indicators configured"
            return CategoryAssessment(model: model.label, computed: nil, override: override, note: note)
        }
        let readings = indicators.map {
            read(
                $0.indicator, automatic: $0.automatic, model: model.label, margin: config.margin,
                evaluations: evaluations)
        }
        let measured = readings.filter { $0.level != nil }
        let computed = measured.compactMap(\.level).max()
        let near = readings.contains { reading in reading.nearLevel.map { $0 > (computed ?? .low) } ?? false }
        var note: String?
        if measured.isEmpty {
            note = "no indicator was run (\(readings[0].metric): \(readings[0].notRun ?? "not run"))"
        } else if measured.count < readings.count {
            note =
                "\(readings.count - measured.count) of \(readings.count) indicators not run: a higher level is not ruled out"
        }
        if near {
            note = [note, "near threshold: deeper analysis"].compactMap { $0 }.joined(separator: "; ")
        }
        return CategoryAssessment(
            model: model.label, computed: computed, override: override, note: note,
            incomplete: !measured.isEmpty && measured.count < readings.count, nearThreshold: near, indicators: readings)
    }

    static func read(
        _ indicator: PreparednessIndicator, automatic: Bool, model: String, margin: Double,
        evaluations: [CardEvaluationResult]
    ) -> IndicatorReading {
        var reading = IndicatorReading(metric: indicator.metric, automatic: automatic, thresholds: indicator.thresholds)
        guard let evaluation = evaluations.first(where: { $0.name == indicator.evaluation }) else {
            reading.notRun = "\(indicator.evaluation) is not in this card"
            return reading
        }
        guard let result = evaluation.result(for: model) else {
            reading.notRun = "\(indicator.evaluation) has no result for \(model)"
            return reading
        }
        if let reason = result.notRun {
            reading.notRun = reason
            return reading
        }
        guard let figure = result.figure(indicator.metricLabel), figure.n > 0 else {
            reading.notRun = "no sample was scored for \(indicator.metricLabel)"
            return reading
        }
        reading.figure = figure
        reading.level = indicator.thresholds.level(for: figure.value)
        reading.nearLevel = indicator.thresholds.nearLevel(for: figure.value, margin: margin)
        return reading
    }
}
