/// Scores the Preparedness categories from a card's measured figures.
///
/// A category's indicators are the ones its evaluations declare (or the card config's list). Its level is
/// the highest level any indicator's value reaches; when an indicator's 95% interval straddles a threshold,
/// or its value is within the margin short of the next one, the category is "near threshold: deeper
/// analysis", whatever side of the threshold the value is on. A value outside its indicator's unit raises
/// nothing. A category with no measured indicator is not assessed. Reviewer overrides from the config are
/// attached and named in the verdict.
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

    /// The indicators of a category: the config's list, or every indicator the card's evaluations declare
    /// for it.
    static func indicators(
        for category: CardSection, config: PreparednessConfig, evaluations: [CardEvaluationResult]
    ) -> [PreparednessIndicator] {
        if let explicit = config.category(category).indicators { return explicit }
        return evaluations.flatMap(\.indicators).filter { $0.category == category }
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
            let note =
                config.category(category).indicators == nil
                ? "no indicator: no registered evaluation declares a \(category.title.lowercased()) indicator yet"
                : "the card config lists no indicators"
            return CategoryAssessment(
                model: model.label, spec: model.model, computed: nil, override: override, note: note)
        }
        let readings = indicators.map {
            read($0, model: model.label, margin: config.margin, evaluations: evaluations)
        }
        let measured = readings.filter { $0.level != nil }
        let required = readings.filter { !$0.indicator.optional }
        let requiredMeasured = required.filter { $0.level != nil }
        let computed = measured.compactMap(\.level).max()
        // The category's level could lie anywhere from the highest of the intervals' safe ends to the highest
        // level any interval (or the margin) reaches: when that range is not the computed level alone, the
        // category needs deeper analysis.
        let floor = measured.compactMap { $0.intervalLevels?.lowerBound ?? $0.level }.max()
        let ceiling = measured.compactMap(\.possibleLevel).max()
        let near = computed != nil && (floor != computed || ceiling != computed)
        var notes: [String] = []
        if measured.isEmpty {
            let first = required.first ?? readings[0]
            notes.append("no indicator was measured (\(first.metric): \(first.reason))")
        } else if requiredMeasured.count < required.count {
            notes.append(
                "\(required.count - requiredMeasured.count) of \(required.count) indicators not measured: a higher "
                    + "level is not ruled out")
        }
        if near, let floor, let ceiling {
            notes.append(
                "near threshold: deeper analysis (the intervals allow \(floor.title)"
                    + (floor == ceiling ? "" : " to \(ceiling.title)") + ")")
        }
        return CategoryAssessment(
            model: model.label, spec: model.model, computed: computed, override: override,
            note: notes.isEmpty ? nil : notes.joined(separator: "; "),
            incomplete: !measured.isEmpty && requiredMeasured.count < required.count, nearThreshold: near,
            possibleLevels: near ? floor.flatMap { low in ceiling.map { low...max(low, $0) } } : nil,
            indicators: readings)
    }

    static func read(
        _ indicator: PreparednessIndicator, model: String, margin: Double, evaluations: [CardEvaluationResult]
    ) -> IndicatorReading {
        var reading = IndicatorReading(indicator: indicator)
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
            let counts = evaluation.metrics.first { $0.name == indicator.metricName }.map { "; it counts: \($0.summary)" }
            reading.notRun = "no scored sample counts toward \(indicator.metricLabel)" + (counts ?? "")
            return reading
        }
        reading.figure = figure
        let unit = indicator.unit
        guard unit.contains(figure.value) else {
            reading.invalid =
                "its value \(CardNumber.value(figure.value)) is not a \(unit.description) value, so it cannot be read "
                + "against these thresholds"
            return reading
        }
        let thresholds = indicator.thresholds
        let low = min(max(figure.ciLow, unit.lowest), unit.highest)
        let high = min(max(figure.ciHigh, unit.lowest), unit.highest)
        reading.level = thresholds.level(for: figure.value)
        reading.intervalLevels = thresholds.levels(from: low, to: high)
        reading.nearLevel = thresholds.nearLevel(for: figure.value, margin: margin)
        return reading
    }
}
