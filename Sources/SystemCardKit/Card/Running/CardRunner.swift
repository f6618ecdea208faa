import Foundation

/// Runs a card's suite for every model (planned by a ``RunPlanner``, run by its ``EvalRunner``, resuming what
/// the store already has) and assembles the ``CardDocument``: every registered evaluation appears, measured
/// or "not run" with the reason.
public struct CardRunner: Sendable {
    var store: any ResultStore
    /// Plans every run: models, graders, roles, and the registry of evaluations the card lists.
    var planner: RunPlanner
    var dataDirectory: DataDirectory
    /// Failed samples kept per model and evaluation for the card's examples.
    var examplesPerModel: Int
    /// `systemcard <version>`, written into the card.
    var generator: String
    /// Progress of the run in flight (its `evaluation` reads `xstest × model`).
    var onProgress: @Sendable (RunProgress) -> Void
    /// One line per finished or skipped run, for the terminal.
    var onEvent: @Sendable (String) -> Void
    /// The red-teaming arena's figures for these models (`provider/model`), read from the store; nil: none.
    public var arenaFigures: (@Sendable ([String]) async throws -> CardArenaFigures?)?
    /// Runs only this shard's part of every run (``RunShard``); the counts it reports are the shard's.
    public var shard: RunShard?
    /// The prices the card's costs are computed at.
    public var prices = PriceTable()
    /// Runs whose calls can be batched send them through the provider's batch API (``BatchSettings``); the others
    /// (conversations, agents) run live.
    public var batch: BatchSettings?

    /// Creates a runner that keeps results in `store`, plans every run with `planner` and reads datasets
    /// from `dataDirectory`.
    ///
    /// `onProgress` receives the progress of the run in flight; `onEvent` one line per finished or skipped run.
    public init(
        store: any ResultStore, planner: RunPlanner, dataDirectory: DataDirectory,
        examplesPerModel: Int = 3, generator: String = "systemcard",
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in },
        onEvent: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.store = store
        self.planner = planner
        self.dataDirectory = dataDirectory
        self.examplesPerModel = examplesPerModel
        self.generator = generator
        self.onProgress = onProgress
        self.onEvent = onEvent
    }

    /// The shuffle seed used when a limit applies and the config sets no seed, so a limited run takes a
    /// fixed random subset that mixes every kind of sample (not the dataset's first rows).
    static let limitShuffleSeed = 1

    /// What the card would run (`--dry-run`): an estimate per evaluation and model that can run, without any model
    /// call or write; evaluations that cannot run (a missing dataset, grader or role) are left out.
    public func estimate(_ config: CardConfig) async throws -> [RunEstimate] {
        try config.validate(registry: planner.registry)
        let profile = config.effectiveProfile
        let settings = generationSettings(config.settings, profile: profile)
        let suite = config.suite(in: planner.registry)
        var estimates: [RunEstimate] = []
        for descriptor in cardOrder() {
            guard var planned = suite.first(where: { $0.name == descriptor.name }) else { continue }
            if profile == .quick { planned.options.merge(descriptor.quick.options) { configured, _ in configured } }
            let evaluation = try descriptor.evaluation(options: planned.options)
            for model in config.models {
                let (plan, _, _) = makePlan(
                    evaluation, quick: descriptor.quick, planned: planned, config: config, profile: profile,
                    settings: settings, model: model)
                do {
                    let request = try planner.request(for: plan)
                    estimates.append(try await planner.runner(store: store).estimate(request, prices: prices))
                } catch let error as RunPlanningError {
                    estimates.append(RunEstimate(notRun: evaluation.name, model: model.label, reason: Self.reason(error)))
                } catch let error as SystemCardError where error.kind == .invalidInput && !error.message.hasPrefix("--max-cost") {
                    // A dataset that is not there, a sandbox that cannot start…: the card would list it as not run.
                    estimates.append(RunEstimate(notRun: evaluation.name, model: model.label, reason: error.message))
                }
            }
        }
        return estimates
    }

    /// Runs the suite of `config` for every model, resuming what the store already has, and assembles the card.
    ///
    /// Throws ``SystemCardError`` before anything runs when the config is invalid or a model cannot be used,
    /// and when the user interrupts. A run that errors samples or cannot run is not an error: the card shows it
    /// and ``CardRunOutcome/problems`` lists the failures. `now` is the card's generation time.
    public func run(_ config: CardConfig, now: Date = Date()) async throws -> CardRunOutcome {
        try config.validate(registry: planner.registry)
        let profile = config.effectiveProfile
        // Every model must be usable before anything runs (a bad base URL or key file stops the card at once).
        for endpoint in config.models.map(\.endpoint) + (config.grader.map { [$0] } ?? []) {
            try planner.check(endpoint)
        }
        let settings = generationSettings(config.settings, profile: profile)
        let entries = config.models.map { model in
            CardModelEntry(
                label: model.label, model: model.spec.description,
                baseUrl: model.spec.provider == .local ? nil : (model.baseURL ?? planner.endpoint.baseURL),
                mitigation: model.mitigation, family: model.family, settings: settings, reference: model.reference,
                mitigations: ((try? model.mitigations.map(MitigationCatalog.make)) ?? []).map(\.identity))
        }
        let suite = config.suite(in: planner.registry)
        var problems: [String] = []
        var brokenModels: [String: String] = [:]
        var evaluations: [CardEvaluationResult] = []
        for descriptor in cardOrder() {
            guard var planned = suite.first(where: { $0.name == descriptor.name }) else {
                let evaluation = try descriptor.evaluation()
                evaluations.append(
                    Self.block(
                        evaluation,
                        results: entries.map {
                            .notRun(
                                model: $0.label,
                                reason: "not in this card's suite (add it under evaluations: in the config)")
                        }))
                continue
            }
            if profile == .quick {
                // The evaluation's own quick budget (a shorter game, fewer agent messages) where the config is silent.
                planned.options.merge(descriptor.quick.options) { configured, _ in configured }
            }
            let evaluation = try descriptor.evaluation(options: planned.options)
            var results: [CardModelResult] = []
            for model in config.models {
                if let broken = brokenModels[model.label] {
                    results.append(.notRun(model: model.label, reason: broken))
                    continue
                }
                let attempt = try await runOne(
                    evaluation, quick: descriptor.quick, planned: planned, config: config, profile: profile, settings: settings,
                    model: model)
                let result = attempt.result
                if let reason = result.notRun {
                    onEvent("\(evaluation.name) × \(model.label): not run: \(reason)")
                    if attempt.failed { problems.append("\(evaluation.name) × \(model.label): \(reason)") }
                    if attempt.endpointBroken { brokenModels[model.label] = reason }
                } else if let counts = result.counts {
                    onEvent("\(evaluation.name) × \(model.label): \(counts.scored)/\(counts.samples) scored")
                    if counts.errors > 0 || counts.missing > 0 {
                        problems.append(
                            "\(evaluation.name) × \(model.label): \(counts.errors) errored, \(counts.missing) missing "
                                + "(run \(result.runId ?? ""))")
                    }
                }
                results.append(result)
            }
            evaluations.append(Self.block(evaluation, results: results))
        }
        for runID in config.importedRuns {
            let block = try await importedBlock(runID, config: config)
            if let problem = block.problem { problems.append(problem) }
            evaluations.append(block.result)
        }
        let names = config.models.map(\.label)
        var document = CardDocument(
            title: config.title ?? "System card: \(names.joined(separator: ", "))",
            generatedAt: ISO8601DateFormatter().string(from: now), generator: generator, profile: profile,
            limit: config.settings.limit ?? (profile == .quick ? CardProfile.quickLimit : nil),
            models: entries, graderModel: config.grader?.spec.description, evaluations: evaluations,
            preparedness: PreparednessScorer.score(
                config: config.preparedness, models: entries, evaluations: evaluations))
        if profile == .quick && config.settings.limit == nil { document.minimumPerMetric = CardProfile.quickMinimumPerMetric }
        document.arena = try await arenaFigures?(config.models.map { $0.spec.description })
        var costs: [String: RunCost] = [:]
        for evaluation in evaluations {
            for result in evaluation.results { if let cost = result.cost { costs[result.model, default: RunCost()].add(cost) } }
        }
        if !costs.isEmpty {
            document.cost = costs
            document.pricesDate = PriceTable.defaultsDate
        }
        return CardRunOutcome(document: document, problems: problems)
    }

    /// An imported run (`systemcard import inspect`) as a block of the card: its figures in the column of the card
    /// model it was imported for (`inspect/<spec>` or the spec itself), "not run" in the others.
    func importedBlock(_ runID: String, config: CardConfig) async throws -> (result: CardEvaluationResult, problem: String?) {
        guard let run = try await store.run(id: runID), let summary = run.summary else {
            let reason = "no imported run \(runID) in the store (systemcard import inspect LOG, then systemcard runs)"
            return (
                CardEvaluationResult(
                    name: runID, version: "?", summary: reason, section: .hallucination, options: [], metrics: [],
                    results: config.models.map { .notRun(model: $0.label, reason: reason) }),
                "imported run \(runID): not in the store")
        }
        let options = run.configuration.options
        let section = options["section"].flatMap(CardSection.init(rawValue:)) ?? .hallucination
        let results = config.models.map { model -> CardModelResult in
            let spec = model.spec.description
            guard run.model == "inspect/" + spec || run.model == spec else {
                return .notRun(model: model.label, reason: "imported for \(run.model), not this model")
            }
            return CardModelResult(
                model: model.label, runId: run.id, grader: run.configuration.grader,
                graderVersion: run.configuration.graderVersion, epochs: run.configuration.epochs,
                counts: CardRunCounts(samples: summary.samples, scored: summary.scored, errors: summary.errors, missing: summary.missing),
                usage: summary.usage, datasetFiles: run.configuration.datasetFiles, figures: summary.metrics)
        }
        let metricNames = summary.metrics.filter { $0.group == nil }.map(\.name)
        return (
            CardEvaluationResult(
                name: run.evaluation, version: run.configuration.evaluationVersion,
                summary: "Imported from the Inspect log \(options["source"] ?? "?") (run \(run.id)); scorer \(options["scorer"] ?? "?").",
                section: section, options: CardOption.list(options),
                metrics: metricNames.map { CardMetricInfo(name: $0, summary: "Inspect scorer \($0).", higherIsBetter: true, groupBy: []) },
                results: results, protocolNote: InspectImport.protocolNote),
            nil)
    }

    /// Registered evaluations in card order: by section, then registry order.
    func cardOrder() -> [EvaluationDescriptor] {
        planner.registry.descriptors.enumerated()
            .sorted { ($0.element.section.cardIndex, $0.offset) < ($1.element.section.cardIndex, $1.offset) }
            .map(\.element)
    }

    static func block(_ evaluation: Evaluation, results: [CardModelResult]) -> CardEvaluationResult {
        CardEvaluationResult(
            name: evaluation.name, version: evaluation.version, summary: evaluation.summary,
            section: evaluation.section, options: CardOption.list(evaluation.options),
            metrics: CardMetricInfo.all(of: evaluation), results: results, references: evaluation.references,
            indicators: evaluation.indicators, protocolNote: evaluation.protocolNote)
    }

    func generationSettings(_ settings: CardRunSettings, profile: CardProfile) -> GenerationSettings {
        GenerationSettings(
            temperature: settings.temperature,
            maxTokens: settings.maxTokens ?? (profile == .quick ? CardProfile.quickMaxTokens : nil),
            seed: settings.seed, reasoningEffort: settings.reasoningEffort)
    }

    /// A "not run" reason for a plan the card cannot run, in the card config's terms.
    static func reason(_ error: RunPlanningError) -> String {
        switch error {
        case .grader(_, .needsJudge):
            return "needs a grader model: add `grader: {model: openai/<model>}` to the card config or pass "
                + "--grader openai/<model> (the evaluated model is never used as its own judge)"
        case .grader(_, .noRulesGrader): return "has no rules grader; it needs a grader model"
        case .grader(_, .noModelGrader): return "has no model grader; it is graded by code"
        case .missingRole(_, let role):
            return "needs a model for the role '\(role)': add `roles: {\(role): {model: openai/<model>}}` "
                + "under this evaluation"
        case .unknownRole(let evaluation, let role, _): return "\(evaluation) has no role '\(role)'"
        case .classifier(let mitigation):
            return "\(mitigation) needs a classifier model: add `classifier: {model: openai/<model>}` or "
                + "`grader: {model: openai/<model>}` to the card config, or pass --classifier / --grader"
        }
    }

    /// `quick`: the evaluation's declared budget, applied in the quick profile where neither the config nor the
    /// evaluation's entry sets a limit.
    func runOne(
        _ evaluation: Evaluation, quick: QuickBudget, planned: CardEvaluationConfig, config: CardConfig, profile: CardProfile,
        settings: GenerationSettings, model: CardModelConfig
    ) async throws -> RunAttempt {
        let (plan, limit, standIns) = makePlan(
            evaluation, quick: quick, planned: planned, config: config, profile: profile, settings: settings, model: model)
        let request: RunRequest
        do {
            request = try planner.request(for: plan)
        } catch let error as RunPlanningError {
            return RunAttempt(.notRun(model: model.label, reason: Self.reason(error)))
        }
        return try await run(request, evaluation: evaluation, limit: limit, standIns: standIns, model: model)
    }

    /// The run of `evaluation` for `model` as this card plans it (limits, seed, roles, quick budget, shard).
    func makePlan(
        _ evaluation: Evaluation, quick: QuickBudget, planned: CardEvaluationConfig, config: CardConfig, profile: CardProfile,
        settings: GenerationSettings, model: CardModelConfig
    ) -> (plan: RunPlan, limit: Int?, standIns: [String]) {
        let quickDecides = profile == .quick && planned.limit == nil && config.settings.limit == nil
        let limit = quickDecides ? (quick.samples ?? CardProfile.quickLimit) : (planned.limit ?? config.settings.limit)
        let seed = config.settings.seed ?? (limit != nil ? Self.limitShuffleSeed : nil)
        let (roles, standIns) = Self.roles(for: evaluation, planned: planned, config: config, model: model)
        var plan = RunPlan(
            evaluation: planned.name, options: planned.options, model: model.endpoint, grader: planned.grader,
            judge: config.grader, roles: roles,
            settings: settings, dataDirectory: dataDirectory, limit: limit, epochs: config.settings.epochs,
            seed: seed)
        if quickDecides && quick.samples == nil {
            // Widen the quick sample until every metric row has a few samples (a filtered metric, such as the
            // unsafe prompts' not_unsafe, could otherwise rest on one or two).
            plan.minimumPerMetric = CardProfile.quickMinimumPerMetric
        }
        plan.mitigations = model.mitigations
        plan.classifier = config.classifier
        plan.shard = shard
        if evaluation.roles.isEmpty && !evaluation.usesSandbox { plan.batch = batch }
        return (plan, limit, standIns)
    }

    /// Runs one planned request and turns its outcome into the card's result for `model`.
    func run(
        _ request: RunRequest, evaluation: Evaluation, limit: Int?, standIns: [String], model: CardModelConfig
    ) async throws -> RunAttempt {
        let label = model.label
        let forward = onProgress
        let runner = planner.runner(store: store) { progress in
            var progress = progress
            progress.evaluation = "\(evaluation.name) × \(label)"
            forward(progress)
        }
        let outcome: RunOutcome
        do {
            outcome = try await runner.run(request)
        } catch let error as SystemCardError where error.kind != .interrupted && error.kind != .costLimit {
            // A missing dataset is a "not run" to report; an endpoint that stopped the run is a failure, and one
            // that refuses every request (bad key, unknown model) will refuse the next evaluation too.
            return RunAttempt(
                .notRun(model: model.label, reason: error.message), failed: error.kind != .invalidInput,
                endpointBroken: error.kind == .endpoint)
        }
        var examples: [CardExample] = []
        if examplesPerModel > 0 {
            for stored in try await store.results(runID: outcome.run.id) {
                guard let example = CardExample(stored) else { continue }
                examples.append(example)
                if examples.count == examplesPerModel { break }
            }
        }
        let summary = outcome.summary
        let configuration = outcome.run.configuration
        let validation = try await judgeValidation(evaluation: evaluation.name, configuration: configuration)
        return RunAttempt(
            CardModelResult(
                model: model.label, runId: outcome.run.id, grader: configuration.grader,
                graderVersion: configuration.graderVersion, graderModel: configuration.graderModel?.spec,
                epochs: configuration.epochs, limit: limit, seed: configuration.seed,
                counts: outcome.shard.map {
                    // A shard answers for its own part; the card is written once every shard has finished.
                    CardRunCounts(
                        samples: $0.pairs, scored: $0.pairs - $0.errors - $0.missing, errors: $0.errors, missing: $0.missing)
                }
                    ?? CardRunCounts(
                        samples: summary.samples, scored: summary.scored, errors: summary.errors, missing: summary.missing),
                usage: summary.usage, graderUsage: summary.graderUsage,
                developerRoleFolded: summary.developerRole["folded"] ?? 0, datasetFiles: configuration.datasetFiles,
                figures: summary.metrics, examples: examples,
                meanLatencyMilliseconds: summary.meanLatencyMilliseconds,
                mitigationCost: (configuration.mitigations ?? []).isEmpty ? nil : CardMitigationCost(summary: summary),
                judgeValidation: validation, standIns: standIns.isEmpty ? nil : standIns,
                cost: summary.usageByRole.isEmpty ? nil : summary.cost(at: prices)))
    }

    /// The models of the evaluation's other roles: the configured ones; in a card whose models are all local,
    /// a role left unconfigured is played by the evaluated model itself (MakeMePay's mark, MakeMeSay's
    /// manipulatee) rather than leaving the evaluation unrun; those roles are returned as stand-ins, for the card
    /// to say so.
    static func roles(
        for evaluation: Evaluation, planned: CardEvaluationConfig, config: CardConfig, model: CardModelConfig
    ) -> (roles: [String: ModelEndpoint], standIns: [String]) {
        var roles = planned.roles.filter { evaluation.roles.contains($0.key) }
        var standIns: [String] = []
        if config.models.allSatisfy({ $0.spec.provider == .local }) {
            for role in evaluation.roles where roles[role] == nil {
                roles[role] = model.endpoint
                standIns.append(role)
            }
        }
        return (roles, standIns)
    }

    /// The stored validation of this run's judge, where a labelled set exists for what it decides: the refusal
    /// judge of `xstest` (XSTest's human labels), the content classifier of `redteam-attack` (moderation labels).
    func judgeValidation(evaluation: String, configuration: RunConfiguration) async throws -> String? {
        guard let judge = configuration.graderModel else { return nil }
        let (kind, version, what): (String, String, String)
        switch evaluation {
        case XSTestEvaluation.name:
            (kind, version, what) = ("xstest-grader", configuration.graderVersion, "judge")
        case RedTeamAttackEvaluation.name:
            let format = ModerationFormat(rawValue: configuration.options["classifier-format"] ?? "") ?? .systemcard
            (kind, version, what) = ("moderation", ContentClassifier(format: format).identity, "content classifier")
        default:
            return nil
        }
        guard let record = try await store.validation(kind: kind, graderVersion: version, model: judge.spec, baseURL: judge.baseURL)
        else { return nil }
        let day = ISO8601DateFormatter.string(from: record.createdAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        return "\(what) validated: \(record.summary) (systemcard validate \(kind), \(day))"
    }

    /// One model's run of one evaluation, and whether its failure is a problem for the exit code.
    struct RunAttempt {
        var result: CardModelResult
        var failed = false
        var endpointBroken = false

        init(_ result: CardModelResult, failed: Bool = false, endpointBroken: Bool = false) {
            self.result = result
            self.failed = failed
            self.endpointBroken = endpointBroken
        }
    }
}

extension CardSection {
    /// Position in the card (the brief's order).
    var cardIndex: Int { CardSection.allCases.firstIndex(of: self) ?? 0 }
}
