import Foundation
import Hummingbird
import NIOCore
import SystemCardKit

extension ArenaServer {
    func routes(_ router: Router<BasicRequestContext>) {
        router.get("/static/arena.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ArenaPages.stylesheet)))
        }
        router.get("/login") { request, _ in
            if try await session(request) != nil { return Self.redirect("/") }
            let pre = preToken(request)
            return withPreCookie(Self.html(ArenaPages.login(csrf: pre.token)), pre)
        }
        router.post("/login") { request, _ in try await login(request) }
        router.post("/logout") { request, _ in
            try await posted(request) { session, _ in
                try await store.revokeSession(tokenHash: session.tokenHash)
                try await store.audit(session.user, "sign-out")
                var response = Self.redirect("/login")
                response.setCookie(Self.cookie(Self.sessionCookie, "", maxAge: 0))
                return response
            }
        }
        router.get("/") { request, _ in
            try await signedIn(request) { session in
                Self.html(ArenaPages.home(
                    session: session, conversations: try await store.conversations(visibleTo: session.user),
                    modelCount: modelNames.count, jailbreak: judge != nil))
            }
        }
        router.post("/conversations") { request, _ in try await startConversation(request) }
        router.get("/conversations/:id") { request, context in
            try await signedIn(request) { session in
                guard let id = context.parameters.get("id", as: Int64.self),
                    let conversation = try await store.conversation(id: id, visibleTo: session.user)
                else { return Self.html(ArenaPages.error("No such conversation.", session: session), status: .notFound) }
                return Self.html(ArenaPages.conversation(session: session, conversation, turns: try await store.turns(of: id)))
            }
        }
        router.post("/conversations/:id/messages") { request, context in
            try await send(request, id: context.parameters.get("id", as: Int64.self))
        }
        router.post("/conversations/:id/rating") { request, context in
            try await rate(request, id: context.parameters.get("id", as: Int64.self))
        }
        router.get("/results") { request, _ in
            try await signedIn(request) { session in
                Self.html(try await currentResults().page(session: session))
            }
        }
        router.get("/results.json") { request, _ in
            try await signedIn(request) { _ in
                let results = try await currentResults()
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(results))))
            }
        }
        router.get("/admin") { request, _ in
            try await signedIn(request) { session in
                guard session.user.role == .admin else {
                    return Self.html(ArenaPages.error("Admins only.", session: session), status: .forbidden)
                }
                return Self.html(ArenaPages.admin(session: session, link: nil, audit: try await store.auditLog()))
            }
        }
        router.post("/admin/invitations") { request, _ in
            try await posted(request) { session, form in
                guard session.user.role == .admin else {
                    try await store.audit(session.user, "invitation refused", "not an admin")
                    return Self.html(ArenaPages.error("Admins only.", session: session), status: .forbidden)
                }
                let role = ArenaUser.Role(rawValue: form["role"] ?? "") ?? .redteamer
                let token = ArenaSecurity.token()
                try await store.addInvitation(
                    tokenHash: ArenaSecurity.hash(token), role: role, by: session.user,
                    expires: Date().addingTimeInterval(7 * 24 * 3600))
                try await store.audit(session.user, "invitation created", "role \(role.rawValue)")
                return Self.html(ArenaPages.admin(session: session, link: "/invite/\(token)", audit: try await store.auditLog()))
            }
        }
        router.get("/invite/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            guard let role = try await store.invitation(tokenHash: ArenaSecurity.hash(token)) else {
                return Self.html(ArenaPages.error("This invitation is not valid (used, expired or unknown).", session: nil), status: .notFound)
            }
            let pre = preToken(request)
            return withPreCookie(Self.html(ArenaPages.invitation(token: token, role: role, csrf: pre.token)), pre)
        }
        router.post("/invite/:token") { request, context in
            try await acceptInvitation(request, token: context.parameters.get("token") ?? "")
        }
    }

    /// The figures of every conversation in the store, for this arena's models.
    func currentResults() async throws -> ArenaResults {
        ArenaResults.compute(models: modelNames, conversations: try await store.allConversations(), turns: try await store.allTurns())
    }

    func login(_ request: Request) async throws -> Response {
        let pre = preToken(request)
        guard let form = try await anonymousForm(request) else {
            try await store.audit(nil, "sign-in refused", "missing or wrong CSRF token")
            return withPreCookie(Self.html(ArenaPages.login(csrf: pre.token, message: "This form has expired; try again."), status: .forbidden), pre)
        }
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        guard let user = try await store.user(named: name) else {
            try await Task.sleep(for: configuration.failureDelay)
            try await store.audit(nil, "sign-in failed", "unknown name")
            return Self.html(ArenaPages.login(csrf: pre.token, message: "Wrong name or password."), status: .unauthorized)
        }
        if let locked = user.lockedUntil, locked > Date() {
            try await store.audit(user, "sign-in refused", "account locked")
            return Self.html(
                ArenaPages.login(csrf: pre.token, message: "Too many failed sign-ins: this account is locked for a while."),
                status: .tooManyRequests)
        }
        guard ArenaSecurity.verify(password, hash: user.passwordHash) else {
            try await Task.sleep(for: configuration.failureDelay)
            try await store.recordFailure(user, limit: configuration.lockoutAfter, lockout: configuration.lockoutSeconds)
            try await store.audit(user, "sign-in failed", "wrong password")
            return Self.html(ArenaPages.login(csrf: pre.token, message: "Wrong name or password."), status: .unauthorized)
        }
        try await store.clearFailures(user)
        try await store.audit(user, "sign-in")
        return try await signIn(user, to: Self.redirect("/"))
    }

    func acceptInvitation(_ request: Request, token: String) async throws -> Response {
        let pre = preToken(request)
        let tokenHash = ArenaSecurity.hash(token)
        guard let role = try await store.invitation(tokenHash: tokenHash) else {
            return Self.html(ArenaPages.error("This invitation is not valid (used, expired or unknown).", session: nil), status: .notFound)
        }
        guard let form = try await anonymousForm(request) else {
            return Self.html(ArenaPages.invitation(token: token, role: role, csrf: pre.token, message: "This form has expired; try again."), status: .forbidden)
        }
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        if let problem = ArenaSecurity.nameProblem(name) ?? ArenaSecurity.passwordProblem(password) {
            return Self.html(ArenaPages.invitation(token: token, role: role, csrf: pre.token, message: problem), status: .badRequest)
        }
        guard
            let user = try await store.acceptInvitation(
                tokenHash: tokenHash, name: name,
                passwordHash: ArenaSecurity.hashPassword(password, cost: configuration.bcryptCost))
        else {
            return Self.html(
                ArenaPages.invitation(token: token, role: role, csrf: pre.token, message: "That name is taken."), status: .conflict)
        }
        try await store.audit(user, "account created from an invitation", "role \(user.role.rawValue)")
        return try await signIn(user, to: Self.redirect("/"))
    }
}
