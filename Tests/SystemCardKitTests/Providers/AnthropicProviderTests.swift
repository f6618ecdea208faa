import AsyncHTTPClient
import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// The Messages API provider: the request body it writes, and a loopback server that speaks the API.
struct AnthropicProviderTests {
    func body(_ request: ModelRequest) throws -> [String: Any] {
        let bytes = try AnthropicProvider.body(model: "claude-test", request: request)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func systemAndDeveloperGoInTheSystemFieldAndTurnsAlternate() throws {
        let json = try body(ModelRequest(
            messages: [
                .system("Be careful."), .developer("Answer in French."), .user("Hello"), .user("Are you there?"),
                .assistant("Oui."),
            ],
            settings: GenerationSettings(temperature: 0, maxTokens: 100)))
        #expect(json["system"] as? String == "Be careful.\n\nAnswer in French.")
        #expect(json["max_tokens"] as? Int == 100 && json["temperature"] as? Double == 0)
        let messages = try #require(json["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["user", "assistant"], "consecutive user turns are merged")
        #expect((messages[0]["content"] as? [[String: Any]])?.count == 2)
    }

    @Test func toolCallsAndResultsBecomeBlocksAndThinkingHasABudget() throws {
        let calls = [ToolCall(id: "toolu_1", name: "bash", arguments: #"{"cmd":"ls"}"#)]
        let json = try body(ModelRequest(
            messages: [.user("List files."), .assistant("", toolCalls: calls), .tool("a.txt", callID: "toolu_1")],
            settings: GenerationSettings(temperature: 1, maxTokens: 200, reasoningEffort: "medium"),
            tools: AgentTools.all, toolChoice: .required))
        let messages = try #require(json["messages"] as? [[String: Any]])
        let use = try #require((messages[1]["content"] as? [[String: Any]])?.first)
        #expect(use["type"] as? String == "tool_use" && (use["input"] as? [String: String]) == ["cmd": "ls"])
        let result = try #require((messages[2]["content"] as? [[String: Any]])?.first)
        #expect(result["type"] as? String == "tool_result" && result["tool_use_id"] as? String == "toolu_1")
        #expect((json["thinking"] as? [String: Any])?["budget_tokens"] as? Int == 4096)
        #expect(json["max_tokens"] as? Int == 4296, "the answer keeps its own 200 on top of the budget")
        #expect(json["temperature"] == nil, "no temperature with thinking")
        #expect((json["tools"] as? [[String: Any]])?.first?["input_schema"] != nil)
        #expect((json["tool_choice"] as? [String: String]) == ["type": "any"])
        #expect(throws: SystemCardError.self) {
            try AnthropicProvider.body(
                model: "m", request: ModelRequest(messages: [.user("x")], settings: GenerationSettings(reasoningEffort: "max")))
        }
    }

    @Test func aLoopbackMessagesServerAnswersThroughTheProvider() async throws {
        let server = try await FakeChatServer.start { request in
            request.authorization == "x-api-key sk-test" ? .answer("Bonjour \(request.system ?? "")") : .status(401)
        }
        let client = ModelFactory.makeHTTPClient(maxConnections: 4)
        let provider = AnthropicProvider(model: "claude-test", baseURL: server.baseURL, apiKey: "sk-test", client: client)
        let response = try await provider.generate(
            ModelRequest(messages: [.system("S"), .developer("D"), .user("Hi")], settings: GenerationSettings(maxTokens: 10)))
        #expect(response.text == "Bonjour S\n\nD" && response.developerRole == .folded)
        #expect(response.usage == TokenUsage(promptTokens: 10, completionTokens: 5))
        let unauthorized = AnthropicProvider(model: "claude-test", baseURL: server.baseURL, apiKey: "bad", client: client)
        await #expect(throws: ProviderError.self) { try await unauthorized.generate(ModelRequest(messages: [.user("Hi")])) }
        await server.stop()
        await ModelFactory.shutdown(client)
    }
}
