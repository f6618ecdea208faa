import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// A shared store on PostgreSQL (postgres-nio), chosen with `--db postgres://…`: the same tables and guarantees
/// as ``SQLiteResultStore`` (a finished sample is durable once its group commit returns, a crash loses only calls in
/// flight, no API key is stored), for a team that shares results and for runs sharded across machines, which all
/// write one run under one id. The arena keeps its accounts in SQLite.
///
/// Writes are batched by the same group-commit writer as SQLite's; each batch is a few statements whatever its size
/// (rows travel as one JSON array, unpacked by `jsonb_to_recordset`). A U+0000 in a model's answer is stored as
/// U+FFFD, as in SQLite (``Swift/String/storable``).
public final class PostgresResultStore: ResultStore {
    /// The database (without its password).
    public let location: PostgresLocation
    /// The connection pool, for the other parts of the package that keep their own tables in the store (the arena).
    package let client: PostgresClient
    private let running: Task<Void, Never>
    private let groupWriter: GroupCommitWriter<StoreWrite>
    static let quiet = Logger(label: "systemcard.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Serialises schema migrations of concurrent processes (`pg_advisory_xact_lock`).
    static let migrationLock: Int64 = 0x5359_5354_454D_4344

    /// Connects, creates or migrates the schema (one process at a time), and returns the store. Throws a
    /// ``SystemCardError`` naming the database (never its password) when it cannot connect or migrate.
    public static func open(_ location: PostgresLocation) async throws -> PostgresResultStore {
        try await migrate(location)
        return try PostgresResultStore(location: location)
    }

    private init(location: PostgresLocation) throws {
        self.location = location
        let client = PostgresClient(configuration: try Self.clientConfiguration(location), backgroundLogger: Self.quiet)
        self.client = client
        self.running = Task { await client.run() }
        self.groupWriter = GroupCommitWriter { items in
            do {
                try await Self.commit(items, client: client)
            } catch {
                throw SystemCardError(.store, "PostgreSQL \(location): cannot write results: \(Self.describe(error))")
            }
        }
    }

    deinit { running.cancel() }

    /// Closes the connections (after ``flush()``); the store cannot be used afterwards.
    public func close() async {
        try? await flush()
        running.cancel()
    }

    // MARK: Connecting

    static func connectionConfiguration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration(verify: false)))
        case .require: tls = .require(try NIOSSLContext(configuration: tlsConfiguration(verify: false)))
        case .verifyFull: tls = .require(try NIOSSLContext(configuration: tlsConfiguration(verify: true)))
        }
        return PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
    }

    static func clientConfiguration(_ location: PostgresLocation) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(tlsConfiguration(verify: false))
        case .require: tls = .require(tlsConfiguration(verify: false))
        case .verifyFull: tls = .require(tlsConfiguration(verify: true))
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        // Several processes share one server (a sharded run): a few connections each is plenty, since writes are
        // batched and reads are short.
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// TLS as libpq's `sslmode` means it: `prefer` and `require` encrypt without checking the server's certificate
    /// (managed and in-cluster servers often present self-signed ones), `verify-full` checks it and the host name
    /// against the system's trusted roots.
    static func tlsConfiguration(verify: Bool) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !verify { configuration.certificateVerification = .none }
        return configuration
    }

    /// A one-off connection (fails fast when the server is down, unlike the pool, which waits and retries) that
    /// applies the migrations this database lacks.
    static func migrate(_ location: PostgresLocation) async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try connectionConfiguration(location), id: 0, logger: quiet)
        } catch {
            throw SystemCardError(.store, "cannot connect to PostgreSQL at \(location): \(describe(error))")
        }
        do {
            try await connection.withTransaction(logger: quiet) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: quiet)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS systemcard_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
                    logger: quiet)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT name FROM systemcard_migrations", logger: quiet)
                    .decode(String.self)
                {
                    applied.insert(name)
                }
                let known = Set(migrations.map(\.name))
                if let unknown = applied.subtracting(known).sorted().first {
                    throw SystemCardError(
                        .store, "the database has migration '\(unknown)', which this systemcard does not know: it was "
                            + "created by a newer version; upgrade systemcard")
                }
                for migration in migrations where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: quiet)
                    }
                    try await connection.query(
                        "INSERT INTO systemcard_migrations (name, applied_at) VALUES (\(migration.name), now())",
                        logger: quiet)
                }
            }
        } catch {
            try? await connection.close()
            if let known = error as? SystemCardError { throw known }
            if let transaction = error as? PostgresTransactionError, let known = transaction.closureError as? SystemCardError {
                throw known
            }
            throw SystemCardError(.store, "cannot prepare the PostgreSQL database \(location): \(describe(error))")
        }
        try? await connection.close()
    }

    /// What went wrong, from the server's message where there is one (postgres-nio's own description hides it).
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            return describe(transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? error)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Runs `body`, turning a database error into a ``SystemCardError`` that names the database.
    func guarded<Result>(_ what: String, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as SystemCardError {
            throw error
        } catch {
            throw SystemCardError(.store, "PostgreSQL \(location): cannot \(what): \(Self.describe(error))")
        }
    }

    // MARK: Runs

    static let runColumns =
        "id, evaluation, evaluation_version, model, base_url, configuration, created_at, updated_at, status, summary"

    /// Inserts the run, or marks the stored one with the same id as running and returns it (resume; several shards
    /// opening one run at once all get the same row).
    public func openRun(_ run: RunRecord) async throws -> RunRecord {
        try await guarded("open run \(run.id)") {
            let configuration = try JSONCoding.string(run.configuration)
            let summary = try run.summary.map { try JSONCoding.string($0) }
            let rows = try await client.query(
                """
                INSERT INTO runs (id, evaluation, evaluation_version, model, base_url, configuration, created_at,
                                  updated_at, status, summary)
                VALUES (\(run.id), \(run.evaluation), \(run.evaluationVersion), \(run.model), \(run.baseURL),
                        \(configuration), \(run.createdAt), \(run.updatedAt), \(run.status.rawValue),
                        \(summary.map(\.storable)))
                ON CONFLICT (id) DO UPDATE SET status = 'running', updated_at = now()
                RETURNING \(unescaped: Self.runColumns)
                """)
            for try await row in rows { return try Self.runRecord(row) }
            throw SystemCardError(.store, "PostgreSQL returned no row for run \(run.id)")
        }
    }

    /// Writes the run's status and summary. A finished run is not marked unfinished by an incomplete summary:
    /// when shards end at once, the last to commit has seen every sample, and an earlier one's summary is older.
    public func updateRun(_ run: RunRecord) async throws {
        try await guarded("update run \(run.id)") {
            let summary = try run.summary.map { try JSONCoding.string($0) }
            let unfinished = run.status != .finished
            try await client.query(
                """
                UPDATE runs SET status = \(run.status.rawValue), summary = \(summary.map(\.storable)), updated_at = now()
                WHERE id = \(run.id) AND NOT (status = 'finished' AND \(unfinished))
                """)
        }
    }

    /// All runs, newest first.
    public func runs() async throws -> [RunRecord] {
        try await guarded("list runs") {
            var runs: [RunRecord] = []
            for try await row in try await client.query(
                "SELECT \(unescaped: Self.runColumns) FROM runs ORDER BY created_at DESC, id")
            {
                runs.append(try Self.runRecord(row))
            }
            return runs
        }
    }

    /// The run with this id, or the single run whose id starts with it; throws when the prefix matches more than one.
    public func run(id: String) async throws -> RunRecord? {
        try await guarded("read run \(id)") {
            var matches: [RunRecord] = []
            for try await row in try await client.query(
                """
                SELECT \(unescaped: Self.runColumns) FROM runs
                WHERE id = \(id) OR id LIKE \(SQLiteResultStore.likePrefix(id)) ESCAPE '\\'
                ORDER BY (id = \(id)) DESC LIMIT 2
                """)
            {
                matches.append(try Self.runRecord(row))
            }
            if let exact = matches.first(where: { $0.id == id }) { return exact }
            if matches.count > 1 { throw SystemCardError.invalidInput("run id '\(id)' is ambiguous; give more characters") }
            return matches.first
        }
    }

    static func runRecord(_ row: PostgresRow) throws -> RunRecord {
        let (id, evaluation, version, model, baseURL, configuration, createdAt, updatedAt, status, summary) =
            try row.decode((String, String, String, String, String, String, Date, Date, String, String?).self)
        return RunRecord(
            id: id, evaluation: evaluation, evaluationVersion: version, model: model, baseURL: baseURL,
            configuration: try JSONCoding.decoder.decode(RunConfiguration.self, from: Data(configuration.utf8)),
            createdAt: createdAt, updatedAt: updatedAt, status: RunRecord.Status(rawValue: status) ?? .interrupted,
            summary: try summary.map { try JSONCoding.decoder.decode(RunSummary.self, from: Data($0.utf8)) })
    }

    // MARK: Samples and calls

    /// The status of every sample-epoch of the run that has a result.
    public func sampleStatuses(runID: String) async throws -> [SampleKey: SampleResult.Status] {
        try await guarded("read the samples of run \(runID)") {
            var statuses: [SampleKey: SampleResult.Status] = [:]
            for try await (sample, epoch, status) in try await client.query(
                "SELECT sample_id, epoch, status FROM samples WHERE run_id = \(runID)"
            ).decode((String, Int, String).self) {
                statuses[SampleKey(sampleID: sample, epoch: epoch)] = SampleResult.Status(rawValue: status) ?? .error
            }
            return statuses
        }
    }

    /// The keys of every cached call of this model.
    public func cachedCallKeys(identity: ModelIdentity) async throws -> Set<String> {
        try await guarded("read cached calls") {
            var keys = Set<String>()
            for try await key in try await client.query(
                """
                SELECT key FROM model_calls
                WHERE provider = \(identity.provider) AND model = \(identity.model) AND base_url = \(identity.baseURL)
                """
            ).decode(String.self) {
                keys.insert(key)
            }
            return keys
        }
    }

    /// The cached answer for this call key, marked as cached; nil when none was stored.
    public func cachedResponse(key: String) async throws -> ModelResponse? {
        try await guarded("read a cached call") {
            let rows = try await client.query(
                """
                SELECT response_text, finish_reason, prompt_tokens, completion_tokens, developer_role, tool_calls, logprobs
                FROM model_calls WHERE key = \(key)
                """)
            for try await (text, finish, prompt, completion, role, calls, logprobs) in rows.decode(
                (String, String?, Int, Int, String, String?, String?).self)
            {
                var response = ModelResponse(
                    text: text, finishReason: finish,
                    toolCalls: try calls.map { try JSONCoding.decoder.decode([ToolCall].self, from: Data($0.utf8)) } ?? [],
                    usage: TokenUsage(promptTokens: prompt, completionTokens: completion),
                    developerRole: DeveloperRoleDelivery(rawValue: role) ?? .none, cached: true)
                response.firstTokenLogprobs = try logprobs.map {
                    try JSONCoding.decoder.decode([TokenLogprob].self, from: Data($0.utf8))
                }
                return response
            }
            return nil
        }
    }

    /// Queues a finished model call for the group-commit writer.
    public func saveCall(_ call: ModelCallRecord) throws {
        try groupWriter.enqueue(.call(call))
    }

    /// Queues a sample result for the group-commit writer (it replaces an earlier one for the same sample and epoch).
    public func saveResult(_ result: SampleResult) throws {
        try groupWriter.enqueue(.result(result))
    }

    /// Waits until everything queued is committed.
    public func flush() async throws {
        do {
            try await groupWriter.flush()
        } catch let error as SystemCardError {
            throw error
        } catch {
            throw SystemCardError(.store, "PostgreSQL \(location): cannot write results: \(Self.describe(error))")
        }
    }

    static let resultColumns = """
        s.sample_id, s.epoch, s.status, s.prompt_tokens, s.completion_tokens, s.developer_role, c.value, c.label,
        s.grader_prompt_tokens, s.grader_completion_tokens, c.parts, s.latency_ms, s.mitigation, s.usage_by_role
        """

    /// Status, score and usage of every result of the run, without the texts.
    public func resultRows(runID: String) async throws -> [ResultRow] {
        try await guarded("read the results of run \(runID)") {
            var rows: [ResultRow] = []
            var reader = RoleUsageReader()
            for try await row in try await client.query(
                """
                SELECT \(unescaped: Self.resultColumns)
                FROM samples s LEFT JOIN scores c ON c.run_id = s.run_id AND c.sample_id = s.sample_id AND c.epoch = s.epoch
                WHERE s.run_id = \(runID)
                """)
            {
                let (sample, epoch, statusText, prompt, completion, role, value, label, graderPrompt, graderCompletion,
                    parts, latency, mitigation, roles) = try row.decode(
                        (String, Int, String, Int, Int, String, Double?, String?, Int, Int, String?, Int, String?, String?).self)
                let status = SampleResult.Status(rawValue: statusText) ?? .error
                let partValues = try parts.map { try JSONCoding.decoder.decode([String: Double].self, from: Data($0.utf8)) }
                rows.append(
                    ResultRow(
                        key: SampleKey(sampleID: sample, epoch: epoch), status: status,
                        score: status == .scored
                            ? value.map { Score(value: $0, label: label, explanation: "", parts: partValues) } : nil,
                        usage: TokenUsage(promptTokens: prompt, completionTokens: completion),
                        graderUsage: TokenUsage(promptTokens: graderPrompt, completionTokens: graderCompletion),
                        developerRole: DeveloperRoleDelivery(rawValue: role) ?? .none, latencyMilliseconds: latency,
                        mitigation: try SQLiteResultStore.mitigation(mitigation),
                        usageByRole: try reader.read(roles)))
            }
            return rows
        }
    }

    /// Every result of the run, in dataset order, then by epoch.
    public func results(runID: String) async throws -> [SampleResult] {
        try await guarded("read the results of run \(runID)") {
            var results: [SampleResult] = []
            for try await row in try await client.query(
                """
                SELECT s.run_id, s.sample_id, s.epoch, s.ordinal, s.status, s.input, s.target, s.metadata, s.completion,
                       s.transcript, s.error, s.prompt_tokens, s.completion_tokens, s.grader_prompt_tokens,
                       s.grader_completion_tokens, s.developer_role, s.cached, s.latency_ms, s.grader, s.mitigation,
                       c.value, c.label, c.explanation, c.judge_output, c.parts, s.usage_by_role
                FROM samples s LEFT JOIN scores c ON c.run_id = s.run_id AND c.sample_id = s.sample_id AND c.epoch = s.epoch
                WHERE s.run_id = \(runID) ORDER BY s.ordinal, s.epoch
                """)
            {
                results.append(try Self.sampleResult(row))
            }
            return results
        }
    }

    static func sampleResult(_ row: PostgresRow) throws -> SampleResult {
        let cells = row.makeRandomAccess()
        func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
        func optionalText(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
        func integer(_ index: Int) throws -> Int { try cells[index].decode(Int.self) }
        let messages = try JSONCoding.decoder.decode([ChatMessage].self, from: Data(try text(5).utf8))
        let metadata = try JSONCoding.decoder.decode([String: String].self, from: Data(try text(7).utf8))
        let completion = try optionalText(8)
        let transcript = try optionalText(9).map { try JSONCoding.decoder.decode([ChatMessage].self, from: Data($0.utf8)) }
            ?? messages + (completion.map { [.assistant($0)] } ?? [])
        let status = SampleResult.Status(rawValue: try text(4)) ?? .error
        var score: Score?
        if status == .scored, let value = try cells[20].decode(Double?.self) {
            score = Score(
                value: value, label: try optionalText(21), explanation: try optionalText(22) ?? "",
                judgeOutput: try optionalText(23),
                parts: try optionalText(24).map { try JSONCoding.decoder.decode([String: Double].self, from: Data($0.utf8)) })
        }
        return SampleResult(
            runID: try text(0), sample: Sample(id: try text(1), messages: messages, target: try optionalText(6), metadata: metadata),
            epoch: try integer(2), ordinal: try integer(3), status: status, completion: completion, transcript: transcript,
            score: score, grader: try optionalText(18), error: try optionalText(10),
            usage: TokenUsage(promptTokens: try integer(11), completionTokens: try integer(12)),
            graderUsage: TokenUsage(promptTokens: try integer(13), completionTokens: try integer(14)),
            developerRole: DeveloperRoleDelivery(rawValue: try text(15)) ?? .none, cached: try cells[16].decode(Bool.self),
            latencyMilliseconds: try integer(17), mitigation: try SQLiteResultStore.mitigation(try optionalText(19)),
            usageByRole: try SQLiteResultStore.roles(try optionalText(25)))
    }

    // MARK: Batches

    /// Keeps a submitted batch (replacing the record with the same id).
    public func saveBatch(_ batch: BatchRecord) async throws {
        try await guarded("save batch \(batch.id)") {
            let text = try JSONCoding.string(batch)
            try await client.query(
                """
                INSERT INTO batches (id, run_id, record, created_at) VALUES (\(batch.id), \(batch.runID), \(text), \(batch.createdAt))
                ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record
                """)
        }
    }

    /// The batches a run submitted, oldest first.
    public func batches(runID: String) async throws -> [BatchRecord] {
        try await guarded("read the batches of run \(runID)") {
            var records: [BatchRecord] = []
            for try await text in try await client.query(
                "SELECT record FROM batches WHERE run_id = \(runID) ORDER BY created_at, id"
            ).decode(String.self) {
                records.append(try JSONCoding.decoder.decode(BatchRecord.self, from: Data(text.utf8)))
            }
            return records
        }
    }

    // MARK: Validations

    /// Keeps a validation's outcome, replacing an earlier one of the same kind, version and model.
    public func saveValidation(_ record: ValidationRecord) async throws {
        try await guarded("save a validation") {
            let text = String(decoding: try JSONCoding.encoder.encode(record), as: UTF8.self)
            try await client.query(
                """
                INSERT INTO validations (kind, grader_version, model, base_url, record, created_at)
                VALUES (\(record.kind), \(record.graderVersion), \(record.model), \(record.baseURL), \(text),
                        \(record.createdAt))
                ON CONFLICT (kind, grader_version, model, base_url)
                DO UPDATE SET record = EXCLUDED.record, created_at = EXCLUDED.created_at
                """)
        }
    }

    /// The validation of `kind` for this grader version and model, if one was made.
    public func validation(kind: String, graderVersion: String, model: String, baseURL: String) async throws
        -> ValidationRecord?
    {
        try await guarded("read a validation") {
            for try await text in try await client.query(
                """
                SELECT record FROM validations
                WHERE kind = \(kind) AND grader_version = \(graderVersion) AND model = \(model) AND base_url = \(baseURL)
                """
            ).decode(String.self) {
                return try JSONCoding.decoder.decode(ValidationRecord.self, from: Data(text.utf8))
            }
            return nil
        }
    }
}
