import Foundation
import Logging

extension EvalRunner {
    /// Requests per batch at most (OpenAI's limit).
    static let batchLineLimit = 50_000
    /// What a batched token costs against the list price (OpenAI's Batch API: half).
    static let batchDiscount = 0.5

    /// Why `request` cannot run with `--batch`, checked before anything runs.
    static func checkBatch(_ request: RunRequest) throws {
        let evaluation = request.evaluation
        if request.noCache || request.retryErrors {
            // Both make a pass ignore the cache a batch fills, so every pass would pay for the same batch again.
            throw SystemCardError.invalidInput(
                "--batch cannot be combined with --no-cache or --retry-errors: batched answers reach the samples "
                    + "through the call cache; run those without --batch")
        }
        guard !evaluation.usesSandbox, evaluation.roles.isEmpty else {
            throw SystemCardError.invalidInput(
                "--batch is for evaluations whose calls do not depend on earlier answers (one generation, then a "
                    + "judge); \(evaluation.name) runs a conversation or an agent: run it without --batch")
        }
        for provider in [request.model] + [request.graderModel, request.classifierModel].compactMap({ $0 })
        where provider.batchSubmitter == nil {
            throw SystemCardError.invalidInput(
                "--batch needs an OpenAI-compatible endpoint with the Batch API; \(provider.identity.spec) has none")
        }
    }

    /// Works through `work` in batch passes (see ``BatchSettings``); returns why it stopped early, if it did.
    func processInBatches(
        _ work: [SampleWorker.Item], selected: [Sample], request: RunRequest, runID: String, grader: any Grader,
        tracker: ProgressTracker, settings: BatchSettings
    ) async throws -> SystemCardError? {
        let collector = BatchCollector()
        var work = work
        var passes = 0
        while true {
            try await settleBatches(runID: runID, request: request, collector: collector, settings: settings)
            (work, _) = try await remainingWork(selected, request: request, runID: runID)
            if work.isEmpty { return nil }
            var context = try await sampleContext(request, runID: runID, grader: grader)
            context.deferTo(collector)
            let stop = try await SampleWorker.process(
                work, context: context, tracker: tracker, concurrency: max(1, request.concurrency),
                consecutiveErrorLimit: request.consecutiveErrorLimit)
            try await store.flush()
            if let stop { return stop }
            let groups = collector.drain()
            if groups.isEmpty { return nil }
            passes += 1
            guard passes <= settings.maxPasses else {
                return SystemCardError(
                    .runFailed,
                    "stopping: \(settings.maxPasses) batch passes and samples still wait for calls; finished samples "
                        + "are saved; run the same command again (or without --batch) to go on")
            }
            for group in groups.flatMap({ group in
                // OpenAI takes at most 50,000 requests per batch.
                stride(from: 0, to: group.lines.count, by: Self.batchLineLimit).map {
                    (identity: group.identity, provider: group.provider,
                     lines: Array(group.lines[$0..<min($0 + Self.batchLineLimit, group.lines.count)]))
                }
            }) {
                guard let submitter = group.provider.batchSubmitter else { continue }
                // --max-cost: the batch's worst case is reserved before it is sent, settled when it is imported.
                let budgeted = group.provider as? BudgetedModelProvider
                let worst = budgeted.map { budgeted in
                    group.lines.reduce(0) { $0 + SpendMeter.worstCase($1.request, price: budgeted.price) } * Self.batchDiscount
                } ?? 0
                if let budgeted, !budgeted.meter.reserve(worst) {
                    return SystemCardError(
                        .costLimit,
                        "stopped at the cost limit: a batch of \(group.lines.count) calls to \(group.identity.spec) could pass "
                            + "--max-cost \(RunCost.dollars(budgeted.meter.limit ?? 0)) (\(RunCost.dollars(budgeted.meter.spent)) "
                            + "spent). Finished samples are saved; run the same command with a higher --max-cost to resume")
                }
                let job: BatchJob
                do {
                    job = try await submitter.submit(group.lines)
                } catch {
                    budgeted?.meter.settle(reserved: worst, actual: 0, answered: false)
                    throw error
                }
                collector.reserved(worst, for: job.id)
                try await store.saveBatch(
                    BatchRecord(
                        id: job.id, runID: runID, model: group.identity.spec, baseURL: group.identity.baseURL,
                        status: job.status, lines: group.lines))
                logger.info(
                    "batch submitted",
                    metadata: ["run": "\(runID)", "batch": "\(job.id)", "model": "\(group.identity.spec)",
                               "requests": "\(group.lines.count)"])
            }
        }
    }

    /// A batch's state, asked again after a transient failure (a batch may take a day: one 5xx must not end it).
    static func poll(_ id: String, _ submitter: any BatchSubmitting) async throws -> BatchJob {
        var delay = Duration.seconds(1)
        for attempt in 1...8 {
            do {
                return try await submitter.poll(id)
            } catch let error as ProviderError where error.isRetryable && attempt < 8 {
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(60))
            }
        }
        return try await submitter.poll(id)
    }

    /// Waits for every batch of the run not yet imported (those of an earlier, killed process too), and puts their
    /// answers in the call cache. A line that failed for good is remembered, so that its sample fails as a live call
    /// would; an expired line is asked again in the next batch.
    func settleBatches(runID: String, request: RunRequest, collector: BatchCollector, settings: BatchSettings) async throws {
        let providers = [request.model] + [request.graderModel, request.classifierModel].compactMap { $0 }
        for var record in try await store.batches(runID: runID) where !record.imported {
            guard let provider = providers.first(where: { $0.identity.spec == record.model && $0.identity.baseURL == record.baseURL }),
                let submitter = provider.batchSubmitter
            else { continue }
            var job = try await Self.poll(record.id, submitter)
            while !job.isFinished {
                try await Task.sleep(for: settings.pollInterval)
                job = try await Self.poll(record.id, submitter)
            }
            let results = try await submitter.results(
                of: job, requests: Dictionary(record.lines.map { ($0.key, $0.request) }, uniquingKeysWith: { first, _ in first }))
            var answered = 0
            var dollars = 0.0
            let budgeted = provider as? BudgetedModelProvider
            for line in record.lines {
                switch results[line.key] {
                case .success(let response)?:
                    dollars += (budgeted?.price.cost(response.usage) ?? 0) * Self.batchDiscount
                    try store.saveCall(
                        ModelCallRecord(
                            key: line.key, identity: provider.identity, request: line.request, epoch: line.epoch,
                            response: response))
                    answered += 1
                case .failure(let error)? where !error.isRetryable:
                    collector.fail(key: line.key, error)
                default:
                    break  // expired, rate-limited, a server error, or never run: asked again in the next batch
                }
            }
            try await store.flush()
            budgeted?.meter.settle(reserved: collector.takeReservation(for: record.id), actual: dollars, answered: false)
            budgeted?.meter.count(calls: answered)
            record.status = job.status
            record.imported = true
            try await store.saveBatch(record)
            logger.info(
                "batch imported",
                metadata: ["run": "\(runID)", "batch": "\(record.id)", "status": "\(job.status)",
                           "answered": "\(answered)", "requests": "\(record.lines.count)"])
        }
    }
}
