import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Chat Completions over HTTP: OpenAI, vLLM, Ollama, llama.cpp server, LM Studio and anything else that
/// speaks `POST {baseURL}/chat/completions`.
///
/// The API key is sent as a bearer token and kept nowhere else: not in ``identity``, errors or logs.
struct OpenAICompatibleProvider: ModelProvider {
    let identity: ModelIdentity
    let client: HTTPClient
    private let endpoint: String
    let apiKey: String?
    let requestTimeout: Duration
    private let foldLearned: FoldState
    private let logger: Logger

    /// - Parameters:
    ///   - model: the model name the endpoint expects.
    ///   - baseURL: e.g. `https://api.openai.com/v1`; `/chat/completions` is appended.
    ///   - apiKey: bearer token, or nil for endpoints without authentication.
    ///   - developerRoleMode: how `developer` messages are sent.
    ///   - client: the shared HTTP client.
    ///   - logger: requests and responses at `trace` (never headers or the key), a learned fold at `notice`.
    init(
        model: String, baseURL: String, apiKey: String?, developerRoleMode: DeveloperRoleMode = .auto,
        requestTimeout: Duration = .seconds(120), client: HTTPClient, logger: Logger = .disabled
    ) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.identity = ModelIdentity(
            provider: "openai", model: model, baseURL: trimmed, developerRoleMode: developerRoleMode)
        self.endpoint = trimmed + "/chat/completions"
        self.apiKey = apiKey
        self.requestTimeout = requestTimeout
        self.client = client
        self.foldLearned = FoldState()
        self.logger = logger
    }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let hasDeveloper = request.messages.contains { $0.role == .developer }
        let fold: Bool
        switch identity.developerRoleMode {
        case .native: fold = false
        case .fold: fold = true
        case .auto: fold = foldLearned.value
        }
        do {
            return try await send(request, fold: fold && hasDeveloper, hasDeveloper: hasDeveloper)
        } catch let error as ProviderError
            where identity.developerRoleMode == .auto && hasDeveloper && !fold && error.code == .badRequest
            && error.message.lowercased().contains("developer")
        {
            // The endpoint does not take the developer role: fold it from now on, and record that we did.
            if !foldLearned.value {
                logger.notice(
                    "endpoint rejects the developer role: folding developer messages into the system message",
                    metadata: ["model": "\(identity.spec)", "base_url": "\(identity.baseURL)"])
            }
            foldLearned.value = true
            return try await send(request, fold: true, hasDeveloper: true)
        }
    }

    private func send(_ request: ModelRequest, fold: Bool, hasDeveloper: Bool) async throws -> ModelResponse {
        let messages = fold ? request.messages.foldingDeveloperIntoSystem() : request.messages
        let body = Self.body(
            model: identity.model, messages: messages, settings: request.settings, tools: request.tools,
            toolChoice: request.toolChoice)
        var headers = [("Accept", "application/json")]
        if let apiKey, !apiKey.isEmpty { headers.append(("Authorization", "Bearer \(apiKey)")) }
        logger.trace(
            "request",
            metadata: ["url": "\(endpoint)", "model": "\(identity.model)", "messages": "\(messages.count)", "bytes": "\(body.count)"])
        let sent = ContinuousClock.now
        let reply = try await JSONEndpoint(
            client: client, url: endpoint, baseURL: identity.baseURL, requestTimeout: requestTimeout
        ).post(body, headers: headers, apiKey: apiKey, model: identity.model, keyVariable: "OPENAI_API_KEY")
        let (status, bodyText, buffer) = (reply.status, reply.text, reply.buffer)
        logger.trace(
            "response",
            metadata: [
                "model": "\(identity.model)", "status": "\(status)", "bytes": "\(buffer.readableBytes)",
                "ms": "\(sent.duration(to: .now).inMilliseconds)",
            ])
        return try Self.response(
            Data(buffer.readableBytesView), text: bodyText, status: status,
            delivery: hasDeveloper ? (fold ? .folded : .native) : .none)
    }

    /// The developer-role delivery a request would have if sent now (what a batch line records).
    func delivery(for request: ModelRequest) -> (fold: Bool, delivery: DeveloperRoleDelivery) {
        let hasDeveloper = request.messages.contains { $0.role == .developer }
        let fold = identity.developerRoleMode == .fold || (identity.developerRoleMode == .auto && foldLearned.value)
        return (fold && hasDeveloper, hasDeveloper ? (fold ? .folded : .native) : .none)
    }

    /// The request body a live call would send (for a batch line).
    func body(for request: ModelRequest) -> [UInt8] {
        let fold = delivery(for: request).fold
        return Self.body(
            model: identity.model, messages: fold ? request.messages.foldingDeveloperIntoSystem() : request.messages,
            settings: request.settings, tools: request.tools, toolChoice: request.toolChoice)
    }

    /// A chat completion body read into a ``ModelResponse`` (live answers and batch output lines alike).
    static func response(_ data: Data, text bodyText: String, status: Int, delivery: DeveloperRoleDelivery) throws
        -> ModelResponse
    {
        let decoded: ChatCompletionResponse
        do {
            decoded = try JSONCoding.decoder.decode(ChatCompletionResponse.self, from: data)
        } catch {
            throw ProviderError(
                .malformedResponse, status: status,
                message: "response is not a chat completion: \(RunText.excerpt(bodyText, limit: 300))")
        }
        guard let choice = decoded.choices.first else {
            throw ProviderError(.malformedResponse, status: status, message: "response has no choices")
        }
        let text = choice.message?.content ?? choice.message?.refusal ?? ""
        // Arguments are kept as the model wrote them (a malformed one goes back to the model as the tool's error).
        let calls = (choice.message?.tool_calls ?? []).enumerated().map { index, call in
            ToolCall(
                id: call.id ?? "call_\(index)", name: call.function?.name ?? "",
                arguments: call.function?.arguments ?? "")
        }
        let usage = TokenUsage(
            promptTokens: decoded.usage?.prompt_tokens ?? 0, completionTokens: decoded.usage?.completion_tokens ?? 0)
        var response = ModelResponse(
            text: text, finishReason: choice.finish_reason, toolCalls: calls, usage: usage, developerRole: delivery)
        if let first = choice.logprobs?.content?.first {
            response.firstTokenLogprobs = (first.top_logprobs ?? []).map { TokenLogprob(token: $0.token, logprob: $0.logprob) }
            if response.firstTokenLogprobs?.isEmpty == true, let token = first.token, let logprob = first.logprob {
                response.firstTokenLogprobs = [TokenLogprob(token: token, logprob: logprob)]
            }
        }
        return response
    }

    /// The Chat Completions request body. Unset settings are left out (the endpoint's defaults apply);
    /// with a reasoning effort, the token cap is sent as `max_completion_tokens` as reasoning models require.
    static func body(
        model: String, messages: [ChatMessage], settings: GenerationSettings, tools: [ToolDefinition] = [],
        toolChoice: ToolChoice? = nil
    ) -> [UInt8] {
        var writer = CanonicalJSON(capacity: 192 + messages.reduce(0) { $0 + $1.content.utf8.count + 32 })
        writer.raw("{\"model\":")
        writer.string(model)
        writer.raw(",\"messages\":[")
        for (index, message) in messages.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"role\":")
            writer.string(message.role.rawValue)
            writer.raw(",\"content\":")
            writer.string(message.content)
            if let calls = message.toolCalls, !calls.isEmpty {
                writer.raw(",\"tool_calls\":[")
                for (index, call) in calls.enumerated() {
                    if index > 0 { writer.raw(",") }
                    writer.raw("{\"id\":")
                    writer.string(call.id)
                    writer.raw(",\"type\":\"function\",\"function\":{\"name\":")
                    writer.string(call.name)
                    writer.raw(",\"arguments\":")
                    writer.string(call.arguments)
                    writer.raw("}}")
                }
                writer.raw("]")
            }
            if let id = message.toolCallID {
                writer.raw(",\"tool_call_id\":")
                writer.string(id)
            }
            writer.raw("}")
        }
        writer.raw("]")
        if !tools.isEmpty {
            writer.raw(",\"tools\":")
            writer.tools(tools)
            switch toolChoice {
            case nil: break
            case .tool(let name)?:
                writer.raw(",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":")
                writer.string(name)
                writer.raw("}}")
            case let choice?:
                writer.raw(",\"tool_choice\":")
                writer.string(choice.wireName)
            }
        }
        if let temperature = settings.temperature {
            writer.raw(",\"temperature\":")
            writer.number(temperature)
        }
        if let maxTokens = settings.maxTokens {
            writer.raw(settings.reasoningEffort == nil ? ",\"max_tokens\":" : ",\"max_completion_tokens\":")
            writer.number(maxTokens)
        }
        if let seed = settings.seed {
            writer.raw(",\"seed\":")
            writer.number(seed)
        }
        if let effort = settings.reasoningEffort {
            writer.raw(",\"reasoning_effort\":")
            writer.string(effort)
        }
        if let top = settings.topLogprobs {
            writer.raw(",\"logprobs\":true,\"top_logprobs\":")
            writer.number(top)
        }
        if let arguments = settings.chatTemplateArguments {
            writer.raw(",\"chat_template_kwargs\":")
            writer.value(.object(arguments))
        }
        writer.raw("}")
        return writer.bytes
    }
}

/// Whether an `auto` provider has learned to fold developer messages (shared by copies of the provider).
final class FoldState: Sendable {
    private let state = Mutex(false)
    var value: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
            var refusal: String?
            var tool_calls: [Call]?
        }
        struct Call: Decodable {
            struct Function: Decodable {
                var name: String?
                var arguments: String?
            }
            var id: String?
            var function: Function?
        }
        struct Logprobs: Decodable {
            struct Entry: Decodable {
                struct Alternative: Decodable {
                    var token: String
                    var logprob: Double
                }
                var token: String?
                var logprob: Double?
                var top_logprobs: [Alternative]?
            }
            var content: [Entry]?
        }
        var message: Message?
        var finish_reason: String?
        var logprobs: Logprobs?
    }
    struct Usage: Decodable {
        var prompt_tokens: Int?
        var completion_tokens: Int?
    }
    var choices: [Choice]
    var usage: Usage?
}

struct APIErrorBody: Decodable {
    struct Detail: Decodable { var message: String }
    var error: Detail
}
