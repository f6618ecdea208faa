extension PostgresResultStore {
    /// One migration per schema change, applied in order and recorded in `systemcard_migrations`; never edit a
    /// shipped migration, add a new one. The tables hold what SQLite's do (`SQLiteResultStore.migrator`), except the
    /// arena's, which stays in SQLite.
    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1",
            [
                """
                CREATE TABLE runs (
                  id TEXT PRIMARY KEY,
                  evaluation TEXT NOT NULL,
                  evaluation_version TEXT NOT NULL,
                  model TEXT NOT NULL,
                  base_url TEXT NOT NULL,
                  configuration TEXT NOT NULL,
                  created_at TIMESTAMPTZ NOT NULL,
                  updated_at TIMESTAMPTZ NOT NULL,
                  status TEXT NOT NULL,
                  summary TEXT
                )
                """,
                """
                CREATE TABLE samples (
                  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  sample_id TEXT NOT NULL,
                  epoch BIGINT NOT NULL,
                  ordinal BIGINT NOT NULL,
                  status TEXT NOT NULL,
                  input TEXT NOT NULL,
                  target TEXT,
                  metadata TEXT NOT NULL,
                  completion TEXT,
                  transcript TEXT,
                  error TEXT,
                  prompt_tokens BIGINT NOT NULL,
                  completion_tokens BIGINT NOT NULL,
                  grader_prompt_tokens BIGINT NOT NULL,
                  grader_completion_tokens BIGINT NOT NULL,
                  developer_role TEXT NOT NULL,
                  cached BOOLEAN NOT NULL,
                  latency_ms BIGINT NOT NULL,
                  updated_at TIMESTAMPTZ NOT NULL,
                  grader TEXT,
                  mitigation TEXT,
                  PRIMARY KEY (run_id, sample_id, epoch)
                )
                """,
                """
                CREATE TABLE scores (
                  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  sample_id TEXT NOT NULL,
                  epoch BIGINT NOT NULL,
                  grader TEXT,
                  value DOUBLE PRECISION NOT NULL,
                  label TEXT,
                  explanation TEXT NOT NULL,
                  judge_output TEXT,
                  grader_prompt_tokens BIGINT NOT NULL,
                  grader_completion_tokens BIGINT NOT NULL,
                  parts TEXT,
                  PRIMARY KEY (run_id, sample_id, epoch)
                )
                """,
                """
                CREATE TABLE model_calls (
                  key TEXT PRIMARY KEY,
                  provider TEXT NOT NULL,
                  model TEXT NOT NULL,
                  base_url TEXT NOT NULL,
                  epoch BIGINT NOT NULL,
                  request TEXT NOT NULL,
                  response_text TEXT NOT NULL,
                  finish_reason TEXT,
                  prompt_tokens BIGINT NOT NULL,
                  completion_tokens BIGINT NOT NULL,
                  developer_role TEXT NOT NULL,
                  created_at TIMESTAMPTZ NOT NULL,
                  tool_calls TEXT,
                  logprobs TEXT
                )
                """,
                "CREATE INDEX model_calls_by_model ON model_calls (provider, model, base_url)",
                """
                CREATE TABLE validations (
                  kind TEXT NOT NULL,
                  grader_version TEXT NOT NULL,
                  model TEXT NOT NULL,
                  base_url TEXT NOT NULL,
                  record TEXT NOT NULL,
                  created_at TIMESTAMPTZ NOT NULL,
                  PRIMARY KEY (kind, grader_version, model, base_url)
                )
                """,
            ]
        ),
        ("v2: usage by role", ["ALTER TABLE samples ADD COLUMN usage_by_role TEXT"]),
        (
            "v3: batches",
            [
                """
                CREATE TABLE batches (
                  id TEXT PRIMARY KEY, run_id TEXT NOT NULL, record TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX batches_by_run ON batches (run_id)",
            ]
        ),
        (
            "v4: the red-teaming arena",
            [
                """
                CREATE TABLE arena_users (
                  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, role TEXT NOT NULL,
                  failed_attempts BIGINT NOT NULL DEFAULT 0, locked_until TIMESTAMPTZ, created_at TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE arena_invitations (
                  token_hash TEXT PRIMARY KEY, role TEXT NOT NULL, created_by BIGINT NOT NULL REFERENCES arena_users(id),
                  created_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL, used_by BIGINT REFERENCES arena_users(id))
                """,
                """
                CREATE TABLE arena_sessions (
                  token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES arena_users(id), csrf TEXT NOT NULL,
                  created_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL, revoked BOOLEAN NOT NULL DEFAULT FALSE)
                """,
                """
                CREATE TABLE arena_conversations (
                  id BIGSERIAL PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES arena_users(id), kind TEXT NOT NULL,
                  category TEXT NOT NULL, model_a TEXT NOT NULL, model_b TEXT, rating TEXT, rated_at TIMESTAMPTZ,
                  created_at TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE arena_turns (
                  conversation_id BIGINT NOT NULL REFERENCES arena_conversations(id) ON DELETE CASCADE,
                  turn BIGINT NOT NULL, side TEXT NOT NULL, prompt TEXT NOT NULL, response TEXT, error TEXT,
                  refused BOOLEAN NOT NULL DEFAULT FALSE, flagged_harmful BOOLEAN NOT NULL DEFAULT FALSE,
                  attack_success BOOLEAN, judge_note TEXT, created_at TIMESTAMPTZ NOT NULL,
                  PRIMARY KEY (conversation_id, turn, side))
                """,
                """
                CREATE TABLE arena_audit (
                  id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, user_id BIGINT, action TEXT NOT NULL,
                  detail TEXT NOT NULL)
                """,
            ]
        ),
    ]
}
