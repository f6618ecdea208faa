import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A scriptable OpenAI-compatible server on 127.0.0.1 for tests: each request to
/// `POST /v1/chat/completions` is answered by `behavior`, which sees the request and how many times the
/// same conversation was asked before. It counts every request, and serves static files under
/// `GET /files/<path>` (for dataset downloads). `POST /v1/messages` speaks Anthropic's Messages API (not
/// streamed) to the same `behavior`: the `system` field becomes a system message, tool results `tool` messages,
/// and the `x-api-key` header the request's `authorization` (as `x-api-key <key>`).
public final class FakeChatServer: Sendable {
    /// How the server answers one request.
    public typealias Behavior = @Sendable (FakeChatRequest) async -> FakeReply

    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let counts: RequestCounter
    /// Its Batch API (`/v1/files`, `/v1/batches`).
    public let batches: FakeBatchAPI

    /// `http://127.0.0.1:<port>/v1`
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>, counts: RequestCounter, batches: FakeBatchAPI) {
        self.batches = batches
        self.port = port
        self.group = group
        self.task = task
        self.counts = counts
    }

    /// Starts the server on a free port and returns once it accepts connections.
    public static func start(files: [String: Data] = [:], behavior: @escaping Behavior) async throws -> FakeChatServer {
        let counter = RequestCounter()
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let data = Data(body.readableBytesView)
            guard let parsed = FakeChatRequest(json: data, authorization: request.headers[.authorization]) else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"bad json"}}"#)))
            }
            let key = parsed.conversationKey
            let attempt = counter.counts.withLock { counts -> Int in
                counts[key, default: 0] += 1
                counts["__total__", default: 0] += 1
                return counts[key]!
            }
            var request = parsed
            request.attempt = attempt
            return await render(behavior(request), model: parsed.model)
        }
        router.post("/v1/messages") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let key = request.headers[HTTPField.Name("x-api-key")!].map { "x-api-key \($0)" }
            guard let parsed = FakeChatRequest(messagesJSON: Data(body.readableBytesView), authorization: key) else {
                return Response(
                    status: .badRequest,
                    body: .init(byteBuffer: ByteBuffer(
                        string: #"{"type":"error","error":{"type":"invalid_request_error","message":"bad json"}}"#)))
            }
            let conversation = parsed.conversationKey
            let attempt = counter.counts.withLock { counts -> Int in
                counts[conversation, default: 0] += 1
                counts["__total__", default: 0] += 1
                return counts[conversation]!
            }
            var asked = parsed
            asked.attempt = attempt
            return await renderMessages(behavior(asked), model: parsed.model)
        }
        let batches = FakeBatchAPI()
        batches.register(on: router, behavior: behavior)
        router.get("/v1/models") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[]}"#)))
        }
        router.get("/files/**") { request, _ -> Response in
            let path = String(request.uri.path.dropFirst("/files/".count))
            guard let data = files[path] else { return Response(status: .notFound) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        var logger = Logger(label: "fake-chat-server")
        logger.logLevel = .critical
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var port = 0
        for await value in portStream {
            port = value
            break
        }
        return FakeChatServer(port: port, group: group, task: task, counts: counter, batches: batches)
    }

    /// Requests seen for a conversation key (see ``FakeChatRequest/conversationKey``).
    public func requests(for key: String) -> Int { counts.counts.withLock { $0[key] ?? 0 } }

    /// Every request to the chat endpoint.
    public var totalRequests: Int { counts.counts.withLock { $0["__total__"] ?? 0 } }

    /// Request counts by conversation key.
    public var requestCounts: [String: Int] { counts.counts.withLock { $0.filter { $0.key != "__total__" } } }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// A reply in the Messages API's shape (errors and raw bodies as given).
    static func renderMessages(_ reply: FakeReply, model: String) async -> Response {
        switch reply {
        case .answer(let text, let promptTokens, let completionTokens):
            let object: [String: Any] = [
                "id": "msg_fake", "type": "message", "role": "assistant", "model": model,
                "content": [["type": "text", "text": text]], "stop_reason": "end_turn",
                "usage": ["input_tokens": promptTokens, "output_tokens": completionTokens],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .delayed(let duration, let then):
            try? await Task.sleep(for: duration)
            return await renderMessages(then, model: model)
        default:
            return await render(reply, model: model)
        }
    }

    static func render(_ reply: FakeReply, model: String) async -> Response {
        switch reply {
        case .answer(let text, let promptTokens, let completionTokens):
            let object: [String: Any] = [
                "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_700_000_000, "model": model,
                "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
                "usage": [
                    "prompt_tokens": promptTokens, "completion_tokens": completionTokens,
                    "total_tokens": promptTokens + completionTokens,
                ],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .status(let code, let body, let headers):
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (name, value) in headers {
                if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
            }
            return Response(
                status: HTTPResponse.Status(code: code), headers: fields,
                body: .init(byteBuffer: ByteBuffer(string: body)))
        case .raw(let body):
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        case .delayed(let duration, let then):
            try? await Task.sleep(for: duration)
            return await render(then, model: model)
        }
    }
}

final class RequestCounter: Sendable {
    let counts = Mutex<[String: Int]>([:])
}

/// A chat request as the fake server sees it.
public struct FakeChatRequest: Sendable {
    public var model: String
    /// `(role, content)` pairs in order.
    public var messages: [(role: String, content: String)]
    public var temperature: Double?
    public var maxTokens: Int?
    public var authorization: String?
    /// 1 for the first time this conversation is asked, 2 for the second, …
    public var attempt: Int = 0
    /// `chat_template_kwargs`: string values as they are, others as compact JSON.
    public var chatTemplateArguments: [String: String] = [:]

    init?(json: Data, authorization: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let model = object["model"] as? String,
            let messages = object["messages"] as? [[String: Any]]
        else { return nil }
        self.model = model
        self.messages = messages.map { (($0["role"] as? String) ?? "", ($0["content"] as? String) ?? "") }
        self.temperature = object["temperature"] as? Double
        self.maxTokens = (object["max_tokens"] as? Int) ?? (object["max_completion_tokens"] as? Int)
        self.authorization = authorization
        for (key, value) in (object["chat_template_kwargs"] as? [String: Any]) ?? [:] {
            if let text = value as? String {
                chatTemplateArguments[key] = text
            } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
                chatTemplateArguments[key] = String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// A Messages API request: `system`, then the messages with their text (tool results as `tool` messages).
    init?(messagesJSON json: Data, authorization: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let model = object["model"] as? String,
            let messages = object["messages"] as? [[String: Any]],
            object["max_tokens"] is Int
        else { return nil }
        var flat: [(role: String, content: String)] = []
        if let system = object["system"] as? String { flat.append(("system", system)) }
        for message in messages {
            let role = (message["role"] as? String) ?? ""
            if let text = message["content"] as? String {
                flat.append((role, text))
                continue
            }
            var text = ""
            for block in (message["content"] as? [[String: Any]]) ?? [] {
                switch block["type"] as? String {
                case "text": text += (block["text"] as? String) ?? ""
                case "tool_result": flat.append(("tool", (block["content"] as? String) ?? ""))
                case "tool_use":
                    text += "[tool_use \((block["name"] as? String) ?? "")]"
                default: break
                }
            }
            if !text.isEmpty { flat.append((role, text)) }
        }
        self.model = model
        self.messages = flat
        self.temperature = object["temperature"] as? Double
        self.maxTokens = object["max_tokens"] as? Int
        self.authorization = authorization
    }

    /// The last user message.
    public var prompt: String { messages.last(where: { $0.role == "user" })?.content ?? "" }

    /// The system message, if any.
    public var system: String? { messages.first(where: { $0.role == "system" })?.content }

    /// Identifies the conversation: every message's role and content.
    public var conversationKey: String { messages.map { "\($0.role):\($0.content)" }.joined(separator: "\n") }
}

/// What the fake server answers.
public enum FakeReply: Sendable {
    /// A normal chat completion.
    case answer(String, promptTokens: Int = 10, completionTokens: Int = 5)
    /// Any status with a JSON body and extra headers (`Retry-After`, …).
    case status(Int, body: String = #"{"error":{"message":"fake error"}}"#, headers: [(String, String)] = [])
    /// A 200 with this body verbatim (malformed JSON, a missing field, …).
    case raw(String)
    /// Waits, then answers.
    indirect case delayed(Duration, FakeReply)
}
