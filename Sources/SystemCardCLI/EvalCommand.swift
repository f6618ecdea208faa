import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard eval NAME --model openai/<m>`: run one evaluation, resuming what the store already has.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run an evaluation against a model (resumes an earlier run with the same settings).",
        discussion: """
            Exit codes: 0 every sample scored; 1 some samples errored (they are never scored; \
            --retry-errors re-runs them) or the endpoint kept failing; 2 usage or input error; 130 interrupted.
            """)

    @Argument(help: "The evaluation (see `systemcard list`), or an evaluation file: ./my-eval.yaml (docs/evals/file-evaluations.md).")
    var evaluation: String

    @Option(help: "The model to evaluate: openai/<model> for any OpenAI-compatible endpoint.")
    var model: String

    @Option(help: "rules (the built-in classifier, no model) or a grader model such as openai/gpt-4o. Default: rules where the evaluation has them.")
    var grader: String?

    @Option(help: "Base URL of the grader model's endpoint (default: the evaluated model's).")
    var graderBaseURL: String?

    @Option(help: "Environment variable with the grader endpoint's API key (default: the evaluated model's).")
    var graderApiKeyEnv: String?

    @Option(help: "Evaluation variant, e.g. --set small.")
    var set: String?

    @Option(help: "Comma-separated techniques, for evaluations that take them (e.g. strongreject).")
    var techniques: String?

    @Option(help: "Comma-separated language codes, for multilingual evaluations (e.g. fr,de).")
    var languages: String?

    @Option(name: .customLong("option"), help: "Any other evaluation option, as KEY=VALUE (repeatable).")
    var extraOptions: [String] = []

    @Option(name: .customLong("role"), help: "A model for one of the evaluation's other roles, as NAME=openai/<model> (repeatable).")
    var roleSpecs: [String] = []

    @Option(name: .customLong("role-base-url"), help: "The endpoint of a role's model, as NAME=URL (default: the evaluated model's).")
    var roleBaseURLs: [String] = []

    @Option(
        name: .customLong("mitigation"),
        help: "Mitigations around the evaluated model, comma-separated and in order: safety-spec (or safety-spec=FILE), hierarchy-guard, input-filter[=FORMAT], output-filter[=FORMAT].")
    var mitigationList: String?

    @Option(help: "The content classifier's model for input-filter and output-filter (default: the --grader model).")
    var classifier: String?

    @Option(help: "Base URL of the classifier model's endpoint (default: the evaluated model's).")
    var classifierBaseURL: String?

    @Option(help: "Agentic evaluations: sandboxes at once (default: the number of cores).")
    var maxSandboxes: Int?

    @Flag(help: "Agentic evaluations: keep each sample's sandbox folder for debugging (the transcript says where).")
    var keepSandbox = false

    @Option(help: "Run only the first N samples (after the seeded shuffle when --seed is given).")
    var limit: Int?

    @Flag(help: "Re-run samples whose earlier attempt errored.")
    var retryErrors = false

    @Flag(help: "Ignore finished samples and cached calls: ask the model again.")
    var noCache = false

    @Option(help: "table (default) or json (one object on stdout).")
    var output: OutputFormat = .table

    @OptionGroup var generation: GenerationArguments
    @OptionGroup var logging: LoggingArguments
    @OptionGroup var endpoint: EndpointArguments
    @OptionGroup var store: StoreOptions
    @OptionGroup var sharding: ShardOption
    @OptionGroup var cost: CostArguments
    @OptionGroup var batching: BatchOption

    /// Parses repeated `KEY=VALUE` arguments.
    static func pairs(_ items: [String], flag: String) throws -> [String: String] {
        var pairs: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw SystemCardError.invalidInput("\(flag) takes NAME=VALUE, got '\(item)'")
            }
            pairs[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        return pairs
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        guard FileEvaluation.isFile(evaluation) else { return try await runEvaluation(named: evaluation) }
        let descriptor = try FileEvaluation.load(contentsOf: URL(fileURLWithPath: evaluation))
        let registry = CommandContext.registry
        if registry.names.contains(descriptor.name) {
            throw SystemCardError.invalidInput("\(evaluation) is named '\(descriptor.name)', which a built-in evaluation already is")
        }
        try await CommandContext.$registry.withValue(registry.adding(descriptor)) {
            try await runEvaluation(named: descriptor.name)
        }
    }

    func runEvaluation(named evaluation: String) async throws {
        var options = try Self.pairs(extraOptions, flag: "--option")
        if let set { options["set"] = set }
        if let techniques { options["techniques"] = techniques }
        if let languages { options["languages"] = languages }
        if let maxSandboxes { options["max-sandboxes"] = String(maxSandboxes) }
        if keepSandbox { options["keep-sandbox"] = "yes" }
        let roleModels = try Self.pairs(roleSpecs, flag: "--role")
        let roleURLs = try Self.pairs(roleBaseURLs, flag: "--role-base-url")
        var roles: [String: ModelEndpoint] = [:]
        for (role, text) in roleModels {
            roles[role] = ModelEndpoint(spec: try ModelSpec(parsing: text), baseURL: roleURLs[role])
        }
        var forced: GraderChoice?
        var judge: ModelEndpoint?
        switch grader {
        case nil: break
        case "rules"?: forced = .rules
        case let text?:
            forced = .model
            judge = ModelEndpoint(spec: try ModelSpec(parsing: text), baseURL: graderBaseURL, apiKeyEnv: graderApiKeyEnv)
        }
        var plan = RunPlan(
            evaluation: evaluation, options: options, model: ModelEndpoint(spec: try ModelSpec(parsing: model)),
            grader: forced, judge: judge,
            roles: roles,
            settings: generation.settings, dataDirectory: DataDirectory.resolve(option: generation.dataDir),
            limit: limit, epochs: generation.epochs ?? 1, seed: generation.seed, retryErrors: retryErrors,
            noCache: noCache)
        plan.mitigations = (mitigationList ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if let classifier {
            plan.classifier = ModelEndpoint(spec: try ModelSpec(parsing: classifier), baseURL: classifierBaseURL)
        }
        plan.shard = try sharding.parsed()
        plan.batch = try batching.settings()

        let resultStore = try await store.open()
        let meter = try cost.meter()
        let planner = RunPlanner(
            endpoint: endpoint.options(), registry: CommandContext.registry, logger: logging.logger, spendMeter: meter)
        if cost.dryRun {
            let estimate: RunEstimate
            do {
                estimate = try await planner.runner(store: resultStore).estimate(
                    try Self.plan(plan, with: planner), prices: meter.prices)
            } catch {
                await planner.shutdown()
                throw error
            }
            await planner.shutdown()
            for line in EstimateTable.render([estimate], limit: meter.limit) { print(line) }
            return
        }
        let outcome: RunOutcome
        do {
            let request = try Self.plan(plan, with: planner)
            let progressLine = ProgressLine(quiet: generation.quiet)
            let runner = planner.runner(store: resultStore) { progressLine.show($0) }
            let task = Task { try await runner.run(request) }
            let interrupts = InterruptHandler { task.cancel() }
            defer { interrupts.cancel() }
            do {
                outcome = try await task.value
                progressLine.finish()
            } catch {
                progressLine.finish()
                throw error
            }
        } catch {
            await planner.shutdown()
            throw error
        }
        await planner.shutdown()

        switch output {
        case .table:
            print(
                RunTable.render(
                    run: outcome.run, summary: outcome.summary, references: outcome.references, prices: meter.prices))
            print("spent in this invocation: \(RunCost.dollars(meter.spent)) in \(meter.calls) calls"
                + (meter.limit.map { " (limit \(RunCost.dollars($0)))" } ?? ""))
            if let part = outcome.shard {
                print(
                    "shard \(part.shard): \(part.pairs - part.errors - part.missing) of its \(part.pairs) pairs scored, "
                        + "\(part.errors) errored, \(part.missing) missing; the run has \(outcome.summary.scored + outcome.summary.errors) "
                        + "of \(outcome.summary.samples) (every shard's)")
            }
        case .json:
            print(
                try RunReport(run: outcome.run, summary: outcome.summary, references: outcome.references, prices: meter.prices)
                    .json())
        }
        // A shard answers for its own part: the others' samples are not its failure (a Kubernetes pod that exits
        // non-zero is retried).
        if let part = outcome.shard {
            if !part.isComplete { throw ExitCode(ExitCodes.erroredSamples) }
        } else if outcome.summary.errors > 0 || outcome.summary.missing > 0 {
            throw ExitCode(ExitCodes.erroredSamples)
        }
    }
}

extension EvalCommand {
    /// The planned request, with a planning problem said in this command's flags.
    static func plan(_ plan: RunPlan, with planner: RunPlanner) throws -> RunRequest {
        do {
            return try planner.request(for: plan)
        } catch let error as RunPlanningError {
            throw SystemCardError.invalidInput(error.description + fix(for: error))
        }
    }

    /// Which flag fixes a planning problem.
    static func fix(for error: RunPlanningError) -> String {
        switch error {
        case .grader(_, .needsJudge): return ": pass --grader openai/<model>"
        case .grader(_, .noRulesGrader): return "; pass --grader openai/<model>"
        case .grader(_, .noModelGrader): return "; drop --grader or pass --grader rules"
        case .missingRole(_, let role): return ": pass --role \(role)=openai/<model>"
        case .unknownRole: return ""
        case .classifier: return ": pass --classifier openai/<model> (or a --grader model)"
        }
    }
}
