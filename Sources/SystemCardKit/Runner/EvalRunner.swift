import Foundation
import Logging
import Synchronization

/// Runs an evaluation against a model: loads and selects samples, skips those already finished in the
/// store, drives the solver and grader for the rest with bounded concurrency, saves each result as it
/// finishes, and summarises the run with metrics and confidence intervals.
public struct EvalRunner: Sendable {
    public let store: any ResultStore
    /// Called about four times a second, and once at the end, with the run's progress.
    public let onProgress: @Sendable (RunProgress) -> Void
    public let progressInterval: Duration
    /// The run's start and end at `info`, dataset files at `debug`, each failed sample at `info`.
    public let logger: Logger

    public init(
        store: any ResultStore, progressInterval: Duration = .milliseconds(250), logger: Logger = .disabled,
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.store = store
        self.onProgress = onProgress
        self.progressInterval = progressInterval
        self.logger = logger
    }

    public func run(_ request: RunRequest) async throws -> RunOutcome {
        let evaluation = request.evaluation
        guard request.epochs >= 1 else { throw SystemCardError.invalidInput("--epochs must be at least 1") }
        if let limit = request.limit, limit < 1 { throw SystemCardError.invalidInput("--limit must be at least 1") }
        let grader = try evaluation.graders.grader(for: request.grader, evaluation: evaluation.name)
        if request.grader == .model && request.graderModel == nil {
            throw SystemCardError.invalidInput(
                "\(evaluation.name)'s model grader needs a grader model: pass --grader openai/<model>, or --grader rules")
        }

        for role in evaluation.roles where request.roles[role] == nil {
            throw SystemCardError.invalidInput(
                "\(evaluation.name) needs a model for the role '\(role)': pass --role \(role)=openai/<model>")
        }

        let loaded: LoadedDataset
        do {
            loaded = try evaluation.dataset.load(from: request.dataDirectory)
        } catch let error as DatasetError {
            throw SystemCardError.invalidInput("cannot read the \(evaluation.name) dataset: \(error)")
        }
        let selected = Self.select(loaded.samples, limit: request.limit, seed: request.seed, groupBy: evaluation.sampleGroup)
        let configuration = RunConfiguration(
            evaluation: evaluation.name, evaluationVersion: evaluation.version, options: evaluation.options,
            model: request.model.identity, settings: request.settings, grader: grader.name,
            graderVersion: grader.version, graderModel: request.grader == .model ? request.graderModel?.identity : nil,
            roles: request.roles.filter { evaluation.roles.contains($0.key) }.mapValues(\.identity),
            epochs: request.epochs, seed: request.seed, datasetFiles: Self.datasetDigests(loaded))
        var run = try await store.openRun(
            RunRecord(
                id: configuration.runID, evaluation: evaluation.name, evaluationVersion: evaluation.version,
                model: request.model.identity.spec, baseURL: request.model.identity.baseURL,
                configuration: configuration))

        let statuses = request.noCache ? [:] : try await store.sampleStatuses(runID: run.id)
        var work: [(ordinal: Int, sample: Sample, epoch: Int)] = []
        var resumed = 0
        for (ordinal, sample) in selected.enumerated() {
            for epoch in 1...request.epochs {
                switch statuses[SampleKey(sampleID: sample.id, epoch: epoch)] {
                case .scored?: resumed += 1
                case .error? where !request.retryErrors: resumed += 1
                default: work.append((ordinal, sample, epoch))
                }
            }
        }

        logger.info(
            "run",
            metadata: [
                "run": "\(run.id)", "evaluation": "\(evaluation.name)", "model": "\(request.model.identity.spec)",
                "grader": "\(grader.name)", "selected": "\(selected.count)", "epochs": "\(request.epochs)",
                "already_done": "\(resumed)", "to_do": "\(work.count)",
            ])
        for file in configuration.datasetFiles {
            logger.debug("dataset file", metadata: ["path": "\(file.path)", "sha256": "\(file.sha256)"])
        }
        let modelClient = try await ModelClient.preloaded(
            provider: request.model, settings: request.settings, store: store, readsCache: !request.noCache)
        var graderClient: ModelClient?
        if let graderModel = request.graderModel {
            // A retried sample is re-graded by asking the judge again: replaying its cached, unparseable
            // answer could never recover the sample.
            graderClient = try await ModelClient.preloaded(
                provider: graderModel, settings: GenerationSettings(temperature: 0), store: store,
                readsCache: !request.noCache && !request.retryErrors)
        }
        var roleClients: [String: ModelClient] = [:]
        for role in evaluation.roles {
            if let provider = request.roles[role] {
                roleClients[role] = try await ModelClient.preloaded(
                    provider: provider, settings: request.settings, store: store, readsCache: !request.noCache)
            }
        }
        let tracker = ProgressTracker(evaluation: evaluation.name, total: work.count, resumed: resumed)
        let ticker = startTicker(tracker)
        defer { ticker.cancel() }

        let runID = run.id
        let solver = evaluation.solver
        let store = self.store
        var stopReason: SystemCardError?
        do {
            let concurrency = max(1, request.concurrency)
            let context = SampleContext(
                runID: runID, solver: solver, grader: grader, modelClient: modelClient, graderClient: graderClient,
                roleClients: roleClients, store: store, logger: logger)
            stopReason = try await Self.process(
                work, context: context, tracker: tracker, concurrency: concurrency,
                consecutiveErrorLimit: request.consecutiveErrorLimit)
        } catch is CancellationError {
            // The database calls below must not see the cancellation that stopped the samples.
            let interrupted = try await Task {
                try await store.flush()
                var interrupted = run
                interrupted.status = .interrupted
                interrupted.summary = try await summarise(
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

        let summary = try await summarise(evaluation: evaluation, selected: selected, epochs: request.epochs, runID: run.id)
        run.summary = summary
        run.status = summary.missing == 0 ? .finished : .interrupted
        try await store.updateRun(run)
        logger.info(
            "run ended",
            metadata: [
                "run": "\(run.id)", "status": "\(run.status.rawValue)", "scored": "\(summary.scored)",
                "errors": "\(summary.errors)", "missing": "\(summary.missing)",
            ])
        if let stopReason { throw stopReason }
        return RunOutcome(run: run, summary: summary, attempted: work.count, references: evaluation.references)
    }

    func startTicker(_ tracker: ProgressTracker) -> Task<Void, Never> {
        let onProgress = self.onProgress
        let interval = progressInterval
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                onProgress(tracker.snapshot)
            }
        }
    }

    /// Computes the summary of `selected` samples from what the store holds for the run.
    public func summarise(evaluation: Evaluation, selected: [Sample], epochs: Int, runID: String) async throws
        -> RunSummary
    {
        let rows = try await store.resultRows(runID: runID)
        let samplesByID = Dictionary(selected.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var scored: [MetricCalculator.Scored] = []
        var errors = 0
        var usage = TokenUsage()
        var graderUsage = TokenUsage()
        var delivery: [String: Int] = [:]
        var present = 0
        for row in rows where row.key.epoch <= epochs {
            guard let sample = samplesByID[row.key.sampleID] else { continue }
            present += 1
            usage += row.usage
            graderUsage += row.graderUsage
            if row.developerRole != .none { delivery[row.developerRole.rawValue, default: 0] += 1 }
            if row.status == .scored, let score = row.score {
                scored.append(.init(sample: sample, epoch: row.key.epoch, score: score))
            } else {
                errors += 1
            }
        }
        let total = selected.count * epochs
        return RunSummary(
            samples: total, scored: scored.count, errors: errors, missing: total - present, usage: usage,
            graderUsage: graderUsage, developerRole: delivery,
            metrics: MetricCalculator.compute(evaluation.metrics, over: scored)
                + evaluation.aggregates.flatMap { $0.compute(scored) })
    }

    /// The files a dataset read; for a generated dataset (no files), a digest of the samples themselves, so
    /// that changing a generator changes the run id instead of mixing old and new samples in one run.
    static func datasetDigests(_ loaded: LoadedDataset) -> [DatasetFileDigest] {
        guard loaded.files.isEmpty else { return loaded.files }
        var writer = CanonicalJSON(capacity: 1 << 16)
        for sample in loaded.samples {
            writer.string(sample.id)
            writer.messages(sample.messages)
            writer.string(sample.target ?? "")
            writer.object(sample.metadata)
        }
        return [DatasetFileDigest(path: "(generated samples)", sha256: SHA256Digest.hex(writer.bytes))]
    }

    /// The first `limit` samples, after a deterministic shuffle when a seed is given. With `groupBy`, the
    /// shuffle moves whole groups (samples sharing that metadata value, in first-appearance order) and keeps
    /// each group's samples together in their dataset order.
    public static func select(_ samples: [Sample], limit: Int?, seed: Int?, groupBy: String? = nil) -> [Sample] {
        var ordered = samples
        if let seed {
            var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            if let key = groupBy {
                var groups: [[Sample]] = []
                var position: [String: Int] = [:]
                for sample in samples {
                    // A sample without the key is a group of its own ("\u{0}" cannot start a real metadata value).
                    let value = sample.metadata[key] ?? "\u{0}" + sample.id
                    if let index = position[value] {
                        groups[index].append(sample)
                    } else {
                        position[value] = groups.count
                        groups.append([sample])
                    }
                }
                groups.shuffle(using: &generator)
                ordered = groups.flatMap { $0 }
            } else {
                ordered.shuffle(using: &generator)
            }
        }
        if let limit { return Array(ordered.prefix(limit)) }
        return ordered
    }

    enum SampleStep: Sendable {
        case scored
        case errored(endpoint: Bool, message: String)
        case fatal(ProviderError)
    }

    /// Works through `work` with at most `concurrency` samples at once; returns why it stopped early, if it did.
    static func process(
        _ work: [(ordinal: Int, sample: Sample, epoch: Int)], context: SampleContext, tracker: ProgressTracker,
        concurrency: Int, consecutiveErrorLimit: Int
    ) async throws -> SystemCardError? {
    try await withThrowingTaskGroup(of: SampleStep.self) { group -> SystemCardError? in
            var next = 0
            while next < work.count && next < concurrency {
                let item = work[next]
                group.addTask { try await Self.runSample(item.sample, ordinal: item.ordinal, epoch: item.epoch, context) }
                next += 1
            }
            while let step = try await group.next() {
                tracker.record(step)
                if case .fatal(let error) = step {
                    group.cancelAll()
                    return SystemCardError(.endpoint, "stopping: \(error.description)")
                }
                if tracker.consecutiveEndpointErrors >= consecutiveErrorLimit {
                    group.cancelAll()
                    return SystemCardError(
                        .runFailed,
                        "stopping: the last \(tracker.consecutiveEndpointErrors) samples all failed at the endpoint "
                            + "(last error: \(tracker.lastError ?? "unknown")). Finished samples are saved; "
                            + "fix the endpoint and run the same command again to resume.")
                }
                if next < work.count {
                    let item = work[next]
                    group.addTask { try await Self.runSample(item.sample, ordinal: item.ordinal, epoch: item.epoch, context) }
                    next += 1
                }
            }
            return nil
        }
    }

    /// What every sample task shares.
    struct SampleContext: Sendable {
        var runID: String
        var solver: any Solver
        var grader: any Grader
        var modelClient: ModelClient
        var graderClient: ModelClient?
        var roleClients: [String: ModelClient]
        var store: any ResultStore
        var logger: Logger
    }

    static func runSample(_ sample: Sample, ordinal: Int, epoch: Int, _ context: SampleContext) async throws -> SampleStep {
        let runID = context.runID
        let solver = context.solver
        let grader = context.grader
        let modelClient = context.modelClient
        let graderClient = context.graderClient
        let store = context.store
        let ledger = CallLedger()
        let started = ContinuousClock.now
        let model = ModelRole(name: "model", client: modelClient, epoch: epoch, ledger: ledger)
        let judge = graderClient.map { ModelRole(name: "grader", client: $0, epoch: epoch, ledger: ledger, isGrader: true) }
        var output: SolverOutput?
        var score: Score?
        var failure: String?
        var endpointFailure = false
        do {
            // Other roles' usage is counted with the grader's: only the evaluated model's tokens are "usage".
            var roles: [String: ModelRole] = [:]
            for (name, client) in context.roleClients {
                roles[name] = ModelRole(name: name, client: client, epoch: epoch, ledger: ledger, isGrader: true)
            }
            let solved = try await solver.solve(sample, context: SolverContext(model: model, roles: roles, epoch: epoch))
            output = solved
            score = try await grader.grade(sample, output: solved, context: GraderContext(judge: judge))
        } catch let error as ProviderError {
            if Task.isCancelled { throw CancellationError() }
            if error.isFatalForRun { return .fatal(error) }
            failure = (output == nil ? "model: " : "grader model: ") + error.description
            endpointFailure = true
        } catch let error as GradingError {
            failure = "grading: \(error.message)" + (error.judgeOutput.map { " (judge said: \(RunText.excerpt($0)))" } ?? "")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            failure = "\(error)"
        }
        let totals = ledger.snapshot
        let latency = started.duration(to: .now).inMilliseconds
        let result = SampleResult(
            runID: runID, sample: sample, epoch: epoch, ordinal: ordinal, status: failure == nil ? .scored : .error,
            completion: output?.completion, transcript: output?.transcript ?? sample.messages,
            score: failure == nil ? score : nil, grader: grader.name, error: failure, usage: totals.usage,
            graderUsage: totals.graderUsage, developerRole: totals.developerRole,
            cached: totals.calls > 0 && totals.calls == totals.cachedCalls, latencyMilliseconds: latency)
        try store.saveResult(result)
        if let failure {
            context.logger.info(
                "sample failed", metadata: ["sample": "\(sample.id)", "epoch": "\(epoch)", "error": "\(RunText.excerpt(failure))"])
            return .errored(endpoint: endpointFailure, message: failure)
        }
        return .scored
    }
}

/// Counters behind the progress line and the consecutive-error stop.
final class ProgressTracker: Sendable {
    private struct State {
        var completed = 0
        var errors = 0
        var consecutiveEndpointErrors = 0
        var lastError: String?
    }

    private let state = Mutex(State())
    private let evaluation: String
    private let total: Int
    private let resumed: Int
    private let started = ContinuousClock.now
    let retries = Atomic<Int>(0)

    init(evaluation: String, total: Int, resumed: Int) {
        self.evaluation = evaluation
        self.total = total
        self.resumed = resumed
    }

    func record(_ step: EvalRunner.SampleStep) {
        state.withLock { state in
            switch step {
            case .scored:
                state.completed += 1
                state.consecutiveEndpointErrors = 0
            case .errored(let endpoint, let message):
                state.completed += 1
                state.errors += 1
                state.lastError = message
                state.consecutiveEndpointErrors = endpoint ? state.consecutiveEndpointErrors + 1 : 0
            case .fatal(let error):
                state.lastError = error.description
            }
        }
    }

    var consecutiveEndpointErrors: Int { state.withLock { $0.consecutiveEndpointErrors } }
    var lastError: String? { state.withLock { $0.lastError } }

    var snapshot: RunProgress {
        let elapsed = started.duration(to: .now)
        let seconds = elapsed.inSeconds
        return state.withLock { state in
            RunProgress(
                evaluation: evaluation, total: total, resumed: resumed, completed: state.completed,
                errors: state.errors, retries: retries.load(ordering: .relaxed), elapsed: seconds)
        }
    }
}
