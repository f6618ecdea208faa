import ArgumentParser
import Foundation
import SystemCardArena
import SystemCardKit

/// `systemcard card --models a,b`: runs the card's suite for each model (resuming what the store has) and
/// writes card.html, card.md and card.json with the Preparedness scorecard.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Evaluate models side by side and write the system card (HTML, Markdown, JSON).",
        discussion: """
            Runs every evaluation of the suite for each model, resuming earlier runs, then writes DIR/card.html, \
            DIR/card.md and DIR/card.json. Evaluations that cannot run (dataset not fetched, no grader model) \
            appear as "not run" with the reason. Profiles: quick (at most \(CardProfile.quickLimit) samples per \
            evaluation, \(CardProfile.quickMaxTokens)-token answers; the default when every model is local/) or \
            full. Exit codes: 0 card written; 1 card written but some runs errored or stopped; 2 usage or \
            config error; 130 interrupted.
            """)

    @Option(help: "Comma-separated models, e.g. openai/gpt-4o-mini,local/smollm2 (replaces the config's models).")
    var models: String?

    @Option(
        name: .customLong("mitigation"),
        help: "Run every model bare (pre-mitigation) and wrapped in these mitigations (post): safety-spec[=FILE], hierarchy-guard, input-filter[=FORMAT], output-filter[=FORMAT].")
    var mitigationList: String?

    @Option(help: "The content classifier's model for input-filter and output-filter (default: the config's, else the grader model).")
    var classifier: String?

    @Option(help: "Base URL of the classifier model's endpoint.")
    var classifierBaseURL: String?

    @Option(help: "YAML card config (models, grader, evaluations, Preparedness thresholds); see --init.")
    var config: String?

    @Flag(name: .customLong("init"), help: "Write a commented example config to --config (default card.yaml) and exit.")
    var writeExample = false

    @Option(help: "Folder for card.html, card.md and card.json.")
    var out: String = "card"

    @Option(help: "Samples per evaluation (a fixed random subset; overrides the profile and config).")
    var limit: Int?

    @Option(help: "quick or full (default: quick when every model is local/, else full).")
    var profile: CardProfile?

    @Option(help: "Comma-separated evaluations to run (default: the config's, else every registered one).")
    var evaluations: String?

    @Option(
        help:
            "Grader model for model-graded evaluations, e.g. openai/gpt-4o (default: the config's; none: rules graders only)."
    )
    var grader: String?

    @Option(help: "Base URL of the grader model's endpoint.")
    var graderBaseURL: String?

    @Option(help: "Environment variable with the grader endpoint's API key.")
    var graderApiKeyEnv: String?

    @Option(
        name: .customLong("role"),
        help:
            "A model for a role of the evaluations that have it, as NAME=openai/<model> (repeatable), e.g. --role mark=openai/gpt-4o-mini."
    )
    var roleSpecs: [String] = []

    @Option(help: "The card's title.")
    var title: String?

    @Option(help: "Failed samples shown per model and evaluation in card.html.")
    var examples: Int = 3

    @OptionGroup var generation: GenerationArguments
    @OptionGroup var sharding: ShardOption
    @OptionGroup var cost: CostArguments
    @OptionGroup var batching: BatchOption
    @OptionGroup var logging: LoggingArguments
    @Flag(help: "Do not fetch the datasets the suite needs (by default the card fetches the missing ones into the default data folder; a --data-dir folder is never written to).")
    var noFetch = false

    @Option(help: "Fetch the suite's datasets from MIRROR/<path> instead of their upstream URLs (an internal mirror).")
    var dataMirror: String?

    @Option(help: "Comma-separated runs imported with `systemcard import inspect`, shown in their sections beside ours.")
    var importedRuns: String?

    @OptionGroup var endpoint: EndpointArguments
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if examples < 0 { throw ValidationError("--examples cannot be negative") }
    }

    func run() async throws {
        if writeExample {
            try writeExampleConfig()
            return
        }
        let cardConfig = try makeConfig()
        // Evaluations defined in files join the registry for this card.
        let registry = cardConfig.fileEvaluations.reduce(CommandContext.registry) { $0.adding($1) }
        try await CommandContext.$registry.withValue(registry) { try await runCard(cardConfig) }
    }

    func runCard(_ cardConfig: CardConfig) async throws {
        let resultStore = try await store.open()
        let meter = try cost.meter(configured: cardConfig.prices)
        let planner = RunPlanner(
            endpoint: endpoint.options(), registry: CommandContext.registry, logger: logging.logger, spendMeter: meter)
        let progressLine = ProgressLine(quiet: generation.quiet)
        let quiet = generation.quiet
        let dataDirectory = DataDirectory.resolve(option: generation.dataDir)
        try cardConfig.validate(registry: CommandContext.registry)  // a config error is reported before any download
        if !noFetch && generation.dataDir == nil {
            // The suite's pinned datasets, fetched before anything runs (one line each on stderr).
            let client = ModelFactory.makeHTTPClient(maxConnections: 2)
            _ = await CardDataFetch.run(
                CardDataFetch.entries(for: cardConfig, registry: CommandContext.registry),
                fetcher: DataFetcher(httpClient: client, directory: dataDirectory, mirror: dataMirror), directory: dataDirectory
            ) { line in
                FileHandle.standardError.write(Data("\(TerminalText.escape(line, singleLine: true))\n".utf8))
            }
            await ModelFactory.shutdown(client)
        }
        var runner = CardRunner(
            store: resultStore, planner: planner,
            dataDirectory: dataDirectory, examplesPerModel: examples,
            generator: "systemcard \(SystemCardCommand.configuration.version)",
            onProgress: { progressLine.show($0) },
            onEvent: { line in
                progressLine.finish()
                if !quiet {
                    FileHandle.standardError.write(Data("\(TerminalText.escape(line, singleLine: true))\n".utf8))
                }
            })
        runner.shard = try sharding.parsed()
        runner.prices = meter.prices
        runner.batch = try batching.settings()
        if cost.dryRun {
            let estimates: [RunEstimate]
            do {
                estimates = try await runner.estimate(cardConfig)
            } catch {
                await planner.shutdown()
                throw error
            }
            await planner.shutdown()
            for line in EstimateTable.render(estimates, limit: meter.limit) { print(line) }
            return
        }
        runner.arenaFigures = { models in try await ArenaServer.cardFigures(store: resultStore, models: models) }
        let outcome: CardRunOutcome
        do {
            let task = Task { [runner] in try await runner.run(cardConfig) }
            let interrupts = InterruptHandler { task.cancel() }
            defer { interrupts.cancel() }
            outcome = try await task.value
        } catch {
            await planner.shutdown()
            throw error
        }
        await planner.shutdown()

        if let shard = runner.shard {
            // A shard's card would show a part of each run: the card is written once, after every shard.
            if !outcome.problems.isEmpty {
                for problem in outcome.problems {
                    FileHandle.standardError.write(Data("problem: \(TerminalText.escape(problem, singleLine: true))\n".utf8))
                }
                throw ExitCode(ExitCodes.erroredSamples)
            }
            print(
                "shard \(shard): its part of every run is done; once every shard has finished, run this command "
                    + "without --shard (same --db) to write the card: it finds every sample stored and pays for nothing")
            return
        }
        let directory = URL(fileURLWithPath: out)
        let written = try CardWriter.write(outcome.document, to: directory)
        for url in written { print("wrote \(url.path)") }
        for family in outcome.document.preparedness.families {
            print("preparedness \(TerminalText.escape(family.family, singleLine: true)): \(family.verdict.summary)")
        }
        if !outcome.problems.isEmpty {
            for problem in outcome.problems {
                FileHandle.standardError.write(
                    Data("problem: \(TerminalText.escape(problem, singleLine: true))\n".utf8))
            }
            throw ExitCode(ExitCodes.erroredSamples)
        }
    }

    func writeExampleConfig() throws {
        let path = config ?? "card.yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SystemCardError.invalidInput(
                "\(path) already exists; remove it or pass --config OTHER.yaml with --init")
        }
        do {
            try Data(CardConfigExample.text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SystemCardError.invalidInput("cannot write \(path): \(error.localizedDescription)")
        }
        print("wrote \(path): edit it, then run `systemcard card --config \(path)`")
    }

    /// The config file (if any) with the command line's choices on top.
    func makeConfig() throws -> CardConfig {
        var cardConfig =
            try config.map { try CardConfigLoader.load(contentsOf: URL(fileURLWithPath: $0), registry: CommandContext.registry) } ?? CardConfig()
        if let models {
            cardConfig.models = try models.split(separator: ",").map {
                CardModelConfig(spec: try ModelSpec(parsing: $0.trimmingCharacters(in: .whitespaces)))
            }
        }
        if let mitigationList {
            try cardConfig.applyMitigations(
                mitigationList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let evaluations {
            cardConfig.evaluations = try evaluations.split(separator: ",").map {
                var name = $0.trimmingCharacters(in: .whitespaces)
                if FileEvaluation.isFile(name) {
                    let descriptor = try FileEvaluation.load(contentsOf: URL(fileURLWithPath: name))
                    if !cardConfig.fileEvaluations.contains(where: { $0.name == descriptor.name }) {
                        cardConfig.fileEvaluations.append(descriptor)
                    }
                    name = descriptor.name
                }
                return cardConfig.evaluations?.first(where: { $0.name == name }) ?? CardEvaluationConfig(name: name)
            }
        }
        if let classifier {
            cardConfig.classifier = ModelEndpoint(spec: try ModelSpec(parsing: classifier), baseURL: classifierBaseURL)
        }
        if let grader {
            guard grader != "rules" else {
                cardConfig.grader = nil
                return try finish(cardConfig)
            }
            cardConfig.grader = ModelEndpoint(
                spec: try ModelSpec(parsing: grader), baseURL: graderBaseURL, apiKeyEnv: graderApiKeyEnv)
        }
        return try finish(cardConfig)
    }

    func finish(_ config: CardConfig) throws -> CardConfig {
        var config = config
        if let limit {
            config.settings.limit = limit
            config.evaluations = config.evaluations?.map { evaluation in
                var evaluation = evaluation
                evaluation.limit = nil
                return evaluation
            }
        }
        if let profile { config.profile = profile }
        if let importedRuns {
            config.importedRuns += importedRuns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let title { config.title = title }
        if let temperature = generation.temperature { config.settings.temperature = temperature }
        if let maxTokens = generation.maxTokens { config.settings.maxTokens = maxTokens }
        if let seed = generation.seed { config.settings.seed = seed }
        if let effort = generation.reasoningEffort { config.settings.reasoningEffort = effort }
        if let epochs = generation.epochs { config.settings.epochs = epochs }
        let registry = config.fileEvaluations.reduce(CommandContext.registry) { $0.adding($1) }
        let roles = try EvalCommand.pairs(roleSpecs, flag: "--role")
        if !roles.isEmpty {
            config.evaluations = try config.suite(in: registry).map { planned in
                var planned = planned
                let evaluation = try registry.descriptor(named: planned.name)
                for (role, spec) in roles where evaluation.roles.contains(role) && planned.roles[role] == nil {
                    planned.roles[role] = ModelEndpoint(spec: try ModelSpec(parsing: spec))
                }
                return planned
            }
        }
        if config.models.isEmpty {
            throw SystemCardError.invalidInput(
                "name the models: --models openai/<model>[,…] (or local/smollm2), or --config card.yaml (see --init)")
        }
        try config.validate(registry: registry)
        return config
    }
}

extension CardProfile: ExpressibleByArgument {}
