import Foundation
import Synchronization
import Testing
@testable import SystemCardKit

/// An in-memory dataset of `count` samples, ids `s01`…, alternating group `a`/`b`.
struct MemoryDataset: Dataset {
    var samples: [Sample]

    init(count: Int = 20) {
        samples = (1...count).map { index in
            let id = String(format: "s%02d", index)
            return Sample(
                id: id, messages: [.user("prompt \(id)")], target: index % 4 == 0 ? "no" : "yes",
                metadata: ["group": index % 2 == 0 ? "b" : "a"])
        }
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        LoadedDataset(samples: samples, files: [DatasetFileDigest(path: "memory/samples", sha256: "0")])
    }
}

/// Scores 1 when the completion contains the sample's target word.
struct ContainsTargetGrader: Grader {
    let name = "contains"
    let version = "1"

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let hit = output.completion.contains(sample.target ?? "")
        return Score(value: hit ? 1 : 0, label: hit ? "hit" : "miss", explanation: "looked for \(sample.target ?? "")")
    }
}

@Suite struct EvalRunnerTests {
    static func evaluation(count: Int = 20) -> Evaluation {
        Evaluation(
            name: "memory", version: "1", summary: "in-memory test evaluation", section: .disallowedContent, dataset: MemoryDataset(count: count),
            solver: GenerateSolver(), graders: GraderFactory(rules: ContainsTargetGrader(), model: nil, preferred: .rules),
            metrics: [Metric(name: "accuracy", summary: "target word present", groupBy: ["group"])])
    }

    /// Answers "yes" to every prompt (so samples whose target is "no" miss), throwing for `failing` prompts.
    static func provider(failing: Set<String> = [], error: ProviderError.Code = .serverError) -> ScriptedProvider {
        ScriptedProvider { request in
            let prompt = request.messages.last?.content ?? ""
            if failing.contains(prompt) { throw ProviderError(error, status: 500, message: "scripted failure") }
            return ModelResponse(text: "yes, about \(prompt)", usage: TokenUsage(promptTokens: 3, completionTokens: 2))
        }
    }

    static func request(
        _ provider: any ModelProvider, evaluation: Evaluation = evaluation(), limit: Int? = nil, epochs: Int = 1,
        seed: Int? = nil, retryErrors: Bool = false, noCache: Bool = false, concurrency: Int = 4,
        consecutiveErrorLimit: Int = 50
    ) -> RunRequest {
        RunRequest(
            evaluation: evaluation, model: provider, grader: .rules,
            dataDirectory: DataDirectory(url: URL(fileURLWithPath: "/nonexistent-systemcard-data")), limit: limit,
            epochs: epochs, seed: seed, retryErrors: retryErrors, noCache: noCache, concurrency: concurrency,
            consecutiveErrorLimit: consecutiveErrorLimit)
    }

    static func overall(_ summary: RunSummary, _ name: String = "accuracy") -> MetricResult? {
        summary.metrics.first { $0.name == name && $0.group == nil }
    }

    @Test func firstRunScoresEverySample() async throws {
        let store = try makeMemoryStore()
        let provider = Self.provider()
        let outcome = try await EvalRunner(store: store).run(Self.request(provider))

        #expect(provider.callCount == 20)
        #expect(outcome.attempted == 20)
        #expect(outcome.summary.samples == 20)
        #expect(outcome.summary.scored == 20)
        #expect(outcome.summary.errors == 0)
        #expect(outcome.summary.missing == 0)
        #expect(outcome.run.status == .finished)
        #expect(outcome.summary.usage == TokenUsage(promptTokens: 60, completionTokens: 40))
        // Targets "no" on every fourth sample: 15 of 20 hit.
        let accuracy = try #require(Self.overall(outcome.summary))
        #expect(accuracy.n == 20)
        #expect(abs(accuracy.value - 0.75) < 1e-12)
        let groups = outcome.summary.metrics.filter { $0.group != nil }.map { "\($0.group!.value):\($0.n)" }
        #expect(groups == ["a:10", "b:10"])

        let results = try await store.results(runID: outcome.run.id)
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0.status == .scored && $0.score != nil && !$0.cached })
        #expect(results.map(\.sample.id) == (1...20).map { String(format: "s%02d", $0) })
        let stored = try #require(try await store.run(id: outcome.run.id))
        #expect(stored.status == .finished)
        #expect(stored.summary == outcome.summary)
    }

    @Test func secondIdenticalRunResumesWithoutCallingTheModel() async throws {
        let store = try makeMemoryStore()
        let first = try await EvalRunner(store: store).run(Self.request(Self.provider()))

        let provider = Self.provider()
        let second = try await EvalRunner(store: store).run(Self.request(provider))
        #expect(provider.callCount == 0)
        #expect(second.attempted == 0)
        #expect(second.run.id == first.run.id)
        #expect(second.summary.metrics == first.summary.metrics)
        #expect(second.summary.scored == 20)
        #expect(try await store.runs().count == 1)
    }

    @Test func providerErrorsBecomeErroredSamplesOutsideTheMetrics() async throws {
        let store = try makeMemoryStore()
        let failing: Set<String> = ["prompt s03", "prompt s07", "prompt s11"]
        let outcome = try await EvalRunner(store: store).run(Self.request(Self.provider(failing: failing)))

        #expect(outcome.summary.errors == 3)
        #expect(outcome.summary.scored == 17)
        #expect(outcome.summary.missing == 0)
        let accuracy = try #require(Self.overall(outcome.summary))
        #expect(accuracy.n == 17)
        // 17 scored samples, of which s04, s08, s12, s16, s20 (target "no") miss: 12 / 17.
        #expect(abs(accuracy.value - 12.0 / 17.0) < 1e-12)

        let results = try await store.results(runID: outcome.run.id)
        let errored = results.filter { $0.status == .error }
        #expect(Set(errored.map(\.sample.id)) == ["s03", "s07", "s11"])
        for result in errored {
            #expect(result.score == nil)
            #expect(result.error?.contains("server_error") == true)
            #expect(result.error?.hasPrefix("model: ") == true)
        }
        let statuses = try await store.sampleStatuses(runID: outcome.run.id)
        #expect(statuses[SampleKey(sampleID: "s03", epoch: 1)] == .error)
        #expect(statuses[SampleKey(sampleID: "s04", epoch: 1)] == .scored)
    }

    @Test func resumeKeepsErrorsUnlessRetryErrorsIsSet() async throws {
        let store = try makeMemoryStore()
        let failing: Set<String> = ["prompt s03", "prompt s07", "prompt s11"]
        _ = try await EvalRunner(store: store).run(Self.request(Self.provider(failing: failing)))

        // A plain re-run resumes errored samples as they are.
        let plain = Self.provider()
        let resumed = try await EvalRunner(store: store).run(Self.request(plain))
        #expect(plain.callCount == 0)
        #expect(resumed.summary.errors == 3)

        // --retry-errors asks again for exactly the errored ones.
        let retry = Self.provider()
        let retried = try await EvalRunner(store: store).run(Self.request(retry, retryErrors: true))
        #expect(retry.callCount == 3)
        #expect(Set(retry.prompts) == failing)
        #expect(retried.attempted == 3)
        #expect(retried.summary.errors == 0)
        #expect(retried.summary.scored == 20)
        #expect(Self.overall(retried.summary)?.n == 20)
    }

    @Test func fatalProviderErrorStopsTheRunWithAnEndpointError() async throws {
        let store = try makeMemoryStore()
        let provider = ScriptedProvider { _ in throw ProviderError(.modelNotFound, status: 404, message: "no such model") }
        let error = await #expect(throws: SystemCardError.self) {
            _ = try await EvalRunner(store: store).run(Self.request(provider, concurrency: 2))
        }
        #expect(error?.kind == .endpoint)
        #expect(error?.message.contains("model_not_found") == true)
        // The run is recorded, but not as finished, and the fatal sample is not an errored result.
        let runs = try await store.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.status == .interrupted)
        #expect(provider.callCount <= 2)
    }

    @Test func epochsGiveOneResultPerSampleAndEpochButNCountsSamples() async throws {
        let store = try makeMemoryStore()
        let provider = Self.provider()
        let outcome = try await EvalRunner(store: store).run(Self.request(provider, limit: 5, epochs: 3))

        #expect(provider.callCount == 15)  // the epoch is part of the cache key
        #expect(outcome.summary.samples == 15)
        #expect(outcome.summary.scored == 15)
        #expect(Self.overall(outcome.summary)?.n == 5)
        let results = try await store.results(runID: outcome.run.id)
        #expect(results.count == 15)
        let bySample = Dictionary(grouping: results, by: \.sample.id)
        #expect(bySample.count == 5)
        #expect(bySample.values.allSatisfy { Set($0.map(\.epoch)) == [1, 2, 3] })
    }

    @Test func aGroupedSelectionShufflesWholeGroupsAndKeepsTheirOrder() {
        let samples = (0..<12).flatMap { prompt in
            ["none", "base64", "rot13"].map { technique in
                Sample(id: "p\(prompt)/\(technique)", messages: [.user("x")], metadata: ["prompt_id": "p\(prompt)"])
            }
        }
        let grouped = SampleSelection.select(samples, limit: 9, seed: 5, groupBy: "prompt_id")
        #expect(grouped.count == 9)
        // Three whole prompts, each with its three techniques in dataset order.
        for chunk in stride(from: 0, to: 9, by: 3) {
            let prompt = grouped[chunk].metadata["prompt_id"]!
            #expect(grouped[chunk..<chunk + 3].map(\.id) == ["none", "base64", "rot13"].map { "\(prompt)/\($0)" })
        }
        #expect(grouped.map(\.id) != Array(samples.prefix(9)).map(\.id))
        #expect(grouped.map(\.id) == SampleSelection.select(samples, limit: 9, seed: 5, groupBy: "prompt_id").map(\.id))
        // Without grouping, the same seed scatters a prompt's techniques.
        let scattered = SampleSelection.select(samples, limit: 9, seed: 5)
        #expect(Set(scattered.compactMap { $0.metadata["prompt_id"] }).count > 3)
    }

    /// The quick profile's floor: a limit is widened, in shuffled order, until each metric's row rests on the minimum
    /// (here the rare "unsafe" metric), never past what the data has, and with a sample group by whole groups.
    @Test func aFloorWidensTheLimitUntilEveryMetricRowHasTheMinimum() {
        let samples = (0..<60).map { index in
            Sample(id: "s\(index)", messages: [.user("x")], metadata: ["label": index % 10 == 0 ? "unsafe" : "safe"])
        }
        let metrics = [
            Metric(name: "all", summary: ""),
            Metric(name: "unsafe", summary: "", includes: { $0.metadata["label"] == "unsafe" }),
        ]
        let plain = SampleSelection.select(samples, limit: 10, seed: 3)
        let floored = SampleSelection.select(
            samples, limit: 10, seed: 3, floor: SampleSelection.Floor(metrics: metrics, minimum: 5))
        #expect(Array(floored.prefix(10)).map(\.id) == plain.map(\.id), "the limited samples come first, unchanged")
        #expect(floored.filter { $0.metadata["label"] == "unsafe" }.count == 5)
        #expect(floored.count == 10 + 5 - plain.filter { $0.metadata["label"] == "unsafe" }.count)
        #expect(Set(floored.map(\.id)).count == floored.count)
        // Only six unsafe samples exist: a floor of 8 takes all six and stops.
        let short = SampleSelection.select(samples, limit: 10, seed: 3, floor: SampleSelection.Floor(metrics: metrics, minimum: 8))
        #expect(short.filter { $0.metadata["label"] == "unsafe" }.count == 6)
        // With a sample group, whole groups are added.
        let grouped = samples.map { sample -> Sample in
            var sample = sample
            sample.metadata["prompt_id"] = "g\(Int(sample.id.dropFirst())! / 2)"
            return sample
        }
        let widened = SampleSelection.select(
            grouped, limit: 10, seed: 3, groupBy: "prompt_id", floor: SampleSelection.Floor(metrics: metrics, minimum: 5))
        let counts = Dictionary(grouping: widened, by: { $0.metadata["prompt_id"]! }).mapValues(\.count)
        #expect(counts.values.allSatisfy { $0 == 2 }, "\(counts)")
        #expect(widened.filter { $0.metadata["label"] == "unsafe" }.count >= 5)
    }

    @Test func seedGivesADeterministicShuffleAndLimitTakesAPrefix() async throws {
        let samples = MemoryDataset(count: 20).samples
        let unseeded = SampleSelection.select(samples, limit: nil, seed: nil).map(\.id)
        let seeded = SampleSelection.select(samples, limit: nil, seed: 7).map(\.id)
        #expect(unseeded == samples.map(\.id))
        #expect(seeded == SampleSelection.select(samples, limit: nil, seed: 7).map(\.id))
        #expect(seeded != unseeded)
        #expect(Set(seeded) == Set(unseeded))
        #expect(seeded != SampleSelection.select(samples, limit: nil, seed: 8).map(\.id))
        #expect(SampleSelection.select(samples, limit: 6, seed: 7).map(\.id) == Array(seeded.prefix(6)))
        #expect(SampleSelection.select(samples, limit: 6, seed: nil).map(\.id) == Array(unseeded.prefix(6)))

        // The runner works through exactly that selection, and stores results in that order.
        let store = try makeMemoryStore()
        let provider = Self.provider()
        let outcome = try await EvalRunner(store: store).run(Self.request(provider, limit: 6, seed: 7))
        #expect(provider.callCount == 6)
        #expect(outcome.summary.samples == 6)
        let results = try await store.results(runID: outcome.run.id)
        #expect(results.map(\.sample.id) == Array(seeded.prefix(6)))
        #expect(Set(provider.prompts) == Set(seeded.prefix(6).map { "prompt \($0)" }))
    }

    @Test func widerLimitResumesTheSameRun() async throws {
        let store = try makeMemoryStore()
        let first = try await EvalRunner(store: store).run(Self.request(Self.provider(), limit: 5))
        let provider = Self.provider()
        let second = try await EvalRunner(store: store).run(Self.request(provider, limit: 8))
        #expect(second.run.id == first.run.id)
        #expect(provider.callCount == 3)
        #expect(second.summary.samples == 8)
        #expect(second.summary.scored == 8)
    }

    @Test func noCacheAsksTheModelAgainForEverySample() async throws {
        let store = try makeMemoryStore()
        _ = try await EvalRunner(store: store).run(Self.request(Self.provider(), limit: 10))
        let provider = Self.provider()
        let again = try await EvalRunner(store: store).run(Self.request(provider, limit: 10, noCache: true))
        #expect(provider.callCount == 10)
        #expect(again.attempted == 10)
        #expect(again.summary.scored == 10)
        #expect(again.summary.samples == 10)
    }

    @Test func answersComeFromTheCallCacheWhenResultsAreMissing() async throws {
        // Two evaluations that differ only in version share no run but could share calls; here the same
        // run is re-run after its sample results are lost: the model calls are served from the cache.
        let store = try makeMemoryStore()
        let first = try await EvalRunner(store: store).run(Self.request(Self.provider(), limit: 4))
        var widened = Self.evaluation()
        widened.version = "2"
        let provider = Self.provider()
        let second = try await EvalRunner(store: store).run(Self.request(provider, evaluation: widened, limit: 4))
        #expect(second.run.id != first.run.id)
        #expect(provider.callCount == 0)
        let results = try await store.results(runID: second.run.id)
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.cached })
    }

    @Test func consecutiveEndpointErrorsStopTheRun() async throws {
        let store = try makeMemoryStore()
        let provider = ScriptedProvider { _ in throw ProviderError(.serverError, status: 503, message: "down") }
        let error = await #expect(throws: SystemCardError.self) {
            _ = try await EvalRunner(store: store).run(
                Self.request(provider, concurrency: 1, consecutiveErrorLimit: 3))
        }
        #expect(error?.kind == .runFailed)
        #expect(error?.message.contains("down") == true)
        #expect(provider.callCount == 3)
        let run = try #require(try await store.runs().first)
        #expect(run.status == .interrupted)
        #expect(run.summary?.errors == 3)
        #expect(run.summary?.missing == 17)
    }

    @Test func invalidRequestsAreRejectedBeforeAnyCall() async throws {
        let store = try makeMemoryStore()
        let provider = Self.provider()
        let zeroEpochs = await #expect(throws: SystemCardError.self) {
            _ = try await EvalRunner(store: store).run(Self.request(provider, epochs: 0))
        }
        #expect(zeroEpochs?.kind == .invalidInput)
        let zeroLimit = await #expect(throws: SystemCardError.self) {
            _ = try await EvalRunner(store: store).run(Self.request(provider, limit: 0))
        }
        #expect(zeroLimit?.kind == .invalidInput)
        var modelGraded = Self.request(provider)
        modelGraded.grader = .model
        let noModelGrader = await #expect(throws: SystemCardError.self) {
            _ = try await EvalRunner(store: store).run(modelGraded)
        }
        #expect(noModelGrader?.kind == .invalidInput)
        #expect(provider.callCount == 0)
    }
}
