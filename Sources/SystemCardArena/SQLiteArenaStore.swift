import Foundation
import GRDB
import SystemCardKit

/// The arena's tables in a SQLite store (created by the store's migrations); see ``ArenaStore``.
struct SQLiteArenaStore: ArenaStore {
    let database: any DatabaseWriter

    init(_ store: SQLiteResultStore) {
        database = store.database
    }

    // MARK: Users

    static func user(_ row: Row) -> ArenaUser {
        ArenaUser(
            id: row["id"], name: row["name"], role: ArenaUser.Role(rawValue: row["role"]) ?? .redteamer,
            passwordHash: row["password_hash"], failedAttempts: row["failed_attempts"], lockedUntil: row["locked_until"])
    }

    func addUser(name: String, passwordHash: String, role: ArenaUser.Role) async throws -> ArenaUser {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO arena_users (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, passwordHash, role.rawValue, Date()])
            return ArenaUser(id: db.lastInsertedRowID, name: name, role: role, passwordHash: passwordHash, failedAttempts: 0)
        }
    }

    func user(named name: String) async throws -> ArenaUser? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM arena_users WHERE name = ?", arguments: [name]).map(Self.user)
        }
    }

    func userCount() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arena_users") ?? 0 }
    }

    /// Records a failed sign-in; locks the account for `lockout` after `limit` failures in a row.
    func recordFailure(_ user: ArenaUser, limit: Int, lockout: TimeInterval) async throws {
        try await database.write { db in
            let failures = user.failedAttempts + 1
            let locked: Date? = failures >= limit ? Date().addingTimeInterval(lockout) : nil
            try db.execute(
                sql: "UPDATE arena_users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                arguments: [failures >= limit ? 0 : failures, locked, user.id])
        }
    }

    func clearFailures(_ user: ArenaUser) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE arena_users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [user.id])
        }
    }

    // MARK: Invitations

    func addInvitation(tokenHash: String, role: ArenaUser.Role, by admin: ArenaUser, expires: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO arena_invitations (token_hash, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, role.rawValue, admin.id, Date(), expires])
        }
    }

    /// The role of an unused, unexpired invitation.
    func invitation(tokenHash: String) async throws -> ArenaUser.Role? {
        try await database.read { db in
            try String.fetchOne(
                db, sql: "SELECT role FROM arena_invitations WHERE token_hash = ? AND used_by IS NULL AND expires_at > ?",
                arguments: [tokenHash, Date()]
            ).flatMap(ArenaUser.Role.init(rawValue:))
        }
    }

    /// Creates the invited account and uses up the invitation, in one transaction; nil when the invitation was
    /// used or expired meanwhile, or the name is taken.
    func acceptInvitation(tokenHash: String, name: String, passwordHash: String) async throws -> ArenaUser? {
        try await database.write { db in
            guard
                let role = try String.fetchOne(
                    db, sql: "SELECT role FROM arena_invitations WHERE token_hash = ? AND used_by IS NULL AND expires_at > ?",
                    arguments: [tokenHash, Date()]
                ).flatMap(ArenaUser.Role.init(rawValue:)),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arena_users WHERE name = ?", arguments: [name]) == 0
            else { return nil }
            try db.execute(
                sql: "INSERT INTO arena_users (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, passwordHash, role.rawValue, Date()])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE arena_invitations SET used_by = ? WHERE token_hash = ?", arguments: [id, tokenHash])
            return ArenaUser(id: id, name: name, role: role, passwordHash: passwordHash, failedAttempts: 0)
        }
    }

    // MARK: Sessions

    func addSession(tokenHash: String, user: ArenaUser, csrf: String, expires: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO arena_sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, user.id, csrf, Date(), expires])
        }
    }

    /// The live session with this token hash (not revoked, not expired).
    func session(tokenHash: String) async throws -> ArenaSession? {
        try await database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.*, s.csrf FROM arena_sessions s JOIN arena_users u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ?
                        """,
                    arguments: [tokenHash, Date()])
            else { return nil }
            return ArenaSession(user: Self.user(row), csrf: row["csrf"], tokenHash: tokenHash)
        }
    }

    func revokeSession(tokenHash: String) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE arena_sessions SET revoked = 1 WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    // MARK: Conversations

    static func conversation(_ row: Row) -> ArenaConversation {
        ArenaConversation(
            id: row["id"], userID: row["user_id"], userName: row["user_name"] ?? "",
            kind: ArenaConversation.Kind(rawValue: row["kind"]) ?? .pairwise, category: row["category"],
            modelA: row["model_a"], modelB: row["model_b"],
            rating: (row["rating"] as String?).flatMap(ArenaConversation.Rating.init(rawValue:)), createdAt: row["created_at"])
    }

    func addConversation(user: ArenaUser, kind: ArenaConversation.Kind, category: String, modelA: String, modelB: String?)
        async throws -> Int64
    {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO arena_conversations (user_id, kind, category, model_a, model_b, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [user.id, kind.rawValue, category, modelA, modelB, Date()])
            return db.lastInsertedRowID
        }
    }

    /// A conversation `user` may see: their own, or any for an admin.
    func conversation(id: Int64, visibleTo user: ArenaUser) async throws -> ArenaConversation? {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT c.*, u.name AS user_name FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id
                    WHERE c.id = ? AND (c.user_id = ? OR ? = 'admin')
                    """,
                arguments: [id, user.id, user.role.rawValue]
            ).map(Self.conversation)
        }
    }

    /// The conversations `user` may see, newest first.
    func conversations(visibleTo user: ArenaUser) async throws -> [ArenaConversation] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, u.name AS user_name FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id
                    WHERE c.user_id = ? OR ? = 'admin' ORDER BY c.id DESC
                    """,
                arguments: [user.id, user.role.rawValue]
            ).map(Self.conversation)
        }
    }

    func allConversations() async throws -> [ArenaConversation] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT c.*, u.name AS user_name FROM arena_conversations c JOIN arena_users u ON u.id = c.user_id ORDER BY c.id")
                .map(Self.conversation)
        }
    }

    func rate(_ conversation: Int64, rating: ArenaConversation.Rating, harmful: Set<String>) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE arena_conversations SET rating = ?, rated_at = ? WHERE id = ? AND rating IS NULL",
                arguments: [rating.rawValue, Date(), conversation])
            for key in harmful {
                let parts = key.split(separator: "-")
                guard parts.count == 2, let turn = Int(parts[0]) else { continue }
                try db.execute(
                    sql: "UPDATE arena_turns SET flagged_harmful = 1 WHERE conversation_id = ? AND turn = ? AND side = ?",
                    arguments: [conversation, turn, String(parts[1])])
            }
        }
    }

    // MARK: Turns

    static func turn(_ row: Row) -> ArenaTurn {
        ArenaTurn(
            turn: row["turn"], side: row["side"], prompt: row["prompt"], response: row["response"], error: row["error"],
            refused: row["refused"], flaggedHarmful: row["flagged_harmful"], attackSuccess: row["attack_success"],
            judgeNote: row["judge_note"])
    }

    func turns(of conversation: Int64) async throws -> [ArenaTurn] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM arena_turns WHERE conversation_id = ? ORDER BY turn, side", arguments: [conversation]
            ).map(Self.turn)
        }
    }

    func allTurns() async throws -> [Int64: [ArenaTurn]] {
        try await database.read { db in
            var turns: [Int64: [ArenaTurn]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM arena_turns ORDER BY conversation_id, turn, side") {
                turns[row["conversation_id"], default: []].append(Self.turn(row))
            }
            return turns
        }
    }

    func addTurn(_ turn: ArenaTurn, to conversation: Int64) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO arena_turns
                      (conversation_id, turn, side, prompt, response, error, refused, flagged_harmful, attack_success,
                       judge_note, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    conversation, turn.turn, turn.side, turn.prompt.storable, turn.response?.storable, turn.error?.storable,
                    turn.refused, turn.flaggedHarmful, turn.attackSuccess, turn.judgeNote?.storable, Date(),
                ])
        }
    }

    // MARK: Audit

    func audit(_ user: ArenaUser?, _ action: String, _ detail: String) async throws {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO arena_audit (at, user_id, action, detail) VALUES (?, ?, ?, ?)",
                arguments: [Date(), user?.id, action, detail.storable])
        }
    }

    func auditLog(limit: Int) async throws -> [(at: Date, user: String?, action: String, detail: String)] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.at, u.name, a.action, a.detail FROM arena_audit a LEFT JOIN arena_users u ON u.id = a.user_id
                    ORDER BY a.id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }
}
