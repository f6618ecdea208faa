import Foundation
import SystemCardTestSupport
import Testing
@testable import SystemCardKit

@Suite struct ModelFactoryTests {
    static func withFactory(
        environment: [String: String] = [:], _ body: (ModelFactory) async throws -> Void
    ) async throws {
        let client = ModelFactory.makeHTTPClient(maxConnections: 2)
        let factory = ModelFactory(httpClient: client, environment: environment)
        do {
            try await body(factory)
        } catch {
            await ModelFactory.shutdown(client)
            throw error
        }
        await ModelFactory.shutdown(client)
    }

    @Test func openAIProvidersAreResilientAndShareTheEndpointLimiter() async throws {
        try await Self.withFactory(environment: ["OPENAI_BASE_URL": "http://127.0.0.1:9/v1/"]) { factory in
            let spec = try ModelSpec(parsing: "openai/org/model")
            let first = try #require(
                try factory.provider(for: spec, endpoint: EndpointOptions(maxConnections: 5)) as? ResilientModelProvider)
            let second = try #require(
                try factory.provider(for: ModelSpec(provider: .openai, model: "other"), endpoint: EndpointOptions())
                    as? ResilientModelProvider)
            #expect(first.identity.model == "org/model")
            #expect(first.identity.baseURL == "http://127.0.0.1:9/v1")
            #expect(first.identity.developerRoleMode == .auto)
            #expect(first.limiter === second.limiter)
            #expect(first.limiter.maximum == 5)
        }
    }

    @Test func baseURLOptionBeatsTheEnvironmentAndMustBeHTTP() async throws {
        try await Self.withFactory(environment: ["OPENAI_BASE_URL": "http://127.0.0.1:9/v1"]) { factory in
            let spec = ModelSpec(provider: .openai, model: "m")
            let chosen = try factory.provider(for: spec, endpoint: EndpointOptions(baseURL: "https://example.test/v1"))
            #expect(chosen.identity.baseURL == "https://example.test/v1")
            for bad in ["ftp://example.test/v1", "not a url", "localhost:8000"] {
                let error = #expect(throws: SystemCardError.self) {
                    _ = try factory.provider(for: spec, endpoint: EndpointOptions(baseURL: bad))
                }
                #expect(error?.kind == .invalidInput)
                #expect(error?.message.contains("--base-url") == true)
            }
        }
    }

    @Test func apiKeyComesFromTheNamedVariableOrAFile() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try await Self.withFactory(environment: ["MY_KEY": "sk-env", "EMPTY": ""]) { factory in
            #expect(try factory.apiKey(EndpointOptions(apiKeyVariable: "MY_KEY")) == "sk-env")
            #expect(try factory.apiKey(EndpointOptions(apiKeyVariable: "EMPTY")) == nil)
            #expect(try factory.apiKey(EndpointOptions(apiKeyVariable: "ABSENT")) == nil)

            let file = try temporary.write("  sk-file  \nsecond line\n", to: "key.txt")
            #expect(try factory.apiKey(EndpointOptions(apiKeyVariable: "MY_KEY", apiKeyFile: file.path)) == "sk-file")

            let empty = try temporary.write("\n", to: "empty.txt")
            let emptyError = #expect(throws: SystemCardError.self) {
                _ = try factory.apiKey(EndpointOptions(apiKeyFile: empty.path))
            }
            #expect(emptyError?.message.contains("empty") == true)
            let missingError = #expect(throws: SystemCardError.self) {
                _ = try factory.apiKey(EndpointOptions(apiKeyFile: temporary.url.appendingPathComponent("nope").path))
            }
            #expect(missingError?.kind == .invalidInput)
        }
    }

    @Test func factoryProviderTalksToTheEndpointWithTheKey() async throws {
        let authorization = Locked<String?>(nil)
        let server = try await FakeChatServer.start { request in
            authorization.withLock { $0 = request.authorization }
            return .answer("pong")
        }
        try await Self.withFactory(environment: ["OPENAI_API_KEY": "sk-from-env"]) { factory in
            let provider = try factory.provider(
                for: ModelSpec(provider: .openai, model: "m"), endpoint: EndpointOptions(baseURL: server.baseURL))
            #expect(try await provider.generate(ModelRequest(messages: [.user("ping")])).text == "pong")
        }
        await server.stop()
        #expect(authorization.withLock { $0 } == "Bearer sk-from-env")
    }
}
