import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Anthropic's Messages API (`POST {baseURL}/messages`, not streamed): the system and developer messages go
/// in the `system` field (developer messages are folded there and recorded as folded), user and assistant
/// turns alternate (consecutive ones are merged), tool calls become `tool_use` blocks and tool results
/// `tool_result` blocks, and `--reasoning-effort` turns extended thinking on with a token budget (low 1,024,
/// medium 4,096, high 16,384; the answer keeps its own `max_tokens` on top). Thinking blocks are not part of
/// the answer.
///
/// The key is sent as `x-api-key` and kept nowhere else: not in ``identity``, errors or logs.
struct AnthropicProvider: ModelProvider {
    static let apiVersion = "2023-06-01"
    /// `max_tokens` is required by the API: the answer's cap when the run sets none.
    static let defaultMaxTokens = 4096
    static let thinkingBudgets = ["low": 1024, "medium": 4096, "high": 16_384]

    let identity: ModelIdentity
    private let client: HTTPClient
    private let endpoint: String
    private let apiKey: String?
    private let requestTimeout: Duration
    private let logger: Logger

    init(
        model: String, baseURL: String, apiKey: String?, requestTimeout: Duration = .seconds(120), client: HTTPClient,
        logger: Logger = .disabled
    ) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.identity = ModelIdentity(provider: "anthropic", model: model, baseURL: trimmed, developerRoleMode: .fold)
        self.endpoint = trimmed + "/messages"
        self.apiKey = apiKey
        self.requestTimeout = requestTimeout
        self.client = client
        self.logger = logger
    }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let hasDeveloper = request.messages.contains { $0.role == .developer }
        let body = try Self.body(model: identity.model, request: request)
        var headers = [("anthropic-version", Self.apiVersion)]
        if let apiKey, !apiKey.isEmpty { headers.append(("x-api-key", apiKey)) }
        logger.trace("request", metadata: ["url": "\(endpoint)", "model": "\(identity.model)", "bytes": "\(body.count)"])
        let reply = try await JSONEndpoint(
            client: client, url: endpoint, baseURL: identity.baseURL, requestTimeout: requestTimeout
        ).post(body, headers: headers, apiKey: apiKey, model: identity.model, keyVariable: "ANTHROPIC_API_KEY")
        let (status, bodyText, buffer) = (reply.status, reply.text, reply.buffer)
        let decoded: MessagesResponse
        do {
            decoded = try JSONCoding.decoder.decode(MessagesResponse.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ProviderError(
                .malformedResponse, status: status,
                message: "response is not a Messages API message: \(RunText.excerpt(bodyText, limit: 300))")
        }
        var text = ""
        var calls: [ToolCall] = []
        for block in decoded.content {
            switch block.type {
            case "text": text += block.text ?? ""
            case "tool_use":
                let arguments = block.input.map { CanonicalJSON.value($0) } ?? "{}"
                calls.append(ToolCall(id: block.id ?? "call_\(calls.count)", name: block.name ?? "", arguments: arguments))
            default: break  // thinking and redacted thinking are not the answer
            }
        }
        return ModelResponse(
            text: text, finishReason: decoded.stop_reason == "tool_use" ? "tool_calls" : decoded.stop_reason,
            toolCalls: calls,
            usage: TokenUsage(
                promptTokens: decoded.usage?.input_tokens ?? 0, completionTokens: decoded.usage?.output_tokens ?? 0),
            developerRole: hasDeveloper ? .folded : .none)
    }

    /// The Messages API request body.
    static func body(model: String, request: ModelRequest) throws -> [UInt8] {
        let settings = request.settings
        let system = request.messages.filter { $0.role == .system || $0.role == .developer }.map(\.content)
        var turns: [(role: String, blocks: [String])] = []
        func append(_ role: String, _ block: String) {
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].blocks.append(block)
            } else {
                turns.append((role, [block]))
            }
        }
        for message in request.messages {
            switch message.role {
            case .system, .developer: continue
            case .user: append("user", textBlock(message.content))
            case .assistant:
                if !message.content.isEmpty { append("assistant", textBlock(message.content)) }
                for call in message.toolCalls ?? [] {
                    var writer = CanonicalJSON()
                    writer.raw("{\"type\":\"tool_use\",\"id\":")
                    writer.string(call.id)
                    writer.raw(",\"name\":")
                    writer.string(call.name)
                    writer.raw(",\"input\":")
                    if let value = try? JSONCoding.decoder.decode(JSONValue.self, from: Data(call.arguments.utf8)),
                        case .object = value
                    {
                        writer.value(value)
                    } else {
                        writer.raw("{}")  // the model wrote no object; its error went back as the tool's result
                    }
                    writer.raw("}")
                    append("assistant", writer.text)
                }
            case .tool:
                var writer = CanonicalJSON()
                writer.raw("{\"type\":\"tool_result\",\"tool_use_id\":")
                writer.string(message.toolCallID ?? "")
                writer.raw(",\"content\":")
                writer.string(message.content)
                writer.raw("}")
                append("user", writer.text)
            }
        }
        let budget = settings.reasoningEffort.flatMap { thinkingBudgets[$0] }
        if settings.reasoningEffort != nil && budget == nil {
            throw SystemCardError.invalidInput(
                "reasoning effort '\(settings.reasoningEffort!)' is not one of low, medium, high for anthropic/ models")
        }
        var writer = CanonicalJSON()
        writer.raw("{\"model\":")
        writer.string(model)
        writer.raw(",\"max_tokens\":")
        writer.number((settings.maxTokens ?? defaultMaxTokens) + (budget ?? 0))
        if !system.isEmpty {
            writer.raw(",\"system\":")
            writer.string(system.joined(separator: "\n\n"))
        }
        writer.raw(",\"messages\":[")
        for (index, turn) in turns.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"role\":")
            writer.string(turn.role)
            writer.raw(",\"content\":[")
            for (blockIndex, block) in turn.blocks.enumerated() {
                if blockIndex > 0 { writer.raw(",") }
                writer.append(block)
            }
            writer.raw("]}")
        }
        writer.raw("]")
        if let budget {
            writer.raw(",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":")
            writer.number(budget)
            writer.raw("}")
        } else if let temperature = settings.temperature {
            writer.raw(",\"temperature\":")  // the API takes no temperature with thinking
            writer.number(temperature)
        }
        if !request.tools.isEmpty {
            writer.raw(",\"tools\":[")
            for (index, tool) in request.tools.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{\"name\":")
                writer.string(tool.name)
                writer.raw(",\"description\":")
                writer.string(tool.description)
                writer.raw(",\"input_schema\":")
                writer.value(tool.parameters)
                writer.raw("}")
            }
            writer.raw("]")
            switch request.toolChoice {
            case nil, .auto?: break
            case .required?: writer.raw(",\"tool_choice\":{\"type\":\"any\"}")
            case .none?: writer.raw(",\"tool_choice\":{\"type\":\"none\"}")
            case .tool(let name)?:
                writer.raw(",\"tool_choice\":{\"type\":\"tool\",\"name\":")
                writer.string(name)
                writer.raw("}")
            }
        }
        writer.raw("}")
        return writer.bytes
    }

    static func textBlock(_ text: String) -> String {
        var writer = CanonicalJSON()
        writer.raw("{\"type\":\"text\",\"text\":")
        writer.string(text)
        writer.raw("}")
        return writer.text
    }
}

struct MessagesResponse: Decodable {
    struct Block: Decodable {
        var type: String
        var text: String?
        var id: String?
        var name: String?
        var input: JSONValue?
    }
    struct Usage: Decodable {
        var input_tokens: Int?
        var output_tokens: Int?
    }
    var content: [Block]
    var stop_reason: String?
    var usage: Usage?
}
