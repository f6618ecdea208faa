import Foundation

/// Runs a card's suite for every model with ``EvalRunner`` (resuming what the store already has) and
/// assembles the ``CardDocument``: every registered evaluation appears, measured or "not run" with the reason.
public struct CardRunner: Sendable {
    public var store: any ResultStore
    public var factory: ModelFactory
    /// The command line's endpoint options; a model's `base_url` / `api_key_env` replace theirs.
    public var endpoint: EndpointOptions
    public var dataDirectory: DataDirectory
    /// Failed samples kept per model and evaluation for the card's examples.
    public var examplesPerModel: Int
    /// `systemcard <version>`, written into the card.
    public var generator: String
    /// Progress of the run in flight (its `evaluation` reads `xstest × model`).
    public var onProgress: @Sendable (RunProgress) -> Void
    /// One line per finished or skipped run, for the terminal.
    public var onEvent: @Sendable (String) -> Void

    public init(
        store: any ResultStore, factory: ModelFactory, endpoint: EndpointOptions, dataDirectory: DataDirectory,
        examplesPerModel: Int = 3, generator: String = "systemcard",
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in },
        onEvent: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.store = store
        self.factory = factory
        self.endpoint = endpoint
        self.dataDirectory = dataDirectory
        self.examplesPerModel = examplesPerModel
        self.generator = generator
        self.onProgress = onProgress
        self.onEvent = onEvent
    }

    /// The shuffle seed used when a limit applies and the config sets no seed, so a limited run takes a
    /// fixed random subset that mixes every kind of sample (not the dataset's first rows).
    public static let limitShuffleSeed = 1

    public func run(_ config: CardConfig, now: Date = Date()) async throws -> CardRunOutcome {
        try config.validate()
        let profile = config.effectiveProfile
        let providers = try config.models.map { model in
            try factory.provider(for: model.spec, endpoint: options(baseURL: model.baseURL, apiKeyEnv: model.apiKeyEnv))
        }
        let graderProvider = try config.grader.map {
            try factory.provider(for: $0.spec, endpoint: options(baseURL: $0.baseURL, apiKeyEnv: $0.apiKeyEnv))
        }
        let settings = generationSettings(config.settings, profile: profile)
        let entries = config.models.map { model in
            CardModelEntry(
                label: model.label, model: model.spec.description,
                baseUrl: model.spec.provider == .local ? nil : (model.baseURL ?? endpoint.baseURL),
                mitigation: model.mitigation, family: model.family, settings: settings)
        }
        let suite = config.suite
        var problems: [String] = []
        var brokenModels: [String: String] = [:]
        var evaluations: [CardEvaluationResult] = []
        for entry in Self.cardOrder() {
            guard let planned = suite.first(where: { $0.name == entry.name }) else {
                let evaluation = try entry.make([:])
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
            let evaluation = try EvaluationRegistry.evaluation(named: planned.name, options: planned.options)
            var results: [CardModelResult] = []
            for (index, model) in config.models.enumerated() {
                if let broken = brokenModels[model.label] {
                    results.append(.notRun(model: model.label, reason: broken))
                    continue
                }
                let attempt = try await runOne(
                    evaluation, planned: planned, config: config, profile: profile, settings: settings,
                    model: model, provider: providers[index], graderProvider: graderProvider)
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
        let names = config.models.map(\.label)
        let document = CardDocument(
            title: config.title ?? "System card: \(names.joined(separator: ", "))",
            generatedAt: ISO8601DateFormatter().string(from: now), generator: generator, profile: profile,
            limit: config.settings.limit ?? (profile == .quick ? CardProfile.quickLimit : nil),
            models: entries, graderModel: config.grader?.spec.description, evaluations: evaluations,
            preparedness: PreparednessScorer.score(
                config: config.preparedness, models: entries, evaluations: evaluations))
        return CardRunOutcome(document: document, problems: problems)
    }

    /// Registered evaluations in card order: by section, then registry order.
    static func cardOrder() -> [EvaluationRegistry.Entry] {
        let built = EvaluationRegistry.entries.map { entry in
            (entry, (try? entry.make([:]))?.section.cardIndex ?? Int.max)
        }
        return built.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }

    static func block(_ evaluation: Evaluation, results: [CardModelResult]) -> CardEvaluationResult {
        CardEvaluationResult(
            name: evaluation.name, version: evaluation.version, summary: evaluation.summary,
            section: evaluation.section, options: CardOption.list(evaluation.options),
            metrics: CardMetricInfo.all(of: evaluation), results: results, references: evaluation.references)
    }

    func options(baseURL: String?, apiKeyEnv: String?) -> EndpointOptions {
        var options = endpoint
        if let baseURL { options.baseURL = baseURL }
        if let apiKeyEnv {
            options.apiKeyVariable = apiKeyEnv
            options.apiKeyFile = nil
        }
        return options
    }

    func generationSettings(_ settings: CardRunSettings, profile: CardProfile) -> GenerationSettings {
        GenerationSettings(
            temperature: settings.temperature,
            maxTokens: settings.maxTokens ?? (profile == .quick ? CardProfile.quickMaxTokens : nil),
            seed: settings.seed, reasoningEffort: settings.reasoningEffort)
    }

    /// The grader a run uses, or why the evaluation cannot be graded with what the card has.
    static func graderChoice(
        for evaluation: Evaluation, forced: GraderChoice?, hasGraderModel: Bool
    ) -> Result<GraderChoice, SystemCardError> {
        let graders = evaluation.graders
        let needsModel = SystemCardError.invalidInput(
            "needs a grader model: add `grader: {model: openai/<model>}` to the card config or pass --grader openai/<model> "
                + "(the evaluated model is never used as its own judge)")
        switch forced {
        case .rules?:
            return graders.rules != nil
                ? .success(.rules) : .failure(.invalidInput("has no rules grader; it needs a grader model"))
        case .model?:
            guard graders.model != nil else {
                return .failure(.invalidInput("has no model grader; it is graded by code"))
            }
            return hasGraderModel ? .success(.model) : .failure(needsModel)
        case nil:
            if hasGraderModel {
                if graders.preferred == .model && graders.model != nil { return .success(.model) }
                if graders.rules != nil { return .success(.rules) }
                return .success(.model)
            }
            return graders.rules != nil ? .success(.rules) : .failure(needsModel)
        }
    }

    func runOne(
        _ evaluation: Evaluation, planned: CardEvaluationConfig, config: CardConfig, profile: CardProfile,
        settings: GenerationSettings, model: CardModelConfig, provider: any ModelProvider,
        graderProvider: (any ModelProvider)?
    ) async throws -> RunAttempt {
        let choice: GraderChoice
        switch Self.graderChoice(for: evaluation, forced: planned.grader, hasGraderModel: graderProvider != nil) {
        case .success(let chosen): choice = chosen
        case .failure(let error): return RunAttempt(.notRun(model: model.label, reason: error.message))
        }
        var roles: [String: any ModelProvider] = [:]
        for role in evaluation.roles {
            guard let roleConfig = planned.roles[role] else {
                return RunAttempt(
                    .notRun(
                        model: model.label,
                        reason: "needs a model for the role '\(role)': add `roles: {\(role): {model: openai/<model>}}` "
                            + "under this evaluation"))
            }
            roles[role] = try factory.provider(
                for: roleConfig.spec, endpoint: options(baseURL: roleConfig.baseURL, apiKeyEnv: roleConfig.apiKeyEnv))
        }
        let limit = planned.limit ?? config.settings.limit ?? (profile == .quick ? CardProfile.quickLimit : nil)
        let seed = config.settings.seed ?? (limit != nil ? Self.limitShuffleSeed : nil)
        let request = RunRequest(
            evaluation: evaluation, model: provider, settings: settings, grader: choice,
            graderModel: choice == .model ? graderProvider : nil, roles: roles, dataDirectory: dataDirectory,
            limit: limit, epochs: config.settings.epochs, seed: seed, concurrency: endpoint.maxConnections)
        let label = model.label
        let forward = onProgress
        let runner = EvalRunner(store: store, logger: factory.logger) { progress in
            var progress = progress
            progress.evaluation = "\(evaluation.name) × \(label)"
            forward(progress)
        }
        let outcome: RunOutcome
        do {
            outcome = try await runner.run(request)
        } catch let error as SystemCardError where error.kind != .interrupted {
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
        return RunAttempt(
            CardModelResult(
                model: model.label, runId: outcome.run.id, grader: configuration.grader,
                graderVersion: configuration.graderVersion, graderModel: configuration.graderModel?.spec,
                epochs: configuration.epochs, limit: limit, seed: configuration.seed,
                counts: CardRunCounts(
                    samples: summary.samples, scored: summary.scored, errors: summary.errors, missing: summary.missing),
                usage: summary.usage, graderUsage: summary.graderUsage,
                developerRoleFolded: summary.developerRole["folded"] ?? 0, datasetFiles: configuration.datasetFiles,
                figures: summary.metrics, examples: examples))
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
