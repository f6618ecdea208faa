import Foundation
import Logging

/// Turns what a frontend knows (evaluation name and options, model, judge and role specs, settings) into
/// ready ``RunRequest``s, and owns what those runs share: the HTTP client, the providers with their retry
/// layer and per-endpoint concurrency limits, the retry count and the logger.
///
/// `systemcard eval` and `systemcard card` both plan their runs here, so they build models, pick graders
/// (``GraderRule``) and check roles the same way.
///
/// ```swift
/// let planner = RunPlanner(endpoint: EndpointOptions(baseURL: "http://localhost:8000/v1"))
/// let request = try planner.request(for: RunPlan(
///     evaluation: "xstest", model: ModelEndpoint(spec: try ModelSpec(parsing: "openai/my-model")),
///     dataDirectory: DataDirectory.resolve(option: nil)))
/// let outcome = try await planner.runner(store: store).run(request)
/// await planner.shutdown()
/// ```
public final class RunPlanner: Sendable {
    /// The evaluations plans may name.
    public let registry: EvaluationRegistry
    /// The default endpoint options; a ``ModelEndpoint``'s base URL and key variable replace theirs.
    public let endpoint: EndpointOptions
    /// Retried requests across every model planned here.
    public let retries = RetryCounter()
    /// The logger handed to every provider and runner made here.
    public let logger: Logger
    /// Counts what this invocation pays for (calls not answered from the cache) and enforces `--max-cost`.
    public let spendMeter: SpendMeter?
    private let factory: ModelFactory

    /// - Parameter environment: where API keys and `OPENAI_BASE_URL` are read.
    /// - Parameter spendMeter: counts every real call of the models planned here, and refuses the one that could pass
    ///   its limit (a model without a price is then refused at planning).
    public init(
        endpoint: EndpointOptions, registry: EvaluationRegistry = .builtIn, logger: Logger = .disabled,
        environment: [String: String] = ProcessInfo.processInfo.environment, spendMeter: SpendMeter? = nil
    ) {
        self.spendMeter = spendMeter
        self.registry = registry
        self.endpoint = endpoint
        self.logger = logger
        let retries = self.retries
        factory = ModelFactory(
            httpClient: ModelFactory.makeHTTPClient(for: endpoint), environment: environment, logger: logger
        ) { _ in retries.increment() }
    }

    /// The run `plan` describes: the evaluation built with its options, the grader chosen by ``GraderRule``,
    /// and every model ready. Throws ``RunPlanningError`` when the grader or a role cannot be provided, and
    /// ``SystemCardError`` for an unknown evaluation, a bad option or an unusable model.
    public func request(for plan: RunPlan) throws -> RunRequest {
        let evaluation = try registry.evaluation(named: plan.evaluation, options: plan.options)
        let grader = try GraderRule.choose(evaluation.graders, forced: plan.grader, hasJudge: plan.judge != nil)
            .mapError { RunPlanningError.grader(evaluation: evaluation.name, $0) }.get()
        for role in plan.roles.keys.sorted() where !evaluation.roles.contains(role) {
            throw RunPlanningError.unknownRole(evaluation: evaluation.name, role: role, roles: evaluation.roles)
        }
        for role in evaluation.roles where plan.roles[role] == nil {
            throw RunPlanningError.missingRole(evaluation: evaluation.name, role: role)
        }
        let model = try provider(for: plan.model)
        let judge = try grader == .model ? plan.judge.map(provider(for:)) : nil
        let roles = try plan.roles.mapValues(provider(for:))
        var request = RunRequest(
            evaluation: evaluation, model: model, settings: plan.settings, grader: grader, graderModel: judge,
            roles: roles, dataDirectory: plan.dataDirectory, limit: plan.limit, epochs: plan.epochs, seed: plan.seed,
            retryErrors: plan.retryErrors, noCache: plan.noCache, concurrency: endpoint.maxConnections)
        request.minimumPerMetric = plan.minimumPerMetric
        request.shard = plan.shard
        request.batch = plan.batch
        request.mitigations = try plan.mitigations.map(MitigationCatalog.make)
        if let filter = request.mitigations.first(where: \.needsClassifier) {
            guard let classifier = plan.classifier ?? plan.judge else {
                throw RunPlanningError.classifier(mitigation: filter.name)
            }
            request.classifierModel = try provider(for: classifier)
        }
        return request
    }

    /// Checks that `model` can be used (a valid base URL, a readable key file, a local model that exists)
    /// before any run starts.
    public func check(_ model: ModelEndpoint) throws {
        _ = try provider(for: model)
    }

    /// A runner for the requests planned here, whose progress reports count this planner's retries.
    public func runner(
        store: any ResultStore, onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) -> EvalRunner {
        EvalRunner(store: store, logger: logger, retries: retries, onProgress: onProgress)
    }

    /// Closes the HTTP client (call once, after the last run).
    public func shutdown() async {
        await ModelFactory.shutdown(factory.httpClient)
    }

    /// The provider for `model`; every provider of one endpoint shares its concurrency limit, and a local
    /// model is loaded once.
    package func provider(for model: ModelEndpoint) throws -> any ModelProvider {
        let provider = try factory.provider(for: model.spec, endpoint: options(for: model))
        guard let meter = spendMeter else { return provider }
        guard let price = meter.prices.price(for: provider.identity.spec) else {
            if meter.limit == nil { return provider }
            throw SystemCardError.invalidInput(
                "--max-cost needs a price for \(provider.identity.spec), which has none: pass --price "
                    + "\(provider.identity.spec)=INPUT/OUTPUT (dollars per million tokens) or set it under prices: in the card config")
        }
        return BudgetedModelProvider(base: provider, meter: meter, price: price)
    }

    /// The planner's endpoint options with `model`'s base URL and key variable (a key variable of its own
    /// replaces the key file).
    func options(for model: ModelEndpoint) -> EndpointOptions {
        var options = endpoint
        if let baseURL = model.baseURL { options.baseURL = baseURL }
        if let apiKeyEnv = model.apiKeyEnv {
            options.apiKeyVariable = apiKeyEnv
            options.apiKeyFile = nil
        }
        return options
    }
}
