import Foundation
import SystemCardKit

/// The arena's tables in the project's store: accounts, invitations, sessions, conversations, turns and the audit
/// log, in SQLite (``SQLiteArenaStore``) or in a shared PostgreSQL store (``PostgresArenaStore``). Passwords are kept
/// as bcrypt hashes, tokens as SHA-256 hashes.
protocol ArenaStore: Sendable {
    func addUser(name: String, passwordHash: String, role: ArenaUser.Role) async throws -> ArenaUser
    func user(named name: String) async throws -> ArenaUser?
    func userCount() async throws -> Int
    /// Records a failed sign-in; locks the account for `lockout` after `limit` failures in a row.
    func recordFailure(_ user: ArenaUser, limit: Int, lockout: TimeInterval) async throws
    func clearFailures(_ user: ArenaUser) async throws
    func addInvitation(tokenHash: String, role: ArenaUser.Role, by admin: ArenaUser, expires: Date) async throws
    /// The role of an unused, unexpired invitation.
    func invitation(tokenHash: String) async throws -> ArenaUser.Role?
    /// Creates the invited account and uses up the invitation, in one transaction; nil when the invitation was
    /// used or expired meanwhile, or the name is taken.
    func acceptInvitation(tokenHash: String, name: String, passwordHash: String) async throws -> ArenaUser?
    func addSession(tokenHash: String, user: ArenaUser, csrf: String, expires: Date) async throws
    /// The live session with this token hash (not revoked, not expired).
    func session(tokenHash: String) async throws -> ArenaSession?
    func revokeSession(tokenHash: String) async throws
    func addConversation(user: ArenaUser, kind: ArenaConversation.Kind, category: String, modelA: String, modelB: String?)
        async throws -> Int64
    /// A conversation `user` may see: their own, or any for an admin.
    func conversation(id: Int64, visibleTo user: ArenaUser) async throws -> ArenaConversation?
    /// The conversations `user` may see, newest first.
    func conversations(visibleTo user: ArenaUser) async throws -> [ArenaConversation]
    func allConversations() async throws -> [ArenaConversation]
    func rate(_ conversation: Int64, rating: ArenaConversation.Rating, harmful: Set<String>) async throws
    func turns(of conversation: Int64) async throws -> [ArenaTurn]
    func allTurns() async throws -> [Int64: [ArenaTurn]]
    func addTurn(_ turn: ArenaTurn, to conversation: Int64) async throws
    func audit(_ user: ArenaUser?, _ action: String, _ detail: String) async throws
    func auditLog(limit: Int) async throws -> [(at: Date, user: String?, action: String, detail: String)]
}

extension ArenaStore {
    func audit(_ user: ArenaUser?, _ action: String) async throws { try await audit(user, action, "") }
    func auditLog() async throws -> [(at: Date, user: String?, action: String, detail: String)] { try await auditLog(limit: 500) }
}

/// The arena's store inside `store`: its SQLite file, or its PostgreSQL database.
func makeArenaStore(_ store: any ResultStore) throws -> any ArenaStore {
    if let sqlite = store as? SQLiteResultStore { return SQLiteArenaStore(sqlite) }
    if let postgres = store as? PostgresResultStore { return PostgresArenaStore(postgres) }
    throw SystemCardError.invalidInput("the arena needs a SQLite or PostgreSQL store")
}
