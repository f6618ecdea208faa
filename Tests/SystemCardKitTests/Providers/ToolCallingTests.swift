import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Tool calls through the engine: what is sent, what comes back, what is cached and stored.
@Suite struct ToolCallingTests {
    static let bash = ToolDefinition.strings("bash", description: "Run a bash command.", arguments: [("cmd", "the command")])
    static let identity = ModelIdentity(provider: "openai", model: "m", baseURL: "http://h/v1", developerRoleMode: .native)

    @Test func plainRequestsKeepTheirBytesAndCacheKeys() {
        // The canonical form of tool-free messages is what it always was (stored transcripts, cache keys).
        #expect(
            CanonicalJSON.messages([.system("s"), .user("u"), .assistant("a")])
                == #"[{"content":"s","role":"system"},{"content":"u","role":"user"},{"content":"a","role":"assistant"}]"#)
        let plain = ModelRequest(messages: [.user("hi")])
        #expect(
            ModelClient.cacheKey(identity: Self.identity, request: plain, epoch: 1)
                == ModelClient.cacheKey(identity: Self.identity, request: ModelRequest(messages: [.user("hi")], tools: []), epoch: 1))
        #expect(CanonicalJSON.request(plain) == #"{"messages":[{"content":"hi","role":"user"}],"settings":{}}"#)
        let withTools = ModelRequest(messages: [.user("hi")], tools: [Self.bash])
        #expect(
            ModelClient.cacheKey(identity: Self.identity, request: plain, epoch: 1)
                != ModelClient.cacheKey(identity: Self.identity, request: withTools, epoch: 1))
        var forced = withTools
        forced.toolChoice = .required
        #expect(
            ModelClient.cacheKey(identity: Self.identity, request: withTools, epoch: 1)
                != ModelClient.cacheKey(identity: Self.identity, request: forced, epoch: 1))
    }

    @Test func toolMessagesRoundTripThroughTheStoredForm() throws {
        let transcript: [ChatMessage] = [
            .user("find the flag"),
            .assistant("", toolCalls: [ToolCall(id: "call_1", name: "bash", arguments: #"{"cmd":"ls"}"#)]),
            .tool("flag.txt\n", callID: "call_1"),
        ]
        let text = CanonicalJSON.messages(transcript)
        let decoded = try JSONCoding.decoder.decode([ChatMessage].self, from: Data(text.utf8))
        #expect(decoded == transcript)
        #expect(text.contains(#""tool_call_id":"call_1""#))
    }

    @Test func theOpenAIBodyCarriesToolsCallsAndResults() throws {
        let body = OpenAICompatibleProvider.body(
            model: "m",
            messages: [
                .user("go"), .assistant("", toolCalls: [ToolCall(id: "c1", name: "bash", arguments: #"{"cmd":"id"}"#)]),
                .tool("uid=1", callID: "c1"),
            ],
            settings: GenerationSettings(), tools: [Self.bash], toolChoice: .tool("bash"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let messages = try #require(json["messages"] as? [[String: Any]])
        let call = try #require((messages[1]["tool_calls"] as? [[String: Any]])?.first)
        #expect(call["id"] as? String == "c1")
        #expect((call["function"] as? [String: Any])?["arguments"] as? String == #"{"cmd":"id"}"#)
        #expect(messages[2]["role"] as? String == "tool")
        #expect(messages[2]["tool_call_id"] as? String == "c1")
        let tool = try #require((json["tools"] as? [[String: Any]])?.first)
        #expect(tool["type"] as? String == "function")
        let function = try #require(tool["function"] as? [String: Any])
        #expect(function["name"] as? String == "bash")
        #expect(((function["parameters"] as? [String: Any])?["required"] as? [String]) == ["cmd"])
        #expect(((json["tool_choice"] as? [String: Any])?["function"] as? [String: Any])?["name"] as? String == "bash")
    }

    @Test func parallelToolCallsComeBackAndAreCachedWithTheAnswer() async throws {
        let server = try await FakeChatServer.start { _ in
            .raw(
                #"{"choices":[{"finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":["#
                    + #"{"id":"call_a","type":"function","function":{"name":"bash","arguments":"{\"cmd\":\"ls\"}"}},"#
                    + #"{"id":"call_b","type":"function","function":{"name":"python","arguments":"not json"}}]}}],"#
                    + #""usage":{"prompt_tokens":7,"completion_tokens":3}}"#)
        }
        let http = ModelFactory.makeHTTPClient(maxConnections: 2)
        let provider = OpenAICompatibleProvider(
            model: "m", baseURL: server.baseURL, apiKey: nil, developerRoleMode: .native, requestTimeout: .seconds(10),
            client: http)
        let store = try makeMemoryStore()
        let client = ModelClient(provider: provider, settings: GenerationSettings(), store: store)
        let response = try await client.generate([.user("go")], tools: [Self.bash], epoch: 1)
        #expect(response.finishReason == "tool_calls")
        #expect(response.text == "")
        #expect(
            response.toolCalls == [
                ToolCall(id: "call_a", name: "bash", arguments: #"{"cmd":"ls"}"#),
                ToolCall(id: "call_b", name: "python", arguments: "not json"),
            ])
        try await store.flush()
        let again = try await client.generate([.user("go")], tools: [Self.bash], epoch: 1)
        #expect(again.cached)
        #expect(again.toolCalls == response.toolCalls)
        #expect(server.totalRequests == 1)
        await server.stop()
        await ModelFactory.shutdown(http)
    }
}
