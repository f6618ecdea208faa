import Foundation
@testable import SystemCardKit
import Testing

/// The embedded engine behind `local/...`, on the tiny qwen2 model committed as a LocalInference fixture (our own
/// random weights): replies, and cancellation of the calling task reaching the engine's queue.
struct LocalModelProviderTests {
    static let modelFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../LocalInferenceTests/Fixtures/qwen2-synthetic.gguf").standardizedFileURL

    let request = ModelRequest(messages: [.user("hello")], settings: GenerationSettings(temperature: 0, maxTokens: 8))

    @Test func answersOnTheEngine() async throws {
        let provider = try LocalModelProvider(file: Self.modelFile, name: "qwen2-synthetic", threads: 1)
        let response = try await provider.generate(request)
        #expect(response.usage.completionTokens == 8)
        #expect(response.finishReason == "length")
    }

    /// The first token's alternatives: most likely first, the greedy answer's first token among them at the top,
    /// probabilities that sum to at most 1; none unless asked.
    @Test func reportsTheFirstTokensLogProbabilitiesWhenAsked() async throws {
        let provider = try LocalModelProvider(file: Self.modelFile, name: "qwen2-synthetic", threads: 1)
        var settings = GenerationSettings(temperature: 0, maxTokens: 1)
        #expect(try await provider.generate(ModelRequest(messages: [.user("hello")], settings: settings)).firstTokenLogprobs == nil)
        settings.topLogprobs = 5
        let response = try await provider.generate(ModelRequest(messages: [.user("hello")], settings: settings))
        let top = try #require(response.firstTokenLogprobs)
        #expect(top.count == 5)
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.logprob >= $1.logprob })
        #expect(top.allSatisfy { $0.logprob <= 0 })
        #expect(top.reduce(0) { $0 + exp($1.logprob) } <= 1 + 1e-9)
        #expect(response.text.hasPrefix(top[0].token) || top[0].token.isEmpty, "greedy decoding takes the most likely token")
    }

    @Test func aCancelledTaskGetsACancellationError() async throws {
        let provider = try LocalModelProvider(file: Self.modelFile, name: "qwen2-synthetic", threads: 1)
        let request = self.request
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await provider.generate(request)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        // The provider still serves the next request.
        #expect(try await provider.generate(request).usage.completionTokens == 8)
    }

    /// Requests that arrive together are decoded in one batch, each with the reply it would get alone; a cancelled
    /// request in the batch does not disturb the others.
    @Test func concurrentRequestsGetTheirOwnReplies() async throws {
        let prompts = ["hello", "tell me a story about the sea", "hi", "one two three four five six seven"]
        let requests = prompts.enumerated().map { i, prompt in
            ModelRequest(
                messages: [.user(prompt)],
                settings: GenerationSettings(temperature: i == 1 ? 0.9 : 0, maxTokens: 6 + 3 * i, seed: i))
        }
        var alone: [String] = []
        for request in requests {
            // A fresh provider each: a cold cache, as in the batch.
            let provider = try LocalModelProvider(file: Self.modelFile, name: "qwen2-synthetic", threads: 1)
            alone.append(try await provider.generate(request).text)
        }
        let provider = try LocalModelProvider(file: Self.modelFile, name: "qwen2-synthetic", threads: 1)
        let replies = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for (i, request) in requests.enumerated() {
                group.addTask { (i, try await provider.generate(request).text) }
            }
            group.addTask {
                let cancelled = Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await provider.generate(requests[0])
                }
                await #expect(throws: CancellationError.self) { try await cancelled.value }
                return (-1, nil)
            }
            var replies = [String](repeating: "", count: requests.count)
            for try await (i, text) in group where i >= 0 { replies[i] = text ?? "" }
            return replies
        }
        #expect(replies == alone)
    }
}
