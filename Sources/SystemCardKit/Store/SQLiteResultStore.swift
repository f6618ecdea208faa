import Foundation
import GRDB

/// The default store: one SQLite file (WAL journal) through GRDB.
///
/// Results and model calls are written by a group-commit writer, so `kill -9` loses at most what was
/// finished since the last commit began (milliseconds), and SQLite's journal keeps the file consistent.
public final class SQLiteResultStore: ResultStore {
    private let writer: any DatabaseWriter

    /// The database, for the other parts of the package that keep their own tables in the store (the arena).
    package var database: any DatabaseWriter { writer }
    private let groupWriter: GroupCommitWriter<StoreWrite>

    /// Opens (creating if needed) the database file and migrates it to the current schema.
    public convenience init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SystemCardError(.store, "cannot create the database folder \(directory.path): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 2 MiB of page cache per connection: runs write mostly sequentially and read little.
            try db.execute(sql: "PRAGMA cache_size = -2048")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw SystemCardError(.store, "cannot open the database \(path): \(error)")
        }
        try self.init(writer: pool)
    }

    /// Uses an existing GRDB writer (tests pass an in-memory `DatabaseQueue`).
    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw SystemCardError(.store, "cannot prepare the database: \(error)")
        }
        self.groupWriter = GroupCommitWriter { items in
            try await writer.write { db in
                for item in items {
                    switch item {
                    case .call(let call): try Self.insert(call, db)
                    case .result(let result): try Self.insert(result, db)
                    }
                }
            }
        }
    }

    // MARK: Runs

    /// Inserts the run, or marks the stored one with the same id as running and returns it (resume).
    public func openRun(_ run: RunRecord) async throws -> RunRecord {
        try await writer.write { db in
            if let existing = try Self.fetchRun(db, id: run.id) {
                try db.execute(
                    sql: "UPDATE runs SET status = ?, updated_at = ? WHERE id = ?",
                    arguments: [RunRecord.Status.running.rawValue, Date(), run.id])
                var reopened = existing
                reopened.status = .running
                return reopened
            }
            try db.execute(
                sql: """
                    INSERT INTO runs (id, evaluation, evaluation_version, model, base_url, configuration,
                                      created_at, updated_at, status, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, run.evaluation, run.evaluationVersion, run.model, run.baseURL,
                    try JSONCoding.string(run.configuration), run.createdAt, run.updatedAt, run.status.rawValue,
                    try run.summary.map { try JSONCoding.string($0) },
                ])
            return run
        }
    }

    /// Writes the run's status and summary, and stamps the update time. A finished run is not marked unfinished
    /// (shards of one run ending at once: the last to commit has seen every sample; a reopened run is marked
    /// running by ``openRun(_:)`` first).
    public func updateRun(_ run: RunRecord) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE runs SET status = ?, summary = ?, updated_at = ?
                    WHERE id = ? AND NOT (status = 'finished' AND ? <> 'finished')
                    """,
                arguments: [
                    run.status.rawValue, try run.summary.map { try JSONCoding.string($0) }, Date(), run.id,
                    run.status.rawValue,
                ])
        }
    }

    /// Keeps a submitted batch (replacing the record with the same id).
    public func saveBatch(_ batch: BatchRecord) async throws {
        let text = try JSONCoding.string(batch)
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO batches (id, run_id, record, created_at) VALUES (?, ?, ?, ?)",
                arguments: [batch.id, batch.runID, text, batch.createdAt])
        }
    }

    /// The batches a run submitted, oldest first.
    public func batches(runID: String) async throws -> [BatchRecord] {
        try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM batches WHERE run_id = ? ORDER BY created_at, id", arguments: [runID]
            ).map { try JSONCoding.decoder.decode(BatchRecord.self, from: Data($0.utf8)) }
        }
    }

    /// All runs, newest first.
    /// Keeps a validation's outcome, replacing an earlier one of the same kind, version and model.
    public func saveValidation(_ record: ValidationRecord) async throws {
        let text = String(decoding: try JSONCoding.encoder.encode(record), as: UTF8.self)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO validations (kind, grader_version, model, base_url, record, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [record.kind, record.graderVersion, record.model, record.baseURL, text, record.createdAt])
        }
    }

    /// The validation of `kind` for this grader version and model, if one was made.
    public func validation(kind: String, graderVersion: String, model: String, baseURL: String) async throws
        -> ValidationRecord?
    {
        try await writer.read { db in
            guard
                let text = try String.fetchOne(
                    db,
                    sql: """
                        SELECT record FROM validations
                        WHERE kind = ? AND grader_version = ? AND model = ? AND base_url = ?
                        """,
                    arguments: [kind, graderVersion, model, baseURL])
            else { return nil }
            return try JSONCoding.decoder.decode(ValidationRecord.self, from: Data(text.utf8))
        }
    }

    public func runs() async throws -> [RunRecord] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY created_at DESC, id").map(Self.runRecord)
        }
    }

    /// The run with this id, or the single run whose id starts with it; throws when the prefix matches
    /// more than one.
    public func run(id: String) async throws -> RunRecord? {
        try await writer.read { db in
            if let exact = try Self.fetchRun(db, id: id) { return exact }
            let matches = try Row.fetchAll(
                db, sql: "SELECT * FROM runs WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                arguments: [Self.likePrefix(id)])
            guard matches.count == 1 else {
                if matches.count > 1 {
                    throw SystemCardError.invalidInput("run id '\(id)' is ambiguous; give more characters")
                }
                return nil
            }
            return try Self.runRecord(matches[0])
        }
    }

    // MARK: Samples and calls

    /// The status of every sample-epoch of the run that has a result.
    public func sampleStatuses(runID: String) async throws -> [SampleKey: SampleResult.Status] {
        try await writer.read { db in
            var statuses: [SampleKey: SampleResult.Status] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT sample_id, epoch, status FROM samples WHERE run_id = ?", arguments: [runID])
            while let row = try cursor.next() {
                statuses[SampleKey(sampleID: row[0], epoch: row[1])] = SampleResult.Status(rawValue: row[2]) ?? .error
            }
            return statuses
        }
    }

    /// The keys of every cached call of this model.
    public func cachedCallKeys(identity: ModelIdentity) async throws -> Set<String> {
        try await writer.read { db in
            var keys = Set<String>()
            let cursor = try String.fetchCursor(
                db, sql: "SELECT key FROM model_calls WHERE provider = ? AND model = ? AND base_url = ?",
                arguments: [identity.provider, identity.model, identity.baseURL])
            while let key = try cursor.next() { keys.insert(key) }
            return keys
        }
    }

    /// The cached answer for this call key, marked as cached; nil when none was stored.
    public func cachedResponse(key: String) async throws -> ModelResponse? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT response_text, finish_reason, prompt_tokens, completion_tokens, developer_role,
                                   tool_calls, logprobs
                            FROM model_calls WHERE key = ?
                            """),
                    arguments: [key])
            else { return nil }
            let calls: String? = row[5]
            let logprobs: String? = row[6]
            var response = ModelResponse(
                text: row[0], finishReason: row[1],
                toolCalls: try calls.map { try JSONCoding.decoder.decode([ToolCall].self, from: Data($0.utf8)) } ?? [],
                usage: TokenUsage(promptTokens: row[2], completionTokens: row[3]),
                developerRole: DeveloperRoleDelivery(rawValue: row[4]) ?? .none, cached: true)
            response.firstTokenLogprobs = try logprobs.map {
                try JSONCoding.decoder.decode([TokenLogprob].self, from: Data($0.utf8))
            }
            return response
        }
    }

    /// Queues a finished model call for the group-commit writer.
    public func saveCall(_ call: ModelCallRecord) throws {
        try groupWriter.enqueue(.call(call))
    }

    /// Queues a sample result for the group-commit writer (it replaces an earlier one for the same sample
    /// and epoch).
    public func saveResult(_ result: SampleResult) throws {
        try groupWriter.enqueue(.result(result))
    }

    /// Waits until everything queued is committed.
    public func flush() async throws {
        try await groupWriter.flush()
    }

    /// Status, score and usage of every result of the run, without the texts.
    public func resultRows(runID: String) async throws -> [ResultRow] {
        try await writer.read { db in
            var rows: [ResultRow] = []
            var roles = RoleUsageReader()
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.sample_id, s.epoch, s.status, s.prompt_tokens, s.completion_tokens, s.developer_role,
                           c.value, c.label, s.grader_prompt_tokens, s.grader_completion_tokens, c.parts,
                           s.latency_ms, s.mitigation, s.usage_by_role
                    FROM samples s LEFT JOIN scores c
                      ON c.run_id = s.run_id AND c.sample_id = s.sample_id AND c.epoch = s.epoch
                    WHERE s.run_id = ?
                    """,
                arguments: [runID])
            while let row = try cursor.next() {
                let status = SampleResult.Status(rawValue: row[2]) ?? .error
                let value: Double? = row[6]
                let parts = try (row[10] as String?).map {
                    try JSONCoding.decoder.decode([String: Double].self, from: Data($0.utf8))
                }
                rows.append(
                    ResultRow(
                        key: SampleKey(sampleID: row[0], epoch: row[1]), status: status,
                        score: status == .scored ? value.map { Score(value: $0, label: row[7], explanation: "", parts: parts) } : nil,
                        usage: TokenUsage(promptTokens: row[3], completionTokens: row[4]),
                        graderUsage: TokenUsage(promptTokens: row[8] ?? 0, completionTokens: row[9] ?? 0),
                        developerRole: DeveloperRoleDelivery(rawValue: row[5]) ?? .none, latencyMilliseconds: row[11] ?? 0,
                        mitigation: try Self.mitigation(row[12]), usageByRole: try roles.read(row[13])))
            }
            return rows
        }
    }

    /// Every result of the run, in dataset order, then by epoch.
    public func results(runID: String) async throws -> [SampleResult] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, c.value, c.label, c.explanation, c.judge_output, c.parts
                    FROM samples s LEFT JOIN scores c
                      ON c.run_id = s.run_id AND c.sample_id = s.sample_id AND c.epoch = s.epoch
                    WHERE s.run_id = ? ORDER BY s.ordinal, s.epoch
                    """,
                arguments: [runID]
            ).map(Self.sampleResult)
        }
    }

    // MARK: Rows

    static func insert(_ call: ModelCallRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO model_calls
                  (key, provider, model, base_url, epoch, request, response_text, finish_reason,
                   prompt_tokens, completion_tokens, developer_role, created_at, tool_calls, logprobs)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var calls: String?
        if !call.response.toolCalls.isEmpty {
            var writer = CanonicalJSON()
            writer.toolCalls(call.response.toolCalls)
            calls = writer.text
        }
        try statement.execute(arguments: [
            call.key, call.identity.provider, call.identity.model, call.identity.baseURL, call.epoch,
            CanonicalJSON.request(call.request), call.response.text.storable, call.response.finishReason?.storable,
            call.response.usage.promptTokens, call.response.usage.completionTokens,
            call.response.developerRole.rawValue, Date(), calls,
            try call.response.firstTokenLogprobs.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) },
        ])
    }

    static func insert(_ result: SampleResult, _ db: Database) throws {
        let sample = result.sample
        // The transcript is stored only when it is more than input + answer (multi-turn solvers).
        let plainTranscript = sample.messages + (result.completion.map { [.assistant($0)] } ?? [])
        let transcript = result.transcript == plainTranscript ? nil : CanonicalJSON.messages(result.transcript)
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO samples
                  (run_id, sample_id, epoch, ordinal, status, input, target, metadata, completion, transcript, error,
                   prompt_tokens, completion_tokens, grader_prompt_tokens, grader_completion_tokens, developer_role,
                   cached, latency_ms, updated_at, grader, mitigation, usage_by_role)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            result.runID, sample.id, result.epoch, result.ordinal, result.status.rawValue,
            CanonicalJSON.messages(sample.messages), sample.target?.storable, CanonicalJSON.object(sample.metadata),
            result.completion?.storable, transcript, result.error?.storable, result.usage.promptTokens,
            result.usage.completionTokens,
            result.graderUsage.promptTokens, result.graderUsage.completionTokens, result.developerRole.rawValue,
            result.cached, result.latencyMilliseconds, Date(), result.grader,
            try result.mitigation.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) },
            result.usageByRole.map(RoleUsage.json),
        ])
        if let score = result.score, result.status == .scored {
            let scoreStatement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO scores
                      (run_id, sample_id, epoch, grader, value, label, explanation, judge_output,
                       grader_prompt_tokens, grader_completion_tokens, parts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            try scoreStatement.execute(arguments: [
                result.runID, sample.id, result.epoch, result.grader, score.value, score.label?.storable,
                score.explanation.storable, score.judgeOutput?.storable, result.graderUsage.promptTokens, result.graderUsage.completionTokens,
                try score.parts.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) },
            ])
        } else {
            try db.cachedStatement(sql: "DELETE FROM scores WHERE run_id = ? AND sample_id = ? AND epoch = ?")
                .execute(arguments: [result.runID, sample.id, result.epoch])
        }
    }

    static func fetchRun(_ db: Database, id: String) throws -> RunRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(runRecord)
    }

    static func runRecord(_ row: Row) throws -> RunRecord {
        let configuration = try JSONCoding.decoder.decode(
            RunConfiguration.self, from: Data((row["configuration"] as String).utf8))
        let summaryText: String? = row["summary"]
        return RunRecord(
            id: row["id"], evaluation: row["evaluation"], evaluationVersion: row["evaluation_version"],
            model: row["model"], baseURL: row["base_url"], configuration: configuration,
            createdAt: row["created_at"], updatedAt: row["updated_at"],
            status: RunRecord.Status(rawValue: row["status"]) ?? .interrupted,
            summary: try summaryText.map { try JSONCoding.decoder.decode(RunSummary.self, from: Data($0.utf8)) })
    }

    static func sampleResult(_ row: Row) throws -> SampleResult {
        let messages = try JSONCoding.decoder.decode([ChatMessage].self, from: Data((row["input"] as String).utf8))
        let metadata = try JSONCoding.decoder.decode([String: String].self, from: Data((row["metadata"] as String).utf8))
        let completion: String? = row["completion"]
        let transcriptText: String? = row["transcript"]
        let transcript = try transcriptText.map { try JSONCoding.decoder.decode([ChatMessage].self, from: Data($0.utf8)) }
            ?? messages + (completion.map { [.assistant($0)] } ?? [])
        let status = SampleResult.Status(rawValue: row["status"]) ?? .error
        var score: Score?
        if status == .scored, let value = row["value"] as Double? {
            let parts = try (row["parts"] as String?).map {
                try JSONCoding.decoder.decode([String: Double].self, from: Data($0.utf8))
            }
            score = Score(
                value: value, label: row["label"], explanation: row["explanation"] ?? "", judgeOutput: row["judge_output"],
                parts: parts)
        }
        return SampleResult(
            runID: row["run_id"],
            sample: Sample(id: row["sample_id"], messages: messages, target: row["target"], metadata: metadata),
            epoch: row["epoch"], ordinal: row["ordinal"], status: status, completion: completion,
            transcript: transcript, score: score, grader: row["grader"], error: row["error"],
            usage: TokenUsage(promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"]),
            graderUsage: TokenUsage(
                promptTokens: row["grader_prompt_tokens"], completionTokens: row["grader_completion_tokens"]),
            developerRole: DeveloperRoleDelivery(rawValue: row["developer_role"]) ?? .none,
            cached: row["cached"], latencyMilliseconds: row["latency_ms"], mitigation: try mitigation(row["mitigation"]),
            usageByRole: try roles(row["usage_by_role"]))
    }

    static func roles(_ text: String?) throws -> [String: RoleUsage]? {
        try text.map { try JSONCoding.decoder.decode([String: RoleUsage].self, from: Data($0.utf8)) }
    }

    static func mitigation(_ text: String?) throws -> MitigationTally? {
        try text.map { try JSONCoding.decoder.decode(MitigationTally.self, from: Data($0.utf8)) }
    }

    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
