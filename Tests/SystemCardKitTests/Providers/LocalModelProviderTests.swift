import Foundation
import SystemCardKit
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
}
