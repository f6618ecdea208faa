import Foundation
import GRDB
import SystemCardTestSupport
import Testing
@testable import SystemCardKit

/// The store contract, run against every backend this machine has (SQLite always; PostgreSQL on a server the test
/// support starts).
@Suite struct ResultStoreTests {
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

    @Test(arguments: StoreBackend.available) func openRunInsertsThenReturnsTheExistingRun(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func updateRunStoresStatusAndSummary(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func resultsRoundTripAfterFlush(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func multiTurnTranscriptsAreKept(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let run = try await store.openRun(Self.runRecord())
        var result = Self.scored(run.id, "a", ordinal: 0)
        result.transcript = result.sample.messages + [.assistant("First."), .user("And?"), .assistant("Answer a.")]
        try store.saveResult(result)
        try await store.flush()
        #expect(try await store.results(runID: run.id) == [result])
    }

    @Test(arguments: StoreBackend.available) func aNewResultReplacesTheOldOneAndAnErrorDropsTheScore(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func resultsAreOrderedByOrdinalThenEpoch(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func resultsOfOtherRunsAreSeparate(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.openRun(Self.runRecord(seed: 1))
        let second = try await store.openRun(Self.runRecord(seed: 2))
        #expect(first.id != second.id)
        try store.saveResult(Self.scored(first.id, "a", ordinal: 0))
        try await store.flush()
        #expect(try await store.results(runID: second.id).isEmpty)
        #expect(try await store.sampleStatuses(runID: second.id).isEmpty)
        #expect(try await store.results(runID: first.id).count == 1)
    }

    @Test(arguments: StoreBackend.available) func savedCallsAreServedFromTheCache(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func cachedAnswersKeepTheirLogProbabilities(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func runLookupByUniquePrefix(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func ambiguousPrefixIsAnError(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
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

    @Test(arguments: StoreBackend.available) func aFinishedRunIsNotMarkedUnfinishedByAnOlderSummary(
        _ backend: StoreBackend
    ) async throws {
        // Two shards of one run end at once: the one that saw every sample writes "finished"; the other's older
        // summary (samples missing) must not undo it. A reopened run (resume) is marked running first.
        let store = try await backend.makeStore()
        var run = try await store.openRun(Self.runRecord())
        run.status = .finished
        try await store.updateRun(run)
        run.status = .interrupted
        try await store.updateRun(run)
        #expect(try await store.run(id: run.id)?.status == .finished)
        _ = try await store.openRun(run)
        #expect(try await store.run(id: run.id)?.status == .running)
        try await store.updateRun(run)
        #expect(try await store.run(id: run.id)?.status == .interrupted)
    }

    @Test(arguments: StoreBackend.available) func concurrentOpensOfOneRunShareIt(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let record = Self.runRecord()
        let opened = try await withThrowingTaskGroup(of: RunRecord.self) { group in
            for _ in 0..<8 { group.addTask { try await store.openRun(record) } }
            return try await group.reduce(into: [RunRecord]()) { $0.append($1) }
        }
        #expect(Set(opened.map(\.id)) == [record.id])
        #expect(try await store.runs().count == 1)
    }

    @Test(arguments: StoreBackend.available) func toolCallsAndValidationsRoundTrip(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let request = ModelRequest(messages: [.user("list files")], settings: GenerationSettings(temperature: 0))
        let key = ModelClient.cacheKey(identity: Self.identity, request: request, epoch: 1)
        let response = ModelResponse(
            text: "", finishReason: "tool_calls",
            toolCalls: [ToolCall(id: "call_1", name: "bash", arguments: #"{"cmd":"ls -la"}"#)],
            usage: TokenUsage(promptTokens: 3, completionTokens: 4))
        try store.saveCall(ModelCallRecord(key: key, identity: Self.identity, request: request, epoch: 1, response: response))
        try await store.flush()
        #expect(try await store.cachedCallKeys(identity: Self.identity) == [key])
        #expect(try await store.cachedResponse(key: key)?.toolCalls == response.toolCalls)

        let record = ValidationRecord(
            kind: "xstest-grader", graderVersion: "v1", model: "openai/judge", baseURL: "http://127.0.0.1:1/v1",
            summary: "agreement 0.90 on 450 labels", datasetFiles: [DatasetFileDigest(path: "x.csv", sha256: "ab")],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        try await store.saveValidation(record)
        #expect(try await store.validation(kind: "xstest-grader", graderVersion: "v1", model: "openai/judge",
                                          baseURL: "http://127.0.0.1:1/v1") == record)
        #expect(try await store.validation(kind: "xstest-grader", graderVersion: "v2", model: "openai/judge",
                                          baseURL: "http://127.0.0.1:1/v1") == nil)
    }

    @Test(arguments: StoreBackend.available) func hostileTextIsStoredSafelyAndReadBack(_ backend: StoreBackend) async throws {
        // Quotes, backslashes, JSON and SQL-looking text, emoji, and a NUL character.
        let store = try await backend.makeStore()
        let run = try await store.openRun(Self.runRecord())
        var result = Self.scored(run.id, "a'; DROP TABLE samples; --", ordinal: 0)
        let hostile = #"He said "hi" \n {"a": [1]} '); DELETE FROM runs; -- 🙂 "# + "nul:\u{0}."
        result.completion = hostile
        result.transcript = result.sample.messages + [.assistant(hostile)]
        try store.saveResult(result)
        try await store.flush()
        let loaded = try #require(try await store.results(runID: run.id).first)
        // U+0000 is kept as U+FFFD by both stores (SQLite's text used to end at it, losing the rest).
        #expect(loaded.completion == hostile.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"))
        #expect(loaded.sample.id == "a'; DROP TABLE samples; --")
        #expect(try await store.runs().count == 1)
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable, "the PostgreSQL test server did not start (see postgresServerStarts)"))
    func aPostgresStorePersistsAcrossOpensAndMigratesOnce() async throws {
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let location = try PostgresLocation(url)
        // Four processes' worth of concurrent first opens: the advisory lock lets one create the tables.
        let stores = try await withThrowingTaskGroup(of: PostgresResultStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresResultStore.open(location) } }
            return try await group.reduce(into: [PostgresResultStore]()) { $0.append($1) }
        }
        let run = try await stores[0].openRun(Self.runRecord())
        try stores[1].saveResult(Self.scored(run.id, "a", ordinal: 0))
        try await stores[1].flush()
        for store in stores { await store.close() }
        let reopened = try await PostgresResultStore.open(location)
        #expect(try await reopened.results(runID: run.id) == [Self.scored(run.id, "a", ordinal: 0)])
        await reopened.close()
    }

    @Test(.enabled(if: PostgresTestServer.isInstalled, "PostgreSQL is not installed (apt-get install postgresql)"))
    func postgresServerStarts() throws {
        // Not a skip in disguise: where PostgreSQL is installed (CI installs it), the test server must start.
        _ = try PostgresTestServer.shared.get()
    }

    @Test func badPostgresURLsAndDeadServersAreClearErrorsWithoutThePassword() async throws {
        for (url, fragment) in [
            ("postgres://127.0.0.1/db", "names no user"), ("postgres://u@/db", "names no host"),
            ("postgres://u@h:5432/", "names no database"), ("postgres://u@h/db?sslmode=maybe", "sslmode must be"),
            ("postgres://u@h/db?timeout=3", "unknown URL parameter"),
        ] {
            let error = #expect(throws: SystemCardError.self) { _ = try PostgresLocation(url) }
            #expect(error?.message.contains(fragment) == true, "\(url): \(error?.message ?? "")")
        }
        #expect(try PostgresLocation("postgres://u@h/db?sslmode=verify-full").tls == .verifyFull)
        let location = try PostgresLocation("postgres://me:s3cret-pw@127.0.0.1:1/db?sslmode=disable")
        #expect(location.description == "postgres://me@127.0.0.1:1/db?sslmode=disable")
        let error = await #expect(throws: SystemCardError.self) { _ = try await PostgresResultStore.open(location) }
        #expect(error?.kind == .store)
        #expect(error?.message.contains("cannot connect to PostgreSQL at postgres://me@127.0.0.1:1/db") == true)
        #expect(error?.message.contains("s3cret") == false)
        #expect(try StoreLocation("/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try PostgresLocation("postgresql://me@db.internal/cards", environment: ["PGPASSWORD": "pw"]).password == "pw")
    }

    @Test(arguments: StoreBackend.available) func batchesAreKeptPerRunAndReplacedById(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let run = try await store.openRun(Self.runRecord())
        let line = BatchLine(key: "k1", epoch: 1, request: ModelRequest(messages: [.user("hi")]))
        var batch = BatchRecord(
            id: "batch_1", runID: run.id, model: "openai/m", baseURL: "http://x/v1", status: "validating", lines: [line],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        try await store.saveBatch(batch)
        try await store.saveBatch(
            BatchRecord(id: "batch_2", runID: "other", model: "openai/m", baseURL: "http://x/v1", status: "completed", lines: []))
        batch.status = "completed"
        batch.imported = true
        try await store.saveBatch(batch)
        #expect(try await store.batches(runID: run.id) == [batch])
        #expect(try await store.batches(runID: "nothing").isEmpty)
    }

    @Test(arguments: StoreBackend.available) func oneCommitKeepsTheSameSampleOfTwoRuns(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.openRun(Self.runRecord(seed: 1))
        let second = try await store.openRun(Self.runRecord(seed: 2))
        try store.saveResult(Self.scored(first.id, "a", ordinal: 0, value: 1))
        try store.saveResult(Self.scored(second.id, "a", ordinal: 0, value: 0))
        try await store.flush()
        #expect(try await store.results(runID: first.id).map(\.score?.value) == [1])
        #expect(try await store.results(runID: second.id).map(\.score?.value) == [0])
    }
}
