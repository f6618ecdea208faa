import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// OpenAI's Batch API for an OpenAI-compatible provider: the requests as a JSONL file (`POST /files`, purpose
/// `batch`), the batch (`POST /batches`, `/v1/chat/completions` within 24 h), its state (`GET /batches/{id}`), and
/// its output and error files (`GET /files/{id}/content`). Each line's body is exactly what a live call would send,
/// and each answer is read as a live answer is, so cached batch answers are indistinguishable from live ones.
struct OpenAIBatchClient: BatchSubmitting {
    let provider: OpenAICompatibleProvider

    var baseURL: String { provider.identity.baseURL }

    func endpoint(_ path: String) -> JSONEndpoint {
        JSONEndpoint(client: provider.client, url: baseURL + path, baseURL: baseURL, requestTimeout: provider.requestTimeout)
    }

    var headers: [(String, String)] {
        var headers = [("Accept", "application/json")]
        if let key = provider.apiKey, !key.isEmpty { headers.append(("Authorization", "Bearer \(key)")) }
        return headers
    }

    func submit(_ lines: [BatchLine]) async throws -> BatchJob {
        var file: [UInt8] = []
        for line in lines {
            var writer = CanonicalJSON()
            writer.raw("{\"custom_id\":")
            writer.string(line.key)
            writer.raw(",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":")
            file += writer.bytes
            file += provider.body(for: line.request)
            file += Array("}\n".utf8)
        }
        let boundary = "systemcard-\(UUID().uuidString)"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n".utf8)
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"requests.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n").utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let uploaded = try await endpoint("/files").send(
            .POST, body: body, contentType: "multipart/form-data; boundary=\(boundary)", headers: headers,
            apiKey: provider.apiKey, model: provider.identity.model, keyVariable: "OPENAI_API_KEY")
        guard let fileID = (try? JSONSerialization.jsonObject(with: Data(uploaded.buffer.readableBytesView)) as? [String: Any])?["id"]
            as? String
        else {
            throw ProviderError(.malformedResponse, message: "the file upload returned no id: \(RunText.excerpt(uploaded.text))")
        }
        var create = CanonicalJSON()
        create.raw("{\"completion_window\":\"24h\",\"endpoint\":\"/v1/chat/completions\",\"input_file_id\":")
        create.string(fileID)
        create.raw("}")
        let created = try await endpoint("/batches").post(
            create.bytes, headers: headers, apiKey: provider.apiKey, model: provider.identity.model,
            keyVariable: "OPENAI_API_KEY")
        return try Self.job(created)
    }

    func poll(_ id: String) async throws -> BatchJob {
        let reply = try await endpoint("/batches/\(id)").send(
            .GET, body: nil, contentType: nil, headers: headers, apiKey: provider.apiKey, model: provider.identity.model,
            keyVariable: "OPENAI_API_KEY")
        return try Self.job(reply)
    }

    func results(of job: BatchJob, requests: [String: ModelRequest]) async throws
        -> [String: Result<ModelResponse, ProviderError>]
    {
        var results: [String: Result<ModelResponse, ProviderError>] = [:]
        for fileID in [job.errorFileID, job.outputFileID].compactMap({ $0 }) {
            // An output file holds up to 50,000 answers: read up to 1 GiB (a batch's input is at most 200 MB).
            let reply = try await endpoint("/files/\(fileID)/content").send(
                .GET, body: nil, contentType: nil, headers: headers, apiKey: provider.apiKey,
                model: provider.identity.model, keyVariable: "OPENAI_API_KEY", limit: 1 << 30)
            for line in reply.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let key = object["custom_id"] as? String, let request = requests[key]
                else { continue }
                let response = object["response"] as? [String: Any]
                let status = response?["status_code"] as? Int ?? 0
                if (200..<300).contains(status), let body = response?["body"],
                    let data = try? JSONSerialization.data(withJSONObject: body)
                {
                    do {
                        results[key] = .success(
                            try OpenAICompatibleProvider.response(
                                data, text: String(decoding: data, as: UTF8.self), status: status,
                                delivery: provider.delivery(for: request).delivery))
                    } catch let error as ProviderError {
                        results[key] = .failure(error)
                    }
                } else if let error = object["error"] as? [String: Any] {
                    // The line never ran (`batch_expired`, …): asked again in the next batch.
                    let message = "batch line: \(error["code"] as? String ?? "error"): \(error["message"] as? String ?? "")"
                    results[key] = .failure(ProviderError(.serverError, message: message))
                } else {
                    // The endpoint answered the line with an error status: mapped as a live answer's would be
                    // (429 and 5xx asked again, 400 the sample's error).
                    let body = (response?["body"]).flatMap { try? JSONSerialization.data(withJSONObject: $0) }
                    results[key] = .failure(
                        JSONEndpoint.error(
                            status: status, body: body.map { String(decoding: $0, as: UTF8.self) } ?? "",
                            headers: [:], model: provider.identity.model, keyVariable: "OPENAI_API_KEY"))
                }
            }
        }
        return results
    }

    static func job(_ reply: JSONEndpoint.Reply) throws -> BatchJob {
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply.buffer.readableBytesView)) as? [String: Any],
            let id = object["id"] as? String, let status = object["status"] as? String
        else {
            throw ProviderError(.malformedResponse, message: "not a batch object: \(RunText.excerpt(reply.text))")
        }
        let counts = object["request_counts"] as? [String: Any]
        return BatchJob(
            id: id, status: status, outputFileID: object["output_file_id"] as? String,
            errorFileID: object["error_file_id"] as? String, total: counts?["total"] as? Int ?? 0,
            completed: counts?["completed"] as? Int ?? 0, failed: counts?["failed"] as? Int ?? 0)
    }
}
