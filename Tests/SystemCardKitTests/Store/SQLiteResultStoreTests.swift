import Foundation
import GRDB
import Testing
@testable import SystemCardKit

@Suite struct SQLiteResultStoreTests {
    static let identity = ModelIdentity(
        provider: "openai", model: "gpt-test", baseURL: "http://127.0.0.1:1/v1", developerRoleMode: .auto)

    static func runRecord(evaluation: String = "xstest", seed: Int? = nil) -> RunRecord {
        let configuration = RunConfiguration(
            evaluation: evaluation, evaluationVersion: "1", options: ["set": "all"], model: identity,
            settings: GenerationSettings(temperature: 0, maxTokens: 64), grader: "rules", graderVersion: "v1",
            graderModel: nil, epochs: 1, seed: seed, datasetFiles: [DatasetFileDigest(path: "x/y.csv", sha256: "abc")])
        return RunRecord(
            id: configuration.runID, evaluation: evaluation, evaluationVersion: "1", model: identity.spec,
            baseURL: identity.baseURL, configuration: configuration)
    }

    static func sample(_ id: String) -> Sample {
        Sample(
            id: id, messages: [.system("Be safe."), .user("Question \(id)?")], target: "comply",
            metadata: ["type": "homonyms", "label": "safe"])
    }

    static func scored(_ runID: String, _ id: String, ordinal: Int, epoch: Int = 1, value: Double = 1) -> SampleResult {
        let sample = sample(id)
        return SampleResult(
            runID: runID, sample: sample, epoch: epoch, ordinal: ordinal, status: .scored, completion: "Answer \(id).",
            transcript: sample.messages + [.assistant("Answer \(id).")],
            score: Score(value: value, label: "full_compliance", explanation: "no refusal phrase", judgeOutput: "CLASS: full_compliance"),
            grader: "rules", error: nil, usage: TokenUsage(promptTokens: 11, completionTokens: 5),
            graderUsage: TokenUsage(promptTokens: 2, completionTokens: 1), developerRole: .native, cached: false,
            latencyMilliseconds: 42)
    }

    static func errored(_ runID: String, _ id: String, ordinal: Int) -> SampleResult {
        let sample = sample(id)
        return SampleResult(
            runID: runID, sample: sample, epoch: 1, ordinal: ordinal, status: .error, completion: nil,
            transcript: sample.messages, score: nil, grader: "rules", error: "model: server_error (HTTP 500): boom",
            usage: TokenUsage(), graderUsage: TokenUsage(), developerRole: .none, cached: false, latencyMilliseconds: 3)
    }

    @Test func openRunInsertsThenReturnsTheExistingRun() async throws {
        let store = try makeMemoryStore()
        var record = Self.runRecord()
        let opened = try await store.openRun(record)
        #expect(opened.id == record.id)
        #expect(opened.status == .running)

        record.status = .finished
        try await store.updateRun(record)
        var other = Self.runRecord()
        other.model = "something else"  // same id: the stored run wins
        let reopened = try await store.openRun(other)
        #expect(reopened.id == record.id)
        #expect(reopened.model == Self.identity.spec)
        #expect(reopened.configuration == record.configuration)
        #expect(reopened.status == .running)
        #expect(try await store.runs().count == 1)
        #expect(try await store.run(id: record.id)?.status == .running)
    }

    @Test func updateRunStoresStatusAndSummary() async throws {
        let store = try makeMemoryStore()
        var record = try await store.openRun(Self.runRecord())
        let summary = RunSummary(
            samples: 2, scored: 1, errors: 1, missing: 0, usage: TokenUsage(promptTokens: 5, completionTokens: 6),
            graderUsage: TokenUsage(), developerRole: ["folded": 1],
            metrics: [MetricResult(name: "m", value: 1, ciLow: 0.2, ciHigh: 1, n: 1)])
        record.summary = summary
        record.status = .finished
        try await store.updateRun(record)
        let loaded = try #require(try await store.run(id: record.id))
        #expect(loaded.status == .finished)
        #expect(loaded.summary == summary)
        #expect(loaded.configuration == record.configuration)
        #expect(loaded.evaluation == "xstest")
    }

    @Test func resultsRoundTripAfterFlush() async throws {
        let store = try makeMemoryStore()
        let run = try await store.openRun(Self.runRecord())
        let good = Self.scored(run.id, "a", ordinal: 0)
        let bad = Self.errored(run.id, "b", ordinal: 1)
        try store.saveResult(good)
        try store.saveResult(bad)
        try await store.flush()

        let statuses = try await store.sampleStatuses(runID: run.id)
        #expect(statuses == [SampleKey(sampleID: "a", epoch: 1): .scored, SampleKey(sampleID: "b", epoch: 1): .error])

        let results = try await store.results(runID: run.id)
        #expect(results.count == 2)
        #expect(results[0] == good)
        let loadedBad = results[1]
        #expect(loadedBad.status == .error)
        #expect(loadedBad.score == nil)
        #expect(loadedBad.error == bad.error)
        #expect(loadedBad.sample == bad.sample)
        #expect(loadedBad.transcript == bad.transcript)
        #expect(loadedBad.completion == nil)
        #expect(loadedBad.grader == "rules")

        let rows = try await store.resultRows(runID: run.id).sorted { $0.key.sampleID < $1.key.sampleID }
        #expect(rows.count == 2)
        #expect(rows[0].key == SampleKey(sampleID: "a", epoch: 1))
        #expect(rows[0].status == .scored)
        #expect(rows[0].score?.value == 1)
        #expect(rows[0].score?.label == "full_compliance")
        #expect(rows[0].usage == TokenUsage(promptTokens: 11, completionTokens: 5))
        #expect(rows[0].graderUsage == TokenUsage(promptTokens: 2, completionTokens: 1))
        #expect(rows[0].developerRole == .native)
        #expect(rows[1].status == .error)
        #expect(rows[1].score == nil)
    }

    @Test func multiTurnTranscriptsAreKept() async throws {
        let store = try makeMemoryStore()
        let run = try await store.openRun(Self.runRecord())
        var result = Self.scored(run.id, "a", ordinal: 0)
        result.transcript = result.sample.messages + [.assistant("First."), .user("And?"), .assistant("Answer a.")]
        try store.saveResult(result)
        try await store.flush()
        #expect(try await store.results(runID: run.id) == [result])
    }

    @Test func aNewResultReplacesTheOldOneAndAnErrorDropsTheScore() async throws {
        let store = try makeMemoryStore()
        let run = try await store.openRun(Self.runRecord())
        try store.saveResult(Self.errored(run.id, "a", ordinal: 0))
        try store.saveResult(Self.scored(run.id, "a", ordinal: 0, value: 0))
        try await store.flush()
        var results = try await store.results(runID: run.id)
        #expect(results.count == 1)
        #expect(results.first?.status == .scored)
        #expect(results.first?.score?.value == 0)

        try store.saveResult(Self.errored(run.id, "a", ordinal: 0))
        try await store.flush()
        results = try await store.results(runID: run.id)
        #expect(results.count == 1)
        #expect(results.first?.status == .error)
        #expect(results.first?.score == nil)
        #expect(try await store.resultRows(runID: run.id).first?.score == nil)
    }

    @Test func resultsAreOrderedByOrdinalThenEpoch() async throws {
        let store = try makeMemoryStore()
        let run = try await store.openRun(Self.runRecord())
        // Saved out of order, with ids that sort differently from their ordinals.
        try store.saveResult(Self.scored(run.id, "z", ordinal: 0, epoch: 2))
        try store.saveResult(Self.scored(run.id, "a", ordinal: 2))
        try store.saveResult(Self.scored(run.id, "m", ordinal: 1))
        try store.saveResult(Self.scored(run.id, "z", ordinal: 0, epoch: 1))
        try await store.flush()
        let order = try await store.results(runID: run.id).map { "\($0.sample.id)#\($0.epoch)" }
        #expect(order == ["z#1", "z#2", "m#1", "a#1"])
    }

    @Test func resultsOfOtherRunsAreSeparate() async throws {
        let store = try makeMemoryStore()
        let first = try await store.openRun(Self.runRecord(seed: 1))
        let second = try await store.openRun(Self.runRecord(seed: 2))
        #expect(first.id != second.id)
        try store.saveResult(Self.scored(first.id, "a", ordinal: 0))
        try await store.flush()
        #expect(try await store.results(runID: second.id).isEmpty)
        #expect(try await store.sampleStatuses(runID: second.id).isEmpty)
        #expect(try await store.results(runID: first.id).count == 1)
    }

    @Test func savedCallsAreServedFromTheCache() async throws {
        let store = try makeMemoryStore()
        let request = ModelRequest(messages: [.user("hi")], settings: GenerationSettings(temperature: 0))
        let key = ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 1)
        #expect(try await store.cachedResponse(key: key) == nil)
        let response = ModelResponse(
            text: "hello there", finishReason: "length", usage: TokenUsage(promptTokens: 9, completionTokens: 8),
            developerRole: .folded)
        try store.saveCall(ModelCallRecord(key: key, identity: Self.identity, request: request, epoch: 1, response: response))
        try await store.flush()
        let cached = try #require(try await store.cachedResponse(key: key))
        #expect(cached.cached)
        #expect(cached.text == "hello there")
        #expect(cached.finishReason == "length")
        #expect(cached.usage == TokenUsage(promptTokens: 9, completionTokens: 8))
        #expect(cached.developerRole == .folded)
        #expect(cached.firstTokenLogprobs == nil)
    }

    @Test func cachedAnswersKeepTheirLogProbabilities() async throws {
        let store = try makeMemoryStore()
        var settings = GenerationSettings(temperature: 0)
        settings.topLogprobs = 2
        let request = ModelRequest(messages: [.user("yes or no?")], settings: settings)
        let key = ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 1)
        #expect(key != ModelClient.cacheKey(
            identity: Self.identity, request: ModelRequest(messages: [.user("yes or no?")], settings: GenerationSettings(temperature: 0)),
            epoch: 1))
        var response = ModelResponse(text: "Yes")
        response.firstTokenLogprobs = [TokenLogprob(token: "Yes", logprob: -0.1), TokenLogprob(token: "No", logprob: -2.4)]
        try store.saveCall(ModelCallRecord(key: key, identity: Self.identity, request: request, epoch: 1, response: response))
        try await store.flush()
        let cached = try #require(try await store.cachedResponse(key: key))
        #expect(cached.firstTokenLogprobs == response.firstTokenLogprobs)
    }

    @Test func cacheKeysDependOnEverythingThatChangesTheAnswer() {
        let request = ModelRequest(messages: [.user("hi")], settings: GenerationSettings(temperature: 0))
        let base = ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 1)
        #expect(base == ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 1))
        #expect(base.count == 64)
        #expect(base != ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 2))
        var otherModel = Self.identity
        otherModel.model = "gpt-other"
        #expect(base != ModelClient.cacheKey(identity: otherModel, request: request, epoch: 1))
        var otherMode = Self.identity
        otherMode.developerRoleMode = .fold
        #expect(base != ModelClient.cacheKey(identity: otherMode, request: request, epoch: 1))
        var warmer = request
        warmer.settings.temperature = 1
        #expect(base != ModelClient.cacheKey(identity: Self.identity, request: warmer, epoch: 1))
        let developer = ModelRequest(messages: [.developer("hi")], settings: request.settings)
        #expect(base != ModelClient.cacheKey(identity: Self.identity, request: developer, epoch: 1))
    }

    @Test func runLookupByUniquePrefix() async throws {
        let store = try makeMemoryStore()
        let run = try await store.openRun(Self.runRecord())
        let other = try await store.openRun(Self.runRecord(evaluation: "other"))
        #expect(run.id.hasPrefix("xstest-"))
        #expect(try await store.run(id: run.id)?.id == run.id)
        #expect(try await store.run(id: String(run.id.prefix(10)))?.id == run.id)
        #expect(try await store.run(id: "oth")?.id == other.id)
        #expect(try await store.run(id: "nothing-like-it") == nil)
        // `_` and `%` are literal characters in a prefix, not LIKE wildcards.
        #expect(try await store.run(id: "xstest%") == nil)
        #expect(try await store.run(id: "_stest") == nil)
    }

    @Test func ambiguousPrefixIsAnError() async throws {
        let store = try makeMemoryStore()
        _ = try await store.openRun(Self.runRecord(seed: 1))
        _ = try await store.openRun(Self.runRecord(seed: 2))
        let error = await #expect(throws: SystemCardError.self) { _ = try await store.run(id: "xstest-") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("ambiguous") == true)
    }

    @Test func fileBackedStorePersistsAcrossOpens() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("nested/folder/systemcard.sqlite").path
        let runID: String
        do {
            let store = try SQLiteResultStore(path: path)
            let run = try await store.openRun(Self.runRecord())
            runID = run.id
            try store.saveResult(Self.scored(run.id, "a", ordinal: 0))
            try store.saveResult(Self.errored(run.id, "b", ordinal: 1))
            try await store.flush()
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let reopened = try SQLiteResultStore(path: path)
        let run = try #require(try await reopened.run(id: runID))
        #expect(run.configuration == Self.runRecord().configuration)
        let results = try await reopened.results(runID: runID)
        #expect(results.map(\.sample.id) == ["a", "b"])
        #expect(results.first == Self.scored(runID, "a", ordinal: 0))
        #expect(try await reopened.sampleStatuses(runID: runID).count == 2)
    }

    @Test func unwritableDatabaseLocationIsAStoreError() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let blocker = try temporary.write("not a folder", to: "blocker")
        let error = #expect(throws: SystemCardError.self) {
            _ = try SQLiteResultStore(path: blocker.appendingPathComponent("db.sqlite").path)
        }
        #expect(error?.kind == .store)
    }
}
