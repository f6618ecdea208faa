import GRDB

extension SQLiteResultStore {
    /// One migration per schema change; never edit a shipped migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                      id TEXT PRIMARY KEY NOT NULL,
                      evaluation TEXT NOT NULL,
                      evaluation_version TEXT NOT NULL,
                      model TEXT NOT NULL,
                      base_url TEXT NOT NULL,
                      configuration TEXT NOT NULL,
                      created_at DATETIME NOT NULL,
                      updated_at DATETIME NOT NULL,
                      status TEXT NOT NULL,
                      summary TEXT
                    );
                    CREATE TABLE samples (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      sample_id TEXT NOT NULL,
                      epoch INTEGER NOT NULL,
                      ordinal INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      input TEXT NOT NULL,
                      target TEXT,
                      metadata TEXT NOT NULL,
                      completion TEXT,
                      transcript TEXT,
                      error TEXT,
                      prompt_tokens INTEGER NOT NULL,
                      completion_tokens INTEGER NOT NULL,
                      grader_prompt_tokens INTEGER NOT NULL,
                      grader_completion_tokens INTEGER NOT NULL,
                      developer_role TEXT NOT NULL,
                      cached BOOLEAN NOT NULL,
                      latency_ms INTEGER NOT NULL,
                      updated_at DATETIME NOT NULL,
                      PRIMARY KEY (run_id, sample_id, epoch)
                    );
                    CREATE TABLE scores (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      sample_id TEXT NOT NULL,
                      epoch INTEGER NOT NULL,
                      grader TEXT,
                      value REAL NOT NULL,
                      label TEXT,
                      explanation TEXT NOT NULL,
                      judge_output TEXT,
                      grader_prompt_tokens INTEGER NOT NULL,
                      grader_completion_tokens INTEGER NOT NULL,
                      PRIMARY KEY (run_id, sample_id, epoch)
                    );
                    CREATE TABLE model_calls (
                      key TEXT PRIMARY KEY NOT NULL,
                      provider TEXT NOT NULL,
                      model TEXT NOT NULL,
                      base_url TEXT NOT NULL,
                      epoch INTEGER NOT NULL,
                      request TEXT NOT NULL,
                      response_text TEXT NOT NULL,
                      finish_reason TEXT,
                      prompt_tokens INTEGER NOT NULL,
                      completion_tokens INTEGER NOT NULL,
                      developer_role TEXT NOT NULL,
                      created_at DATETIME NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2: index cached calls by model") { db in
            try db.execute(sql: "CREATE INDEX model_calls_by_model ON model_calls (provider, model, base_url)")
        }
        migrator.registerMigration("v3: grader of every sample") { db in
            // Errored samples have no score row, so the grader is kept with the sample too.
            try db.execute(sql: "ALTER TABLE samples ADD COLUMN grader TEXT")
        }
        migrator.registerMigration("v4: tool calls of cached answers") { db in
            // A cached answer that called tools replays its calls (JSON array; NULL when it called none).
            try db.execute(sql: "ALTER TABLE model_calls ADD COLUMN tool_calls TEXT")
        }
        migrator.registerMigration("v5: named parts of a score") { db in
            // Score.parts as a JSON object; NULL when the grader gave none.
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN parts TEXT")
        }
        migrator.registerMigration("v6: what mitigations did") { db in
            // MitigationTally as JSON (calls, usage, actions); NULL when the run has no mitigation or it did nothing.
            try db.execute(sql: "ALTER TABLE samples ADD COLUMN mitigation TEXT")
        }
        migrator.registerMigration("v7: first-token log-probabilities of cached answers") { db in
            // ModelResponse.firstTokenLogprobs as JSON; NULL when the request asked for none.
            try db.execute(sql: "ALTER TABLE model_calls ADD COLUMN logprobs TEXT")
        }
        migrator.registerMigration("v8: validations of graders against human labels") { db in
            try db.execute(
                sql: """
                    CREATE TABLE validations (
                      kind TEXT NOT NULL,
                      grader_version TEXT NOT NULL,
                      model TEXT NOT NULL,
                      base_url TEXT NOT NULL,
                      record TEXT NOT NULL,
                      created_at DATETIME NOT NULL,
                      PRIMARY KEY (kind, grader_version, model, base_url)
                    )
                    """)
        }
        migrator.registerMigration("v9: the red-teaming arena") { db in
            // Accounts, invitations and sessions store only hashes of passwords (bcrypt) and tokens (SHA-256).
            try db.execute(
                sql: """
                    CREATE TABLE arena_users (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL UNIQUE,
                      password_hash TEXT NOT NULL,
                      role TEXT NOT NULL,
                      failed_attempts INTEGER NOT NULL DEFAULT 0,
                      locked_until DATETIME,
                      created_at DATETIME NOT NULL
                    );
                    CREATE TABLE arena_invitations (
                      token_hash TEXT PRIMARY KEY NOT NULL,
                      role TEXT NOT NULL,
                      created_by INTEGER NOT NULL REFERENCES arena_users(id),
                      created_at DATETIME NOT NULL,
                      expires_at DATETIME NOT NULL,
                      used_by INTEGER REFERENCES arena_users(id)
                    );
                    CREATE TABLE arena_sessions (
                      token_hash TEXT PRIMARY KEY NOT NULL,
                      user_id INTEGER NOT NULL REFERENCES arena_users(id),
                      csrf TEXT NOT NULL,
                      created_at DATETIME NOT NULL,
                      expires_at DATETIME NOT NULL,
                      revoked BOOLEAN NOT NULL DEFAULT 0
                    );
                    CREATE TABLE arena_conversations (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      user_id INTEGER NOT NULL REFERENCES arena_users(id),
                      kind TEXT NOT NULL,
                      category TEXT NOT NULL,
                      model_a TEXT NOT NULL,
                      model_b TEXT,
                      rating TEXT,
                      rated_at DATETIME,
                      created_at DATETIME NOT NULL
                    );
                    CREATE TABLE arena_turns (
                      conversation_id INTEGER NOT NULL REFERENCES arena_conversations(id) ON DELETE CASCADE,
                      turn INTEGER NOT NULL,
                      side TEXT NOT NULL,
                      prompt TEXT NOT NULL,
                      response TEXT,
                      error TEXT,
                      refused BOOLEAN NOT NULL DEFAULT 0,
                      flagged_harmful BOOLEAN NOT NULL DEFAULT 0,
                      attack_success BOOLEAN,
                      judge_note TEXT,
                      created_at DATETIME NOT NULL,
                      PRIMARY KEY (conversation_id, turn, side)
                    );
                    CREATE TABLE arena_audit (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      at DATETIME NOT NULL,
                      user_id INTEGER,
                      action TEXT NOT NULL,
                      detail TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v10: usage by role") { db in
            // [role: RoleUsage] as JSON, for the run's cost by role; NULL for results stored before.
            try db.execute(sql: "ALTER TABLE samples ADD COLUMN usage_by_role TEXT")
        }
        migrator.registerMigration("v11: batches") { db in
            // BatchRecord as JSON; one row per provider batch a run submitted (--batch).
            try db.execute(
                sql: """
                    CREATE TABLE batches (
                      id TEXT PRIMARY KEY NOT NULL,
                      run_id TEXT NOT NULL,
                      record TEXT NOT NULL,
                      created_at DATETIME NOT NULL
                    );
                    CREATE INDEX batches_by_run ON batches (run_id);
                    """)
        }
        return migrator
    }
}
