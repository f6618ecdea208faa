import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Synchronization
import SystemCardTestSupport
import Testing
@testable import SystemCardKit

/// The HTTP provider and the retry layer against the loopback fake server.
@Suite struct OpenAICompatibleProviderTests {
    static let fastRetries = RetryPolicy(maxRetries: 2, baseDelay: 0.001, maxDelay: 0.01)

    /// Starts a server, a client and a provider, runs `body`, and tears everything down.
    static func withServer(
        apiKey: String? = nil, mode: DeveloperRoleMode = .auto, timeout: Duration = .seconds(10),
        behavior: @escaping FakeChatServer.Behavior,
        _ body: (FakeChatServer, OpenAICompatibleProvider) async throws -> Void
    ) async throws {
        let server = try await FakeChatServer.start(behavior: behavior)
        let client = ModelFactory.makeHTTPClient(maxConnections: 4)
        let provider = OpenAICompatibleProvider(
            model: "fake-model", baseURL: server.baseURL, apiKey: apiKey, developerRoleMode: mode,
            requestTimeout: timeout, client: client)
        do {
            try await body(server, provider)
        } catch {
            await ModelFactory.shutdown(client)
            await server.stop()
            throw error
        }
        await ModelFactory.shutdown(client)
        await server.stop()
    }

    static func resilient(_ base: any ModelProvider) -> ResilientModelProvider {
        ResilientModelProvider(
            base: base, limiter: AdaptiveConcurrencyLimiter(initial: 4, maximum: 4), retryPolicy: fastRetries)
    }

    static let question = ModelRequest(messages: [.user("What is 2+2?")])

    @Test func aKeyEchoedInAnErrorBodyIsRedactedEvenWhereTheExcerptWouldCutIt() async throws {
        // The long key straddles the 300-character excerpt limit: redacting after the cut would leave its first half.
        let padding = String(repeating: "x", count: 290)
        for (key, leak) in [("sk-long-secret-key-0123456789", "sk-long-secret"), ("k7", "k7")] {
            try await Self.withServer(apiKey: key) { _ in
                .status(400, body: #"{"error":{"message":"\#(padding) key \#(key) here"}}"#)
            } _: { _, provider in
                let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(Self.question) }
                let message = try #require(error?.message)
                #expect(!message.contains(leak), "\(message)")
                #expect(message.contains("key [re"), "\(message)")
            }
        }
    }

    @Test func successParsesTextUsageAndFinishReasonAndSendsTheKey() async throws {
        let seen = Locked<[FakeChatRequest]>([])
        try await Self.withServer(apiKey: "sk-test-123") { request in
            seen.withLock { $0.append(request) }
            return .answer("Four.", promptTokens: 12, completionTokens: 3)
        } _: { _, provider in
            let response = try await provider.generate(
                ModelRequest(messages: [.system("Be brief."), .user("What is 2+2?")], settings: .init(temperature: 0.5, maxTokens: 20)))
            #expect(response.text == "Four.")
            #expect(response.finishReason == "stop")
            #expect(response.usage == TokenUsage(promptTokens: 12, completionTokens: 3))
            #expect(response.developerRole == DeveloperRoleDelivery.none)
            #expect(response.cached == false)
            // The key goes in the header only, never in what identifies the model.
            #expect(provider.identity.model == "fake-model")
            #expect(provider.identity.provider == "openai")
            #expect(!"\(provider.identity)".contains("sk-test-123"))
            let encodedIdentity = String(decoding: try JSONEncoder().encode(provider.identity), as: UTF8.self)
            #expect(!encodedIdentity.contains("sk-test-123"))
        }
        let requests = seen.withLock { $0 }
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.authorization == "Bearer sk-test-123")
        #expect(request.model == "fake-model")
        #expect(request.messages.map(\.role) == ["system", "user"])
        #expect(request.system == "Be brief.")
        #expect(request.temperature == 0.5)
        #expect(request.maxTokens == 20)
    }

    @Test func noKeyMeansNoAuthorizationHeader() async throws {
        let seen = Locked<String?>("unset")
        try await Self.withServer(apiKey: nil) { request in
            seen.withLock { $0 = request.authorization }
            return .answer("ok")
        } _: { _, provider in
            _ = try await provider.generate(Self.question)
        }
        #expect(seen.withLock { $0 } == nil)
    }

    @Test func rateLimitsAreRetriedUntilSuccess() async throws {
        let retried = Locked(0)
        try await Self.withServer { request in
            request.attempt <= 2 ? .status(429, headers: [("Retry-After", "0")]) : .answer("finally")
        } _: { server, base in
            let provider = ResilientModelProvider(
                base: base, limiter: AdaptiveConcurrencyLimiter(initial: 4, maximum: 4),
                retryPolicy: Self.fastRetries, onRetry: { error in
                    #expect(error.code == .rateLimited)
                    #expect(error.retryAfter == 0)
                    retried.withLock { $0 += 1 }
                })
            let response = try await provider.generate(Self.question)
            #expect(response.text == "finally")
            #expect(server.totalRequests == 3)
        }
        #expect(retried.withLock { $0 } == 2)
    }

    @Test func serverErrorsGiveUpAfterMaxRetries() async throws {
        try await Self.withServer { _ in .status(500) } _: { server, base in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await Self.resilient(base).generate(Self.question)
            }
            #expect(error?.code == .serverError)
            #expect(error?.status == 500)
            #expect(error?.message.contains("fake error") == true)
            #expect(server.totalRequests == Self.fastRetries.maxRetries + 1)
        }
    }

    @Test func malformedBodyIsAMalformedResponse() async throws {
        try await Self.withServer { _ in .raw("not json") } _: { _, provider in
            let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(Self.question) }
            #expect(error?.code == .malformedResponse)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func emptyChoicesIsAMalformedResponse() async throws {
        try await Self.withServer { _ in .raw(#"{"choices":[]}"#) } _: { _, provider in
            let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(Self.question) }
            #expect(error?.code == .malformedResponse)
        }
    }

    @Test func notFoundIsFatalAndNotRetried() async throws {
        try await Self.withServer { _ in .status(404) } _: { server, base in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await Self.resilient(base).generate(Self.question)
            }
            #expect(error?.code == .modelNotFound)
            #expect(error?.isFatalForRun == true)
            #expect(error?.message.contains("fake-model") == true)
            #expect(server.totalRequests == 1)
        }
    }

    @Test func unauthorizedIsFatalAndDoesNotLeakTheKey() async throws {
        try await Self.withServer(apiKey: "sk-secret-999") { _ in .status(401) } _: { server, base in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await Self.resilient(base).generate(Self.question)
            }
            #expect(error?.code == .unauthorized)
            #expect(error?.isFatalForRun == true)
            #expect(error.map { "\($0)".contains("sk-secret-999") } == false)
            #expect(server.totalRequests == 1)
        }
    }

    @Test func otherClientErrorsAreBadRequestsAndNotRetried() async throws {
        try await Self.withServer { _ in .status(422, body: #"{"error":{"message":"max_tokens too large"}}"#) } _: {
            server, base in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await Self.resilient(base).generate(Self.question)
            }
            #expect(error?.code == .badRequest)
            #expect(error?.message == "max_tokens too large")
            #expect(server.totalRequests == 1)
        }
    }

    @Test func autoModeFoldsOnceTheEndpointRejectsTheDeveloperRole() async throws {
        let rejected = Locked(0)
        let systems = Locked<[String?]>([])
        try await Self.withServer(mode: .auto) { request in
            if request.messages.contains(where: { $0.role == "developer" }) {
                rejected.withLock { $0 += 1 }
                return .status(400, body: #"{"error":{"message":"Unsupported value: 'messages[1].role' does not support 'developer'"}}"#)
            }
            systems.withLock { $0.append(request.system) }
            return .answer("folded answer")
        } _: { server, base in
            let provider = Self.resilient(base)
            let request = ModelRequest(messages: [.system("Sys."), .developer("Dev."), .user("Hi")])
            let first = try await provider.generate(request)
            #expect(first.text == "folded answer")
            #expect(first.developerRole == .folded)

            let second = try await provider.generate(ModelRequest(messages: [.developer("Other."), .user("Hello")]))
            #expect(second.developerRole == .folded)
            #expect(server.totalRequests == 3)

            // A request without developer messages is unaffected.
            let plain = try await provider.generate(Self.question)
            #expect(plain.developerRole == DeveloperRoleDelivery.none)
        }
        #expect(rejected.withLock { $0 } == 1)
        #expect(systems.withLock { $0 } == ["Sys.\n\nDev.", "Other.", nil])
    }

    @Test func autoModeDoesNotFoldOnUnrelatedBadRequests() async throws {
        try await Self.withServer(mode: .auto) { _ in
            .status(400, body: #"{"error":{"message":"context length exceeded"}}"#)
        } _: { server, provider in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await provider.generate(ModelRequest(messages: [.developer("Dev."), .user("Hi")]))
            }
            #expect(error?.code == .badRequest)
            #expect(server.totalRequests == 1)
        }
    }

    @Test func nativeModeSendsTheDeveloperRole() async throws {
        let roles = Locked<[String]>([])
        try await Self.withServer(mode: .native) { request in
            roles.withLock { $0 = request.messages.map(\.role) }
            return .answer("ok")
        } _: { _, provider in
            let response = try await provider.generate(ModelRequest(messages: [.system("S"), .developer("D"), .user("U")]))
            #expect(response.developerRole == .native)
        }
        #expect(roles.withLock { $0 } == ["system", "developer", "user"])
    }

    @Test func foldModeAlwaysFolds() async throws {
        let roles = Locked<[String]>([])
        try await Self.withServer(mode: .fold) { request in
            roles.withLock { $0 = request.messages.map(\.role) }
            return .answer("ok")
        } _: { server, provider in
            let response = try await provider.generate(ModelRequest(messages: [.developer("D"), .user("U")]))
            #expect(response.developerRole == .folded)
            #expect(server.totalRequests == 1)
        }
        #expect(roles.withLock { $0 } == ["system", "user"])
    }

    @Test func slowAnswersTimeOut() async throws {
        // The server's handler keeps sleeping after the client gives up, and stopping the server waits for
        // it, so the delay is kept short.
        try await Self.withServer(timeout: .milliseconds(200)) { _ in
            .delayed(.seconds(1), .answer("too late"))
        } _: { _, provider in
            let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(Self.question) }
            #expect(error?.code == .timeout)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func refusedConnectionsAreRecognisedAsSuch() async throws {
        // Start a server to learn a free port, then stop it, so nothing listens there.
        let server = try await FakeChatServer.start { _ in .answer("unused") }
        let baseURL = server.baseURL
        await server.stop()
        // A refusal comes back at once; the generous connect timeout keeps a loaded machine from turning it into
        // a timeout.
        let client = ModelFactory.makeHTTPClient(maxConnections: 1, connectTimeout: .seconds(10))
        let provider = OpenAICompatibleProvider(
            model: "m", baseURL: baseURL, apiKey: nil, requestTimeout: .seconds(30), client: client)
        let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(Self.question) }
        await ModelFactory.shutdown(client)
        #expect(error?.code == .connectionRefused)
        #expect(error?.isRetryable == true)
        #expect(JSONEndpoint.isRefusal(CancellationError()) == false)
    }

    @Test func retryAfterHeaderParsing() {
        var headers = HTTPHeaders()
        headers.add(name: "Retry-After", value: "7")
        #expect(JSONEndpoint.retryAfter(headers) == 7)
        var milliseconds = HTTPHeaders()
        milliseconds.add(name: "retry-after-ms", value: "250")
        milliseconds.add(name: "Retry-After", value: "7")
        #expect(JSONEndpoint.retryAfter(milliseconds) == 0.25)
        var garbage = HTTPHeaders()
        garbage.add(name: "Retry-After", value: "soon")
        #expect(JSONEndpoint.retryAfter(garbage) == nil)
        #expect(JSONEndpoint.retryAfter(HTTPHeaders()) == nil)
        var past = HTTPHeaders()
        past.add(name: "Retry-After", value: "Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(JSONEndpoint.retryAfter(past) == 0)
        var future = HTTPHeaders()
        future.add(name: "Retry-After", value: "Fri, 01 Jan 2100 00:00:00 GMT")
        #expect((JSONEndpoint.retryAfter(future) ?? 0) > 1_000_000)
        var negative = HTTPHeaders()
        negative.add(name: "Retry-After", value: "-5")
        #expect(JSONEndpoint.retryAfter(negative) == 0)
    }

    @Test func baseURLTrailingSlashIsTrimmed() {
        let client = ModelFactory.makeHTTPClient(maxConnections: 1)
        defer { try? client.syncShutdown() }
        let provider = OpenAICompatibleProvider(model: "m", baseURL: "http://127.0.0.1:9/v1/", apiKey: "k", client: client)
        #expect(provider.identity.baseURL == "http://127.0.0.1:9/v1")
    }
}
