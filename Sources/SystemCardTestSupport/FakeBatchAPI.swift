import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// OpenAI's Batch API on the fake server: `POST /v1/files` (multipart, purpose `batch`), `POST /v1/batches`,
/// `GET /v1/batches/{id}` and `GET /v1/files/{id}/content`. Each line of a batch is answered by the server's
/// behaviour when the batch is created, but the batch reports `in_progress` for its first ``pollsBeforeDone`` polls.
/// ``expireNextBatch(after:)`` makes the next batch expire with only its first lines done (the rest in the error
/// file as `batch_expired`, as OpenAI reports them).
public final class FakeBatchAPI: Sendable {
    struct Batch {
        var id: String
        var status: String
        var outputFileID: String?
        var errorFileID: String?
        var total: Int
        var completed: Int
        var failed: Int
        var polls = 0
        var finalStatus: String
    }

    struct State {
        var files: [String: Data] = [:]
        var batches: [String: Batch] = [:]
        var expireAfter: Int?
        var lines: [String: Int] = [:]
        var totalLines = 0
        var created = 0
        var polls = 0
    }

    private let state = Mutex(State())
    /// Polls a batch answers `in_progress` before its final status.
    public let pollsBeforeDone: Int

    init(pollsBeforeDone: Int = 2) {
        self.pollsBeforeDone = pollsBeforeDone
    }

    /// The next batch expires after answering `lines` of its requests.
    public func expireNextBatch(after lines: Int) { state.withLock { $0.expireAfter = lines } }
    /// Batches created so far.
    public var batchesCreated: Int { state.withLock { $0.created } }
    /// Batch lines answered so far (every batch), and per conversation key.
    public var linesAnswered: Int { state.withLock { $0.totalLines } }
    public func lines(for key: String) -> Int { state.withLock { $0.lines[key] ?? 0 } }
    /// Polls of any batch so far.
    public var polls: Int { state.withLock { $0.polls } }

    func register(on router: Router<BasicRequestContext>, behavior: @escaping FakeChatServer.Behavior) {
        router.post("/v1/files") { request, _ -> Response in
            let body = Data(try await request.body.collect(upTo: 64 << 20).readableBytesView)
            guard let file = Self.filePart(of: body) else { return Self.json(["error": ["message": "no file part"]], status: .badRequest) }
            let id = "file-\(UUID().uuidString.prefix(12))"
            self.state.withLock { $0.files[id] = file }
            return Self.json(["id": id, "object": "file", "purpose": "batch", "bytes": file.count])
        }
        router.post("/v1/batches") { request, _ -> Response in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
                let fileID = object["input_file_id"] as? String,
                let file = self.state.withLock({ $0.files[fileID] })
            else { return Self.json(["error": ["message": "unknown input_file_id"]], status: .badRequest) }
            let expireAfter = self.state.withLock { state -> Int? in
                defer { state.expireAfter = nil }
                return state.expireAfter
            }
            var output = "", errors = ""
            var completed = 0, failed = 0, total = 0
            for line in String(decoding: file, as: UTF8.self).split(separator: "\n") {
                guard let item = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let customID = item["custom_id"] as? String, let requestBody = item["body"],
                    let data = try? JSONSerialization.data(withJSONObject: requestBody)
                else { continue }
                total += 1
                if let expireAfter, total > expireAfter {
                    errors += Self.line([
                        "id": "batch_req_\(total)", "custom_id": customID, "response": NSNull(),
                        "error": ["code": "batch_expired", "message": "This request could not be executed before the completion window expired."],
                    ])
                    failed += 1
                    continue
                }
                guard var chat = FakeChatRequest(json: data, authorization: nil) else { continue }
                let key = chat.conversationKey
                chat.attempt = self.state.withLock { state -> Int in
                    state.lines[key, default: 0] += 1
                    state.totalLines += 1
                    return state.lines[key]!
                }
                let (status, answer) = await Self.result(behavior(chat), model: chat.model)
                output += Self.line([
                    "id": "batch_req_\(total)", "custom_id": customID,
                    "response": ["status_code": status, "request_id": "req_\(total)", "body": answer], "error": NSNull(),
                ])
                completed += 1
            }
            let id = "batch_\(UUID().uuidString.prefix(12))"
            let outputID = output.isEmpty ? nil : "file-out-\(id)"
            let errorID = errors.isEmpty ? nil : "file-err-\(id)"
            let batch = Batch(
                id: id, status: "validating", outputFileID: nil, errorFileID: nil, total: total, completed: 0, failed: 0,
                finalStatus: expireAfter.map { total > $0 ? "expired" : "completed" } ?? "completed")
            self.state.withLock { state in
                if let outputID { state.files[outputID] = Data(output.utf8) }
                if let errorID { state.files[errorID] = Data(errors.utf8) }
                state.batches[id] = batch
                state.batches[id]!.outputFileID = outputID
                state.batches[id]!.errorFileID = errorID
                state.batches[id]!.completed = completed
                state.batches[id]!.failed = failed
                state.created += 1
            }
            return Self.json(Self.object(batch, final: false))
        }
        router.get("/v1/batches/{id}") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let reply = self.state.withLock { state -> [String: Any]? in
                guard var batch = state.batches[id] else { return nil }
                state.polls += 1
                batch.polls += 1
                state.batches[id] = batch
                return Self.object(batch, final: batch.polls > self.pollsBeforeDone)
            }
            guard let reply else { return Self.json(["error": ["message": "no batch \(id)"]], status: .notFound) }
            return Self.json(reply)
        }
        router.get("/v1/files/{id}/content") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard let data = self.state.withLock({ $0.files[id] }) else { return Self.json(["error": ["message": "no file"]], status: .notFound) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func object(_ batch: Batch, final: Bool) -> [String: Any] {
        var object: [String: Any] = [
            "id": batch.id, "object": "batch", "endpoint": "/v1/chat/completions", "status": final ? batch.finalStatus : (batch.polls == 0 ? "validating" : "in_progress"),
            "request_counts": ["total": batch.total, "completed": final ? batch.completed : 0, "failed": final ? batch.failed : 0],
        ]
        if final {
            object["output_file_id"] = batch.outputFileID ?? NSNull()
            object["error_file_id"] = batch.errorFileID ?? NSNull()
        }
        return object
    }

    /// A reply as a batch line's status and body.
    static func result(_ reply: FakeReply, model: String) async -> (Int, Any) {
        switch reply {
        case .answer(let text, let promptTokens, let completionTokens):
            return (200, [
                "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_700_000_000, "model": model,
                "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
                "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens],
            ])
        case .status(let code, let body, _):
            return (code, (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? ["error": ["message": body]])
        case .raw(let body):
            return (200, (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? [:])
        case .delayed(_, let then):
            return await result(then, model: model)
        }
    }

    static func line(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self) + "\n"
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())))
    }

    /// The content of the multipart part named `file`.
    static func filePart(of body: Data) -> Data? {
        let bytes = [UInt8](body)
        guard let nameRange = body.range(of: Data("name=\"file\"".utf8)),
            let start = body.range(of: Data("\r\n\r\n".utf8), in: nameRange.upperBound..<body.count)?.upperBound,
            let firstLineEnd = body.range(of: Data("\r\n".utf8))?.lowerBound
        else { return nil }
        let boundary = Data(bytes[0..<firstLineEnd])
        guard let end = body.range(of: Data("\r\n".utf8) + boundary, in: start..<body.count)?.lowerBound else { return nil }
        return body.subdata(in: start..<end)
    }
}
