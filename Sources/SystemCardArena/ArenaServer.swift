import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SystemCardKit

/// `systemcard arena serve`: the red-teaming arena on Hummingbird, storing everything in the project's store.
///
/// Pages are rendered on the server with no script; every form carries a CSRF token (the session's, or before
/// sign-in a cookie's double); sessions are random tokens in HttpOnly, SameSite=Strict cookies, stored as hashes
/// and revoked at sign-out; failed sign-ins are slowed and lock the account after `lockoutAfter` in a row; every
/// action goes to the audit log. A red teamer sees only their own conversations; an admin sees all.
public struct ArenaServer: Sendable {
    let configuration: ArenaConfiguration
    let store: any ArenaStore
    let models: [String: ModelClient]
    let modelNames: [String]
    let judge: ModelClient?
    let logger: Logger

    static let sessionCookie = "arena_session"
    static let preCookie = "arena_pre"

    /// Prepares the arena: every model (and the judge) must be usable before it listens.
    public init(configuration: ArenaConfiguration, store: any ResultStore, planner: RunPlanner, logger: Logger = .disabled) throws {
        guard !configuration.models.isEmpty else {
            throw SystemCardError.invalidInput("the arena needs at least one model (--models a,b)")
        }
        self.configuration = configuration
        self.store = try makeArenaStore(store)
        var clients: [String: ModelClient] = [:]
        var names: [String] = []
        for endpoint in configuration.models {
            let provider = try planner.provider(for: endpoint)
            let name = provider.identity.spec
            guard clients[name] == nil else { throw SystemCardError.invalidInput("the model \(name) is listed twice") }
            clients[name] = ModelClient(
                provider: provider, settings: GenerationSettings(maxTokens: configuration.maxTokens), store: store)
            names.append(name)
        }
        models = clients
        modelNames = names
        judge = try configuration.judge.map {
            ModelClient(provider: try planner.provider(for: $0), settings: GenerationSettings(temperature: 0), store: store)
        }
        self.logger = logger
    }

    /// The models' names (`provider/model`), in the order given.
    public var modelList: [String] { modelNames }

    /// Creates an account from the command line (the first admin, typically).
    public static func addUser(name: String, password: String, role: ArenaUser.Role, store: any ResultStore, cost: UInt8 = 12)
        async throws
    {
        if let problem = ArenaSecurity.nameProblem(name) { throw SystemCardError.invalidInput(problem) }
        if let problem = ArenaSecurity.passwordProblem(password) { throw SystemCardError.invalidInput(problem) }
        let arena = try makeArenaStore(store)
        guard try await arena.user(named: name) == nil else {
            throw SystemCardError.invalidInput("there is already an account named \(name)")
        }
        let user = try await arena.addUser(name: name, passwordHash: ArenaSecurity.hashPassword(password, cost: cost), role: role)
        try await arena.audit(user, "account created from the command line", "role \(role.rawValue)")
    }

    /// The figures of everything in the store, for the card and `--output json`.
    public static func results(store: any ResultStore, models: [String]) async throws -> ArenaResults {
        let arena = try makeArenaStore(store)
        return ArenaResults.compute(models: models, conversations: try await arena.allConversations(), turns: try await arena.allTurns())
    }

    /// Serves until cancelled; `onListening` gets the port once it accepts connections.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        router.add(middleware: ArenaSecurityHeaders())
        routes(router)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "systemcard-arena"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }

    // MARK: Responses

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: false, httpOnly: true, sameSite: .strict)
    }

    /// The session of the request's cookie, if it is live.
    func session(_ request: Request) async throws -> ArenaSession? {
        guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty else { return nil }
        return try await store.session(tokenHash: ArenaSecurity.hash(token))
    }

    /// A page for someone signed in, or a redirect to the sign-in page.
    func signedIn(_ request: Request, _ body: (ArenaSession) async throws -> Response) async throws -> Response {
        guard let session = try await session(request) else { return Self.redirect("/login") }
        return try await body(session)
    }

    /// A form post from someone signed in whose form carries the session's CSRF token; 403 otherwise.
    func posted(_ request: Request, _ body: (ArenaSession, ArenaForm) async throws -> Response) async throws -> Response {
        guard let session = try await session(request) else {
            return Self.html(ArenaPages.error("Sign in first.", session: nil), status: .unauthorized)
        }
        let form = try await ArenaForm.read(request)
        guard let token = form["csrf"], ArenaSecurity.same(token, session.csrf) else {
            try await store.audit(session.user, "form refused", "missing or wrong CSRF token on \(request.uri.path)")
            return Self.html(ArenaPages.error("This form has expired; reload the page.", session: session), status: .forbidden)
        }
        return try await body(session, form)
    }

    /// The pre-sign-in CSRF token: the cookie's, or a new one to set.
    func preToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let value = request.cookies[Self.preCookie]?.value, value.count == 43 { return (value, false) }
        return (ArenaSecurity.token(), true)
    }

    func withPreCookie(_ response: Response, _ pre: (token: String, isNew: Bool)) -> Response {
        var response = response
        if pre.isNew { response.setCookie(Self.cookie(Self.preCookie, pre.token, maxAge: 3600)) }
        return response
    }

    /// A form posted before sign-in: its token must match the pre-sign-in cookie.
    func anonymousForm(_ request: Request) async throws -> ArenaForm? {
        let form = try await ArenaForm.read(request)
        guard let cookie = request.cookies[Self.preCookie]?.value, let token = form["csrf"], ArenaSecurity.same(cookie, token)
        else { return nil }
        return form
    }

    func signIn(_ user: ArenaUser, to response: Response) async throws -> Response {
        let token = ArenaSecurity.token()
        try await store.addSession(
            tokenHash: ArenaSecurity.hash(token), user: user, csrf: ArenaSecurity.token(),
            expires: Date().addingTimeInterval(configuration.sessionSeconds))
        var response = response
        response.setCookie(Self.cookie(Self.sessionCookie, token, maxAge: Int(configuration.sessionSeconds)))
        return response
    }
}
