import Foundation
import Logging
import PostgresNIO
import SystemCardKit

/// The arena's tables in a shared PostgreSQL store (created by its migrations); see ``ArenaStore``.
struct PostgresArenaStore: ArenaStore {
    let store: PostgresResultStore
    static let quiet = Logger(label: "systemcard.arena.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ store: PostgresResultStore) {
        self.store = store
    }

    var client: PostgresClient { store.client }

    static let userColumns = "u.id, u.name, u.role, u.password_hash, u.failed_attempts, u.locked_until"

    static func user(_ row: PostgresRow) throws -> ArenaUser {
        let (id, name, role, hash, failures, locked) = try row.decode((Int64, String, String, String, Int, Date?).self)
        return ArenaUser(
            id: id, name: name, role: ArenaUser.Role(rawValue: role) ?? .redteamer, passwordHash: hash,
            failedAttempts: failures, lockedUntil: locked)
    }

    func addUser(name: String, passwordHash: String, role: ArenaUser.Role) async throws -> ArenaUser {
        for try await id in try await client.query(
            """
            INSERT INTO arena_users (name, password_hash, role, created_at) VALUES (\(name), \(passwordHash), \(role.rawValue), now())
            RETURNING id
            """
        ).decode(Int64.self) {
            return ArenaUser(id: id, name: name, role: role, passwordHash: passwordHash, failedAttempts: 0)
        }
        throw SystemCardError(.store, "PostgreSQL returned no id for the new account")
    }

    func user(named name: String) async throws -> ArenaUser? {
        for try await row in try await client.query(
            "SELECT \(unescaped: Self.userColumns) FROM arena_users u WHERE u.name = \(name)")
        {
            return try Self.user(row)
        }
        return nil
    }

    func userCount() async throws -> Int {
        for try await count in try await client.query("SELECT COUNT(*) FROM arena_users").decode(Int.self) { return count }
        return 0
    }

    func recordFailure(_ user: ArenaUser, limit: Int, lockout: TimeInterval) async throws {
        let failures = user.failedAttempts + 1
        let locked: Date? = failures >= limit ? Date().addingTimeInterval(lockout) : nil
        try await client.query(
            "UPDATE arena_users SET failed_attempts = \(failures >= limit ? 0 : failures), locked_until = \(locked) WHERE id = \(user.id)")
    }

    func clearFailures(_ user: ArenaUser) async throws {
        try await client.query("UPDATE arena_users SET failed_attempts = 0, locked_until = NULL WHERE id = \(user.id)")
    }

    func addInvitation(tokenHash: String, role: ArenaUser.Role, by admin: ArenaUser, expires: Date) async throws {
        try await client.query(
            """
            INSERT INTO arena_invitations (token_hash, role, created_by, created_at, expires_at)
            VALUES (\(tokenHash), \(role.rawValue), \(admin.id), now(), \(expires))
            """)
    }

    func invitation(tokenHash: String) async throws -> ArenaUser.Role? {
        for try await role in try await client.query(
            "SELECT role FROM arena_invitations WHERE token_hash = \(tokenHash) AND used_by IS NULL AND expires_at > \(Date())"
        ).decode(String.self) {
            return ArenaUser.Role(rawValue: role)
        }
        return nil
    }

    func acceptInvitation(tokenHash: String, name: String, passwordHash: String) async throws -> ArenaUser? {
        do {
            return try await client.withTransaction(logger: Self.quiet) { connection -> ArenaUser? in
                var role: ArenaUser.Role?
                // FOR UPDATE: two sign-ups with one invitation cannot both see it unused.
                for try await text in try await connection.query(
                    """
                    SELECT role FROM arena_invitations
                    WHERE token_hash = \(tokenHash) AND used_by IS NULL AND expires_at > \(Date()) FOR UPDATE
                    """, logger: Self.quiet
                ).decode(String.self) {
                    role = ArenaUser.Role(rawValue: text)
                }
                guard let role else { return nil }
                var taken = 0
                for try await count in try await connection.query(
                    "SELECT COUNT(*) FROM arena_users WHERE name = \(name)", logger: Self.quiet
                ).decode(Int.self) {
                    taken = count
                }
                guard taken == 0 else { return nil }
                var id: Int64?
                for try await value in try await connection.query(
                    """
                    INSERT INTO arena_users (name, password_hash, role, created_at)
                    VALUES (\(name), \(passwordHash), \(role.rawValue), now()) RETURNING id
                    """, logger: Self.quiet
                ).decode(Int64.self) {
                    id = value
                }
                guard let id else { return nil }
                try await connection.query(
                    "UPDATE arena_invitations SET used_by = \(id) WHERE token_hash = \(tokenHash)", logger: Self.quiet)
                return ArenaUser(id: id, name: name, role: role, passwordHash: passwordHash, failedAttempts: 0)
            }
        } catch let error as PostgresTransactionError {
            // A name taken by a concurrent sign-up (unique violation) is a refused sign-up, not a failure.
            if let server = error.closureError as? PSQLError, server.serverInfo?[.sqlState] == "23505" { return nil }
            throw error
        }
    }

    func addSession(tokenHash: String, user: ArenaUser, csrf: String, expires: Date) async throws {
        try await client.query(
            """
            INSERT INTO arena_sessions (token_hash, user_id, csrf, created_at, expires_at)
            VALUES (\(tokenHash), \(user.id), \(csrf), now(), \(expires))
            """)
    }

    func session(tokenHash: String) async throws -> ArenaSession? {
        for try await row in try await client.query(
            """
            SELECT \(unescaped: Self.userColumns), s.csrf FROM arena_sessions s JOIN arena_users u ON u.id = s.user_id
            WHERE s.token_hash = \(tokenHash) AND NOT s.revoked AND s.expires_at > \(Date())
            """)
        {
            let cells = row.makeRandomAccess()
            return ArenaSession(user: try Self.user(row), csrf: try cells[6].decode(String.self), tokenHash: tokenHash)
        }
        return nil
    }

    func revokeSession(tokenHash: String) async throws {
        try await client.query("UPDATE arena_sessions SET revoked = TRUE WHERE token_hash = \(tokenHash)")
    }

    static let conversationColumns =
        "c.id, c.user_id, u.name, c.kind, c.category, c.model_a, c.model_b, c.rating, c.created_at"

    static func conversation(_ row: PostgresRow) throws -> ArenaConversation {
        let (id, user, name, kind, category, modelA, modelB, rating, created) = try row.decode(
            (Int64, Int64, String, String, String, String, String?, String?, Date).self)
        return ArenaConversation(
            id: id, userID: user, userName: name, kind: ArenaConversation.Kind(rawValue: kind) ?? .pairwise,
            category: category, modelA: modelA, modelB: modelB, rating: rating.flatMap(ArenaConversation.Rating.init(rawValue:)),
            createdAt: created)
    }

    func addConversation(user: ArenaUser, kind: ArenaConversation.Kind, category: String, modelA: String, modelB: String?)
        async throws -> Int64
    {
        for try await id in try await client.query(
            """
            INSERT INTO arena_conversations (user_id, kind, category, model_a, model_b, created_at)
            VALUES (\(user.id), \(kind.rawValue), \(category), \(modelA), \(modelB), now()) RETURNING id
            """
        ).decode(Int64.self) {
            return id
        }
        throw SystemCardError(.store, "PostgreSQL returned no id for the new conversation")
    }

    func conversations(where condition: PostgresQuery) async throws -> [ArenaConversation] {
        var conversations: [ArenaConversation] = []
        for try await row in try await client.query(condition) { conversations.append(try Self.conversation(row)) }
        return conversations
    }

    func conversation(id: Int64, visibleTo user: ArenaUser) async throws -> ArenaConversation? {
        try await conversations(
            where: """
                SELECT \(unescaped: Self.conversationColumns) FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id
                WHERE c.id = \(id) AND (c.user_id = \(user.id) OR \(user.role.rawValue) = 'admin')
                """
        ).first
    }

    func conversations(visibleTo user: ArenaUser) async throws -> [ArenaConversation] {
        try await conversations(
            where: """
                SELECT \(unescaped: Self.conversationColumns) FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id
                WHERE c.user_id = \(user.id) OR \(user.role.rawValue) = 'admin' ORDER BY c.id DESC
                """)
    }

    func allConversations() async throws -> [ArenaConversation] {
        try await conversations(
            where: """
                SELECT \(unescaped: Self.conversationColumns) FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id
                ORDER BY c.id
                """)
    }

    func rate(_ conversation: Int64, rating: ArenaConversation.Rating, harmful: Set<String>) async throws {
        try await client.withTransaction(logger: Self.quiet) { connection in
            try await connection.query(
                """
                UPDATE arena_conversations SET rating = \(rating.rawValue), rated_at = now()
                WHERE id = \(conversation) AND rating IS NULL
                """, logger: Self.quiet)
            for key in harmful {
                let parts = key.split(separator: "-")
                guard parts.count == 2, let turn = Int(parts[0]) else { continue }
                try await connection.query(
                    """
                    UPDATE arena_turns SET flagged_harmful = TRUE
                    WHERE conversation_id = \(conversation) AND turn = \(turn) AND side = \(String(parts[1]))
                    """, logger: Self.quiet)
            }
        }
    }

    static let turnColumns =
        "conversation_id, turn, side, prompt, response, error, refused, flagged_harmful, attack_success, judge_note"

    static func turn(_ row: PostgresRow) throws -> (Int64, ArenaTurn) {
        let (conversation, turn, side, prompt, response, error, refused, harmful, success, note) = try row.decode(
            (Int64, Int, String, String, String?, String?, Bool, Bool, Bool?, String?).self)
        return (
            conversation,
            ArenaTurn(
                turn: turn, side: side, prompt: prompt, response: response, error: error, refused: refused,
                flaggedHarmful: harmful, attackSuccess: success, judgeNote: note)
        )
    }

    func turns(of conversation: Int64) async throws -> [ArenaTurn] {
        var turns: [ArenaTurn] = []
        for try await row in try await client.query(
            "SELECT \(unescaped: Self.turnColumns) FROM arena_turns WHERE conversation_id = \(conversation) ORDER BY turn, side")
        {
            turns.append(try Self.turn(row).1)
        }
        return turns
    }

    func allTurns() async throws -> [Int64: [ArenaTurn]] {
        var turns: [Int64: [ArenaTurn]] = [:]
        for try await row in try await client.query(
            "SELECT \(unescaped: Self.turnColumns) FROM arena_turns ORDER BY conversation_id, turn, side")
        {
            let (conversation, turn) = try Self.turn(row)
            turns[conversation, default: []].append(turn)
        }
        return turns
    }

    func addTurn(_ turn: ArenaTurn, to conversation: Int64) async throws {
        try await client.query(
            """
            INSERT INTO arena_turns (conversation_id, turn, side, prompt, response, error, refused, flagged_harmful,
                                     attack_success, judge_note, created_at)
            VALUES (\(conversation), \(turn.turn), \(turn.side), \(turn.prompt.storable), \(turn.response?.storable),
                    \(turn.error?.storable), \(turn.refused), \(turn.flaggedHarmful), \(turn.attackSuccess),
                    \(turn.judgeNote?.storable), now())
            ON CONFLICT (conversation_id, turn, side) DO UPDATE SET
              prompt = EXCLUDED.prompt, response = EXCLUDED.response, error = EXCLUDED.error, refused = EXCLUDED.refused,
              flagged_harmful = EXCLUDED.flagged_harmful, attack_success = EXCLUDED.attack_success,
              judge_note = EXCLUDED.judge_note, created_at = EXCLUDED.created_at
            """)
    }

    func audit(_ user: ArenaUser?, _ action: String, _ detail: String) async throws {
        try await client.query(
            "INSERT INTO arena_audit (at, user_id, action, detail) VALUES (now(), \(user?.id), \(action), \(detail.storable))")
    }

    func auditLog(limit: Int) async throws -> [(at: Date, user: String?, action: String, detail: String)] {
        var entries: [(at: Date, user: String?, action: String, detail: String)] = []
        for try await (at, user, action, detail) in try await client.query(
            """
            SELECT a.at, u.name, a.action, a.detail FROM arena_audit a LEFT JOIN arena_users u ON u.id = a.user_id
            ORDER BY a.id DESC LIMIT \(limit)
            """
        ).decode((Date, String?, String, String).self) {
            entries.append((at, user, action, detail))
        }
        return entries
    }
}
