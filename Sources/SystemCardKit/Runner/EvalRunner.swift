import Foundation
import Logging

/// Runs an evaluation against a model: loads and selects samples, skips those already finished in the
/// store, drives the solver and grader for the rest with bounded concurrency (``SampleWorker``), saves each
/// result as it finishes, and summarises the run with metrics and confidence intervals.
///
/// Make one with ``RunPlanner/runner(store:onProgress:)`` so that its progress counts the planner's retries.
public struct EvalRunner: Sendable {
    /// Where runs, results and cached model calls are kept.
    public let store: any ResultStore
    /// Called about four times a second, and once at the end, with the run's progress.
    public let onProgress: @Sendable (RunProgress) -> Void
    /// How often `onProgress` is called while the run is in flight (default: 250 ms).
    public let progressInterval: Duration
    /// The run's start and end at `info`, dataset files at `debug`, each failed sample at `info`.
    public let logger: Logger
    /// Retries of the providers in the requests, shown in the progress.
    let retries: RetryCounter?

    /// Creates a runner whose progress reports no retries; ``RunPlanner/runner(store:onProgress:)`` makes
    /// one that counts them.
    public init(
        store: any ResultStore, progressInterval: Duration = .milliseconds(250), logger: Logger = .disabled,
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.init(store: store, progressInterval: progressInterval, logger: logger, retries: nil, onProgress: onProgress)
    }

    init(
        store: any ResultStore, progressInterval: Duration = .milliseconds(250), logger: Logger,
        retries: RetryCounter?, onProgress: @escaping @Sendable (RunProgress) -> Void
    ) {
        self.store = store
        self.onProgress = onProgress
        self.progressInterval = progressInterval
        self.logger = logger
        self.retries = retries
    }

    /// Runs `request`, resuming what the store already has, and returns the run with its summary.
    ///
    /// Throws ``SystemCardError`` before any model call when the request is invalid or the dataset cannot be
    /// read. When the run is interrupted or stops after too many endpoint failures in a row, it saves the
    /// finished samples and the summary first, then throws.
    public func run(_ request: RunRequest) async throws -> RunOutcome {
        let evaluation = request.evaluation
        if evaluation.usesSandbox {
            do {
                try await BubblewrapSandbox.checkAvailable()
            } catch let error as SandboxError {
                throw SystemCardError.invalidInput("\(evaluation.name) runs the model's commands in a sandbox: \(error)")
            }
        }
        let (grader, selected, configuration) = try Self.prepare(request)
        if request.batch != nil { try Self.checkBatch(request) }
        var run = try await store.openRun(
            RunRecord(
                id: configuration.runID, evaluation: evaluation.name, evaluationVersion: evaluation.version,
                model: request.model.identity.spec, baseURL: request.model.identity.baseURL,
                configuration: configuration))
        let (work, resumed) = try await remainingWork(selected, request: request, runID: run.id)
        log(run: run.id, request, grader: grader, selected: selected.count, resumed: resumed, work: work.count)
        for file in configuration.datasetFiles {
            logger.debug("dataset file", metadata: ["path": "\(file.path)", "sha256": "\(file.sha256)"])
        }
        let context = try await sampleContext(request, runID: run.id, grader: grader)

        let tracker = ProgressTracker(
            evaluation: evaluation.name, total: work.count, resumed: resumed, retries: retries)
        let ticker = tracker.startTicker(every: progressInterval, onProgress)
        defer { ticker.cancel() }
        let summarizer = RunSummarizer(store: store)
        var stopReason: SystemCardError?
        do {
            if let batch = request.batch {
                stopReason = try await processInBatches(
                    work, selected: selected, request: request, runID: run.id, grader: grader, tracker: tracker,
                    settings: batch)
            } else {
                stopReason = try await SampleWorker.process(
                    work, context: context, tracker: tracker, concurrency: max(1, request.concurrency),
                    consecutiveErrorLimit: request.consecutiveErrorLimit)
            }
        } catch is CancellationError {
            // The database calls below must not see the cancellation that stopped the samples.
            let store = self.store
            let interrupted = try await Task {
                try await store.flush()
                var interrupted = run
                interrupted.status = .interrupted
                interrupted.summary = try await summarizer.summarise(
                    evaluation: evaluation, selected: selected, epochs: request.epochs, runID: run.id)
                try await store.updateRun(interrupted)
                return interrupted
            }.value
            onProgress(tracker.snapshot)
            throw SystemCardError(
                .interrupted,
                "interrupted: finished samples are saved in run \(interrupted.id); run the same command to resume")
        }
        try await store.flush()
        onProgress(tracker.snapshot)

        let summary = try await summarizer.summarise(
            evaluation: evaluation, selected: selected, epochs: request.epochs, runID: run.id)
        run.summary = summary
        // A shard that did its part leaves the run running while other shards' samples are missing.
        run.status = summary.missing == 0 ? .finished : (request.shard != nil && stopReason == nil ? .running : .interrupted)
        try await store.updateRun(run)
        logger.info(
            "run ended",
            metadata: [
                "run": "\(run.id)", "status": "\(run.status.rawValue)", "scored": "\(summary.scored)",
                "errors": "\(summary.errors)", "missing": "\(summary.missing)",
            ])
        if let stopReason { throw stopReason }
        var outcome = RunOutcome(run: run, summary: summary, attempted: work.count, references: evaluation.references)
        if let shard = request.shard {
            outcome.shard = try await shardPart(shard, selected: selected, request: request, runID: run.id)
        }
        return outcome
    }

    /// The grader (loaded), the selected samples and the run's identity: everything decided before any call.
    static func prepare(_ request: RunRequest) throws -> (grader: any Grader, selected: [Sample], configuration: RunConfiguration) {
        let evaluation = request.evaluation
        let grader = try validate(request).loaded(from: request.dataDirectory)
        let loaded: LoadedDataset
        do {
            loaded = try evaluation.dataset.load(from: request.dataDirectory)
        } catch let error as DatasetError {
            throw SystemCardError.invalidInput("cannot read the \(evaluation.name) dataset: \(error)")
        }
        let selected = SampleSelection.select(
            loaded.samples, limit: request.limit, seed: request.seed, groupBy: evaluation.sampleGroup,
            floor: request.minimumPerMetric.map { SampleSelection.Floor(metrics: evaluation.metrics, minimum: $0) })
        return (grader, selected, configuration(of: request, grader: grader, loaded: loaded))
    }

    /// What running `request` would do, without any model call and without writing to the store: the sample-epochs
    /// left (finished ones are resumed for free), and the calls, tokens and cost by role, estimated.
    public func estimate(_ request: RunRequest, prices: PriceTable) async throws -> RunEstimate {
        let (_, selected, configuration) = try Self.prepare(request)
        let (work, resumed) = try await remainingWork(selected, request: request, runID: configuration.runID)
        return RunEstimate(
            request: request, runID: configuration.runID, work: work.map(\.sample), finished: resumed, prices: prices)
    }

    /// The request's grader, or why the request cannot run; checked before any model call.
    static func validate(_ request: RunRequest) throws -> any Grader {
        let evaluation = request.evaluation
        guard request.epochs >= 1 else { throw SystemCardError.invalidInput("epochs must be at least 1") }
        if let limit = request.limit, limit < 1 { throw SystemCardError.invalidInput("the limit must be at least 1") }
        let grader = try evaluation.graders.grader(for: request.grader, evaluation: evaluation.name)
        if request.grader == .model && request.graderModel == nil {
            throw SystemCardError.invalidInput(RunPlanningError.grader(evaluation: evaluation.name, .needsJudge).description)
        }
        for role in evaluation.roles where request.roles[role] == nil {
            throw SystemCardError.invalidInput(RunPlanningError.missingRole(evaluation: evaluation.name, role: role).description)
        }
        return grader
    }

    /// Everything that decides the run's results (its identity).
    static func configuration(of request: RunRequest, grader: any Grader, loaded: LoadedDataset) -> RunConfiguration {
        let evaluation = request.evaluation
        return RunConfiguration(
            evaluation: evaluation.name, evaluationVersion: evaluation.version, options: evaluation.options,
            model: request.model.identity, settings: request.settings, grader: grader.name,
            graderVersion: grader.version, graderModel: request.grader == .model ? request.graderModel?.identity : nil,
            roles: request.roles.filter { evaluation.roles.contains($0.key) }.mapValues(\.identity),
            epochs: request.epochs, seed: request.seed, datasetFiles: SampleSelection.datasetDigests(loaded),
            mitigations: request.mitigations.isEmpty ? nil : mitigationIdentities(of: request))
    }

    /// Each mitigation's `name@version`, then the classifier model when one calls it (its answers decide too).
    static func mitigationIdentities(of request: RunRequest) -> [String] {
        var identities = request.mitigations.map(\.identity)
        if request.mitigations.contains(where: \.needsClassifier), let classifier = request.classifierModel?.identity {
            identities.append("classifier:\(classifier.provider)/\(classifier.model)@\(classifier.baseURL)")
        }
        return identities
    }

    /// The sample-epochs still to do, and how many are finished already (resumed).
    func remainingWork(_ selected: [Sample], request: RunRequest, runID: String) async throws
        -> (work: [SampleWorker.Item], resumed: Int)
    {
        let statuses = request.noCache ? [:] : try await store.sampleStatuses(runID: runID)
        var work: [SampleWorker.Item] = []
        var resumed = 0
        for (ordinal, sample) in selected.enumerated() {
            for epoch in 1...request.epochs {
                if let shard = request.shard, !shard.owns(position: ordinal * request.epochs + epoch - 1) { continue }
                switch statuses[SampleKey(sampleID: sample.id, epoch: epoch)] {
                case .scored?: resumed += 1
                case .error? where !request.retryErrors: resumed += 1
                default: work.append((ordinal, sample, epoch))
                }
            }
        }
        return (work, resumed)
    }

    /// How the shard's own pairs stand after its work (the rest of the run belongs to other shards).
    func shardPart(_ shard: RunShard, selected: [Sample], request: RunRequest, runID: String) async throws -> ShardPart {
        let statuses = try await store.sampleStatuses(runID: runID)
        var part = ShardPart(shard: shard)
        for (ordinal, sample) in selected.enumerated() {
            for epoch in 1...request.epochs where shard.owns(position: ordinal * request.epochs + epoch - 1) {
                part.pairs += 1
                switch statuses[SampleKey(sampleID: sample.id, epoch: epoch)] {
                case .scored?: break
                case .error?: part.errors += 1
                case nil: part.missing += 1
                }
            }
        }
        return part
    }

    /// The cached clients of every model in the request, and what each sample task shares.
    func sampleContext(_ request: RunRequest, runID: String, grader: any Grader) async throws
        -> SampleWorker.SampleContext
    {
        let modelClient = try await ModelClient.preloaded(
            provider: request.model, settings: request.settings, store: store, readsCache: !request.noCache,
            cacheScope: request.mitigations.isEmpty ? nil : Self.mitigationIdentities(of: request).joined(separator: ","))
        var graderClient: ModelClient?
        if let graderModel = request.graderModel {
            // A retried sample is re-graded by asking the judge again: replaying its cached, unparseable
            // answer could never recover the sample.
            graderClient = try await ModelClient.preloaded(
                provider: graderModel, settings: GenerationSettings(temperature: 0), store: store,
                readsCache: !request.noCache && !request.retryErrors)
        }
        var roleClients: [String: ModelClient] = [:]
        for role in request.evaluation.roles {
            if let provider = request.roles[role] {
                roleClients[role] = try await ModelClient.preloaded(
                    provider: provider, settings: request.settings, store: store, readsCache: !request.noCache)
            }
        }
        var classifierClient: ModelClient?
        if let classifier = request.classifierModel, request.mitigations.contains(where: \.needsClassifier) {
            classifierClient = try await ModelClient.preloaded(
                provider: classifier, settings: GenerationSettings(temperature: 0), store: store,
                readsCache: !request.noCache)
        }
        return SampleWorker.SampleContext(
            runID: runID, solver: request.evaluation.solver, grader: grader, modelClient: modelClient,
            graderClient: graderClient, roleClients: roleClients, store: store, logger: logger,
            mitigations: request.mitigations, classifierClient: classifierClient)
    }

    func log(run: String, _ request: RunRequest, grader: any Grader, selected: Int, resumed: Int, work: Int) {
        logger.info(
            "run",
            metadata: [
                "run": "\(run)", "evaluation": "\(request.evaluation.name)", "model": "\(request.model.identity.spec)",
                "grader": "\(grader.name)", "selected": "\(selected)", "epochs": "\(request.epochs)",
                "already_done": "\(resumed)", "to_do": "\(work)",
            ])
    }
}
