import Foundation
import Testing
@testable import SystemCardKit

/// Cancelling a run (what Ctrl-C does) keeps finished samples and marks the run interrupted.
@Suite struct InterruptTests {
    /// Answers the first five prompts at once and hangs on the rest until cancelled.
    static func provider() -> ScriptedAsyncProvider {
        ScriptedAsyncProvider { request in
            let prompt = request.messages.last?.content ?? ""
            let number = Int(prompt.suffix(2)) ?? 0
            if number > 5 { try await Task.sleep(for: .seconds(600)) }
            return ModelResponse(text: "yes")
        }
    }

    @Test func cancellingARunSavesFinishedSamplesAndMarksItInterrupted() async throws {
        let store = try makeMemoryStore()
        let provider = Self.provider()
        let request = EvalRunnerTests.request(provider, concurrency: 8)
        let task = Task { try await EvalRunner(store: store).run(request) }
        // 8 samples start at once; a new one starts only after one finishes, so 13 calls means the five
        // quick samples are finished and saved and eight samples hang.
        while provider.callCount < 13 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()

        let result = await task.result
        let error = try #require(result.failure as? SystemCardError, "expected SystemCardError, got \(result)")
        #expect(error.kind == .interrupted)
        #expect(error.message.contains("resume"))

        let run = try #require(try await store.runs().first)
        #expect(run.status == .interrupted)
        #expect(run.summary?.scored == 5)
        #expect(run.summary?.missing == 15)
        let results = try await store.results(runID: run.id)
        #expect(results.map(\.sample.id) == ["s01", "s02", "s03", "s04", "s05"])
        #expect(results.allSatisfy { $0.status == .scored })

        // The same command afterwards resumes: only the fifteen unfinished samples are asked.
        let again = ScriptedProvider()
        let resumed = try await EvalRunner(store: store).run(EvalRunnerTests.request(again))
        #expect(again.callCount == 15)
        #expect(resumed.summary.scored == 20)
        #expect(resumed.run.status == .finished)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// Like ``ScriptedProvider`` but the answer may suspend (and be cancelled).
final class ScriptedAsyncProvider: ModelProvider {
    let identity = ModelIdentity(
        provider: "test", model: "test-model", baseURL: "http://test.invalid/v1", developerRoleMode: .native)
    private let calls = Counter()
    private let answer: @Sendable (ModelRequest) async throws -> ModelResponse

    init(answer: @escaping @Sendable (ModelRequest) async throws -> ModelResponse) {
        self.answer = answer
    }

    var callCount: Int { calls.value }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        calls.increment()
        return try await answer(request)
    }
}
