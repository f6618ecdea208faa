import Foundation
import PostgresNIO

extension PostgresResultStore {
    /// One group commit: every queued call and result in one transaction of at most four statements, the rows sent as
    /// one JSON array each. Within a batch the last write of a key wins, as it would row by row.
    static func commit(_ items: [StoreWrite], client: PostgresClient) async throws {
        var calls: [String: CallRow] = [:]
        var samples: [RowKey: (sample: SampleRow, score: ScoreRow?)] = [:]
        for item in items {
            switch item {
            case .call(let call):
                calls[call.key] = CallRow(call)
            case .result(let result):
                let key = RowKey(runID: result.runID, sampleID: result.sample.id, epoch: result.epoch)
                let score = result.status == .scored ? result.score.map { ScoreRow(result, score: $0) } : nil
                samples[key] = (SampleRow(result), score)
            }
        }
        // Rows in key order: concurrent writers (shards, colleagues) then lock rows in the same order, never in a cycle.
        let callOrder = calls.keys.sorted()
        let sampleOrder = samples.keys.sorted()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        func json(_ rows: some Encodable) throws -> String { String(decoding: try encoder.encode(rows), as: UTF8.self) }
        let callRows = try json(callOrder.compactMap { calls[$0] })
        let sampleRows = try json(sampleOrder.compactMap { samples[$0]?.sample })
        let scoreRows = try json(sampleOrder.compactMap { samples[$0]?.score })
        let unscored = try json(
            sampleOrder.filter { samples[$0]?.score == nil }.map {
                KeyRow(runId: $0.runID, sampleId: $0.sampleID.storable, epoch: $0.epoch)
            })
        try await retryingTransient { try await client.withTransaction(logger: quiet) { connection in
            if !calls.isEmpty {
                try await connection.query(
                    """
                    INSERT INTO model_calls (key, provider, model, base_url, epoch, request, response_text, finish_reason,
                                             prompt_tokens, completion_tokens, developer_role, created_at, tool_calls, logprobs)
                    SELECT key, provider, model, base_url, epoch, request, response_text, finish_reason, prompt_tokens,
                           completion_tokens, developer_role, now(), tool_calls, logprobs
                    FROM jsonb_to_recordset(\(callRows)::jsonb) AS x(
                      key text, provider text, model text, base_url text, epoch bigint, request text, response_text text,
                      finish_reason text, prompt_tokens bigint, completion_tokens bigint, developer_role text,
                      tool_calls text, logprobs text)
                    ON CONFLICT (key) DO UPDATE SET
                      provider = EXCLUDED.provider, model = EXCLUDED.model, base_url = EXCLUDED.base_url,
                      epoch = EXCLUDED.epoch, request = EXCLUDED.request, response_text = EXCLUDED.response_text,
                      finish_reason = EXCLUDED.finish_reason, prompt_tokens = EXCLUDED.prompt_tokens,
                      completion_tokens = EXCLUDED.completion_tokens, developer_role = EXCLUDED.developer_role,
                      created_at = EXCLUDED.created_at, tool_calls = EXCLUDED.tool_calls, logprobs = EXCLUDED.logprobs
                    """, logger: quiet)
            }
            guard !samples.isEmpty else { return }
            try await connection.query(
                """
                INSERT INTO samples (run_id, sample_id, epoch, ordinal, status, input, target, metadata, completion,
                                     transcript, error, prompt_tokens, completion_tokens, grader_prompt_tokens,
                                     grader_completion_tokens, developer_role, cached, latency_ms, updated_at, grader,
                                     mitigation, usage_by_role)
                SELECT run_id, sample_id, epoch, ordinal, status, input, target, metadata, completion, transcript, error,
                       prompt_tokens, completion_tokens, grader_prompt_tokens, grader_completion_tokens, developer_role,
                       cached, latency_ms, now(), grader, mitigation, usage_by_role
                FROM jsonb_to_recordset(\(sampleRows)::jsonb) AS x(
                  run_id text, sample_id text, epoch bigint, ordinal bigint, status text, input text, target text,
                  metadata text, completion text, transcript text, error text, prompt_tokens bigint,
                  completion_tokens bigint, grader_prompt_tokens bigint, grader_completion_tokens bigint,
                  developer_role text, cached boolean, latency_ms bigint, grader text, mitigation text,
                  usage_by_role text)
                ON CONFLICT (run_id, sample_id, epoch) DO UPDATE SET
                  ordinal = EXCLUDED.ordinal, status = EXCLUDED.status, input = EXCLUDED.input, target = EXCLUDED.target,
                  metadata = EXCLUDED.metadata, completion = EXCLUDED.completion, transcript = EXCLUDED.transcript,
                  error = EXCLUDED.error, prompt_tokens = EXCLUDED.prompt_tokens,
                  completion_tokens = EXCLUDED.completion_tokens, grader_prompt_tokens = EXCLUDED.grader_prompt_tokens,
                  grader_completion_tokens = EXCLUDED.grader_completion_tokens, developer_role = EXCLUDED.developer_role,
                  cached = EXCLUDED.cached, latency_ms = EXCLUDED.latency_ms, updated_at = EXCLUDED.updated_at,
                  grader = EXCLUDED.grader, mitigation = EXCLUDED.mitigation, usage_by_role = EXCLUDED.usage_by_role
                """, logger: quiet)
            try await connection.query(
                """
                DELETE FROM scores s USING jsonb_to_recordset(\(unscored)::jsonb) AS x(run_id text, sample_id text, epoch bigint)
                WHERE s.run_id = x.run_id AND s.sample_id = x.sample_id AND s.epoch = x.epoch
                """, logger: quiet)
            try await connection.query(
                """
                INSERT INTO scores (run_id, sample_id, epoch, grader, value, label, explanation, judge_output,
                                    grader_prompt_tokens, grader_completion_tokens, parts)
                SELECT run_id, sample_id, epoch, grader, value, label, explanation, judge_output, grader_prompt_tokens,
                       grader_completion_tokens, parts
                FROM jsonb_to_recordset(\(scoreRows)::jsonb) AS x(
                  run_id text, sample_id text, epoch bigint, grader text, value double precision, label text,
                  explanation text, judge_output text, grader_prompt_tokens bigint, grader_completion_tokens bigint,
                  parts text)
                ON CONFLICT (run_id, sample_id, epoch) DO UPDATE SET
                  grader = EXCLUDED.grader, value = EXCLUDED.value, label = EXCLUDED.label,
                  explanation = EXCLUDED.explanation, judge_output = EXCLUDED.judge_output,
                  grader_prompt_tokens = EXCLUDED.grader_prompt_tokens,
                  grader_completion_tokens = EXCLUDED.grader_completion_tokens, parts = EXCLUDED.parts
                """, logger: quiet)
        } }
    }

    /// Runs `body` again (up to three times in all) after a serialization failure, a deadlock or a lost connection:
    /// the transaction was rolled back, so running it again writes it once. Any other error is the writer's failure.
    static func retryingTransient(_ body: () async throws -> Void) async throws {
        for attempt in 1...3 {
            do {
                return try await body()
            } catch {
                guard attempt < 3, isTransient(error) else { throw error }
                try await Task.sleep(for: .milliseconds(100 * attempt))
            }
        }
    }

    /// SQLSTATE 40001 (serialization failure), 40P01 (deadlock), or a connection that broke.
    static func isTransient(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.closureError, transaction.beginError, transaction.commitError].compactMap { $0 }
                .contains(where: isTransient)
        }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] { return state == "40001" || state == "40P01" }
        return error.code == .connectionError || error.code == .serverClosedConnection
    }

    /// A `model_calls` row as JSON (snake_case keys; a nil is an absent key, NULL in the table).
    struct CallRow: Encodable {
        var key, provider, model, baseUrl: String
        var epoch: Int
        var request, responseText: String
        var finishReason: String?
        var promptTokens, completionTokens: Int
        var developerRole: String
        var toolCalls, logprobs: String?

        init(_ call: ModelCallRecord) {
            key = call.key
            provider = call.identity.provider
            model = call.identity.model
            baseUrl = call.identity.baseURL
            epoch = call.epoch
            request = CanonicalJSON.request(call.request)
            responseText = call.response.text.storable
            finishReason = call.response.finishReason.map(\.storable)
            promptTokens = call.response.usage.promptTokens
            completionTokens = call.response.usage.completionTokens
            developerRole = call.response.developerRole.rawValue
            if !call.response.toolCalls.isEmpty {
                var writer = CanonicalJSON()
                writer.toolCalls(call.response.toolCalls)
                toolCalls = writer.text
            }
            logprobs = call.response.firstTokenLogprobs.flatMap { try? JSONCoding.string($0) }
        }
    }

    /// A `samples` row as JSON.
    struct SampleRow: Encodable {
        var runId, sampleId: String
        var epoch, ordinal: Int
        var status, input: String
        var target: String?
        var metadata: String
        var completion, transcript, error: String?
        var promptTokens, completionTokens, graderPromptTokens, graderCompletionTokens: Int
        var developerRole: String
        var cached: Bool
        var latencyMs: Int
        var grader, mitigation, usageByRole: String?

        init(_ result: SampleResult) {
            let sample = result.sample
            // The transcript is stored only when it is more than input + answer (multi-turn solvers), as in SQLite.
            let plainTranscript = sample.messages + (result.completion.map { [.assistant($0)] } ?? [])
            runId = result.runID
            sampleId = sample.id.storable
            epoch = result.epoch
            ordinal = result.ordinal
            status = result.status.rawValue
            input = CanonicalJSON.messages(sample.messages)
            target = sample.target.map(\.storable)
            metadata = CanonicalJSON.object(sample.metadata)
            completion = result.completion.map(\.storable)
            transcript = result.transcript == plainTranscript ? nil : CanonicalJSON.messages(result.transcript)
            error = result.error.map(\.storable)
            promptTokens = result.usage.promptTokens
            completionTokens = result.usage.completionTokens
            graderPromptTokens = result.graderUsage.promptTokens
            graderCompletionTokens = result.graderUsage.completionTokens
            developerRole = result.developerRole.rawValue
            cached = result.cached
            latencyMs = result.latencyMilliseconds
            grader = result.grader.map(\.storable)
            mitigation = result.mitigation.flatMap { try? JSONCoding.string($0) }
            usageByRole = result.usageByRole.map(RoleUsage.json)
        }
    }

    /// A `scores` row as JSON.
    struct ScoreRow: Encodable {
        var runId, sampleId: String
        var epoch: Int
        var grader: String?
        var value: Double
        var label: String?
        var explanation: String
        var judgeOutput: String?
        var graderPromptTokens, graderCompletionTokens: Int
        var parts: String?

        init(_ result: SampleResult, score: Score) {
            runId = result.runID
            sampleId = result.sample.id.storable
            epoch = result.epoch
            grader = result.grader.map(\.storable)
            value = score.value
            label = score.label.map(\.storable)
            explanation = score.explanation.storable
            judgeOutput = score.judgeOutput.map(\.storable)
            graderPromptTokens = result.graderUsage.promptTokens
            graderCompletionTokens = result.graderUsage.completionTokens
            parts = score.parts.flatMap { try? JSONCoding.string($0) }
        }
    }

    /// The key of a sample whose score row goes (it errored).
    struct KeyRow: Encodable {
        var runId, sampleId: String
        var epoch: Int
    }

    /// A sample row's primary key (a group commit may hold results of several runs).
    struct RowKey: Hashable, Comparable {
        var runID: String
        var sampleID: String
        var epoch: Int

        static func < (lhs: RowKey, rhs: RowKey) -> Bool {
            (lhs.runID, lhs.sampleID, lhs.epoch) < (rhs.runID, rhs.sampleID, rhs.epoch)
        }
    }
}

