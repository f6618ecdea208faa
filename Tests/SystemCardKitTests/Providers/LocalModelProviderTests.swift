import Foundation
import SystemCardTestSupport
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

    // MARK: - Tools through the model's own chat template

    static let scriptedCall = #"{"name": "bash", "parameters": {"cmd": "echo scripted-$((6*7))"}}"#

    static func scriptedModel() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scripted-\(UUID().uuidString).gguf")
        try ScriptedToolModel.gguf(answer: scriptedCall).write(to: url)
        return url
    }

    static let bash = ToolDefinition.strings("bash", description: "Run a command.", arguments: [("cmd", "the command")])

    /// A model whose template offers tools gets them through the template, and its answer is read in the template's
    /// format (a bare JSON object with "parameters", which the ChatML convention would leave as text).
    @Test func toolsGoThroughTheModelsOwnTemplateAndCallsComeBackInItsFormat() async throws {
        let url = try Self.scriptedModel()
        defer { try? FileManager.default.removeItem(at: url) }
        let provider = try LocalModelProvider(file: url, name: "scripted", threads: 1)
        var request = ModelRequest(messages: [.system("Be brief."), .user("List the files.")], settings: GenerationSettings(temperature: 0, maxTokens: 64))
        request.tools = [Self.bash]
        let response = try await provider.generate(request)
        #expect(response.finishReason == "tool_calls")
        #expect(response.toolCalls == [ToolCall(id: "c00020000", name: "bash", arguments: #"{"cmd":"echo scripted-$((6*7))"}"#)])
        #expect(response.text == "")

        // The conversation goes on with the call and its result rendered by the template (an `ipython` turn).
        var next = request
        next.messages += [
            ChatMessage(role: .assistant, content: "", toolCalls: response.toolCalls),
            ChatMessage(role: .tool, content: "scripted-42\n", toolCallID: "c00020000"),
        ]
        let second = try await provider.generate(next)
        #expect(second.toolCalls.map(\.id) == ["c00040000"], "ids stay unique in the conversation")

        // With tool choice "none" the template gets no tools and the answer is text.
        request.toolChoice = ToolChoice.none
        #expect(try await provider.generate(request).toolCalls.isEmpty)

        // Without tools the same answer is plain text.
        let plain = try await provider.generate(ModelRequest(messages: [.user("hi")], settings: GenerationSettings(temperature: 0, maxTokens: 64)))
        #expect(plain.toolCalls.isEmpty)
        #expect(plain.text == Self.scriptedCall)
    }

    /// A conversation the template refuses (two calls at once where it takes one) is a bad request, not a crash
    /// and not the model's failure.
    @Test func aConversationTheTemplateRefusesIsABadRequest() async throws {
        let url = try Self.scriptedModel()
        defer { try? FileManager.default.removeItem(at: url) }
        let provider = try LocalModelProvider(file: url, name: "scripted", threads: 1)
        var request = ModelRequest(messages: [
            .user("two"),
            ChatMessage(role: .assistant, content: "", toolCalls: [
                ToolCall(id: "a", name: "bash", arguments: #"{"cmd":"ls"}"#), ToolCall(id: "b", name: "bash", arguments: "{}"),
            ]),
            ChatMessage(role: .tool, content: "x", toolCallID: "a"), ChatMessage(role: .tool, content: "y", toolCallID: "b"),
        ], settings: GenerationSettings(temperature: 0, maxTokens: 8))
        request.tools = [Self.bash]
        await #expect {
            try await provider.generate(request)
        } throws: { error in
            (error as? ProviderError)?.code == .badRequest && "\(error)".contains("one call at a time")
        }
    }
}
