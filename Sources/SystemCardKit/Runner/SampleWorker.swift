import Logging

/// What one sample's work ended with.
enum SampleStep: Sendable {
    case scored
    case errored(endpoint: Bool, message: String)
    case fatal(ProviderError)
    /// A `--batch` pass deferred one of its calls: no result, the sample runs again once the answer is cached.
    case deferred
}

/// Works through a run's samples with bounded concurrency: solves, grades and saves each one, and stops the
/// run early when the endpoint keeps failing.
enum SampleWorker {
    /// One sample-epoch to work on, with the sample's position in the selection.
    typealias Item = (ordinal: Int, sample: Sample, epoch: Int)

    /// Works through `work` with at most `concurrency` samples at once; returns why it stopped early, if it did.
    static func process(
        _ work: [Item], context: SampleContext, tracker: ProgressTracker,
        concurrency: Int, consecutiveErrorLimit: Int
    ) async throws -> SystemCardError? {
        try await withThrowingTaskGroup(of: SampleStep.self) { group -> SystemCardError? in
            var next = 0
            while next < work.count && next < concurrency {
                let item = work[next]
                group.addTask { try await runSample(item.sample, ordinal: item.ordinal, epoch: item.epoch, context) }
                next += 1
            }
            while let step = try await group.next() {
                tracker.record(step)
                if case .fatal(let error) = step {
                    group.cancelAll()
                    if error.code == .costLimit {
                        return SystemCardError(
                            .costLimit,
                            "stopped at the cost limit: \(error.message). Finished samples are saved; run the same "
                                + "command with a higher --max-cost to resume (paid calls are cached)")
                    }
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
                    group.addTask { try await runSample(item.sample, ordinal: item.ordinal, epoch: item.epoch, context) }
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
        var mitigations: [any Mitigation] = []
        var classifierClient: ModelClient?

        /// Every client collects its uncached calls into `collector` instead of sending them (a `--batch` pass).
        mutating func deferTo(_ collector: BatchCollector) {
            modelClient.deferral = collector
            graderClient?.deferral = collector
            classifierClient?.deferral = collector
            for name in roleClients.keys { roleClients[name]?.deferral = collector }
        }
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
        let cached = CachedModelRole(name: "model", client: modelClient, epoch: epoch, ledger: ledger)
        let model: any ModelRole
        if context.mitigations.isEmpty {
            model = cached
        } else {
            let classifier = context.classifierClient.map {
                CachedModelRole(name: "classifier", client: $0, epoch: epoch, ledger: ledger, kind: .mitigation)
            }
            model = MitigatedModelRole(
                base: cached, mitigations: context.mitigations,
                context: MitigationContext(classifier: classifier) { ledger.recordMitigationAction($0) })
        }
        let judge = graderClient.map { CachedModelRole(name: "grader", client: $0, epoch: epoch, ledger: ledger, isGrader: true) }
        var output: SolverOutput?
        var score: Score?
        var failure: String?
        var endpointFailure = false
        do {
            // Other roles' usage is counted with the grader's: only the evaluated model's tokens are "usage".
            var roles: [String: any ModelRole] = [:]
            for (name, client) in context.roleClients {
                roles[name] = CachedModelRole(name: name, client: client, epoch: epoch, ledger: ledger, isGrader: true)
            }
            let solved = try await solver.solve(sample, context: SolverContext(model: model, roles: roles, epoch: epoch, judge: judge))
            output = solved
            score = try await grader.grade(sample, output: solved, context: GraderContext(judge: judge))
        } catch is DeferredCall {
            return .deferred
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
        // A sample cut short (Ctrl-C, or the run stopping) is not saved: a command killed by the cancellation looks
        // like a failed one, and its score would be kept for good; resuming runs it again (model calls are cached).
        if Task.isCancelled { throw CancellationError() }
        let totals = ledger.snapshot
        let latency = started.duration(to: .now).inMilliseconds
        let result = SampleResult(
            runID: runID, sample: sample, epoch: epoch, ordinal: ordinal, status: failure == nil ? .scored : .error,
            completion: output?.completion, transcript: output?.transcript ?? sample.messages,
            score: failure == nil ? score : nil, grader: grader.name, error: failure, usage: totals.usage,
            graderUsage: totals.graderUsage, developerRole: totals.developerRole,
            cached: totals.calls > 0 && totals.calls == totals.cachedCalls, latencyMilliseconds: latency,
            mitigation: totals.mitigation, usageByRole: totals.roles.isEmpty ? nil : totals.roles)
        try store.saveResult(result)
        if let failure {
            context.logger.info(
                "sample failed", metadata: ["sample": "\(sample.id)", "epoch": "\(epoch)", "error": "\(RunText.excerpt(failure))"])
            return .errored(endpoint: endpointFailure, message: failure)
        }
        return .scored
    }
}
