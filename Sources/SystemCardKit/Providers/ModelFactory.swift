import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization

/// Turns a ``ModelSpec`` and endpoint options into a ready provider: the right backend, wrapped with
/// retries and the endpoint's adaptive concurrency limit (shared by every role that uses the endpoint).
public final class ModelFactory: Sendable {
    let httpClient: HTTPClient
    private let environment: [String: String]
    private let limiters = Mutex<[String: AdaptiveConcurrencyLimiter]>([:])
    private let localModels = Mutex<[String: LocalModelProvider]>([:])
    /// Counts retried attempts across all providers made here (for the progress line).
    let onRetry: @Sendable (ProviderError) -> Void
    /// Handed to every provider made here and to the runners that use them.
    let logger: Logger

    /// Creates a factory whose providers share `httpClient` and read API keys and `OPENAI_BASE_URL` from
    /// `environment`.
    ///
    /// `onRetry` is called for every retried request of those providers; `logger` is handed to each of them.
    public init(
        httpClient: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = .disabled, onRetry: @escaping @Sendable (ProviderError) -> Void = { _ in }
    ) {
        self.httpClient = httpClient
        self.environment = environment
        self.logger = logger
        self.onRetry = onRetry
    }

    /// An HTTP client sized for `maxConnections` connections per host.
    /// - Parameter connectTimeout: how long to keep trying to connect (a dead server fails after this).
    public static func makeHTTPClient(maxConnections: Int, connectTimeout: Duration = .seconds(10)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, maxConnections))
        // A failed connection attempt fails the requests waiting for it at once (all of them, at start-up) instead
        // of being retried inside the client for the whole connect timeout; `ResilientModelProvider` retries them
        // with backoff, and declares the endpoint unreachable only after 3 s of refused connections with no answer
        // ever (a dead server or a wrong port then fails in seconds, not after every sample's retries).
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .milliseconds(Int64(max(1, connectTimeout.inMilliseconds))))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// An HTTP client sized for the endpoint options: their connection cap, and a connect timeout of the
    /// request timeout or 10 s, whichever is shorter (a dead server fails after that).
    static func makeHTTPClient(for options: EndpointOptions) -> HTTPClient {
        makeHTTPClient(maxConnections: options.maxConnections, connectTimeout: min(.seconds(10), options.requestTimeout))
    }

    /// Closes the client's connections (call once, after the last request).
    public static func shutdown(_ client: HTTPClient) async {
        try? await client.shutdown()
    }

    /// The provider for `spec`, resilient and rate-limited.
    public func provider(for spec: ModelSpec, endpoint: EndpointOptions) throws -> any ModelProvider {
        switch spec.provider {
        case .openai:
            let baseURL = endpoint.baseURL ?? environment["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1"
            guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw SystemCardError.invalidInput(
                    "base URL '\(baseURL)' is not an http(s) URL; pass e.g. --base-url http://localhost:8000/v1")
            }
            let key = try apiKey(endpoint)
            let base = OpenAICompatibleProvider(
                model: spec.model, baseURL: baseURL, apiKey: key, developerRoleMode: endpoint.developerRoleMode,
                requestTimeout: endpoint.requestTimeout, client: httpClient, logger: logger)
            return ResilientModelProvider(
                base: base, limiter: limiter(for: base.identity.baseURL, maximum: endpoint.maxConnections),
                retryPolicy: endpoint.retryPolicy, logger: logger, onRetry: onRetry)
        case .anthropic:
            let baseURL = endpoint.baseURL ?? environment["ANTHROPIC_BASE_URL"] ?? "https://api.anthropic.com/v1"
            guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw SystemCardError.invalidInput(
                    "base URL '\(baseURL)' is not an http(s) URL; pass e.g. --base-url https://api.anthropic.com/v1")
            }
            // The key variable defaults to ANTHROPIC_API_KEY unless --api-key-env named another.
            var options = endpoint
            if options.apiKeyVariable == EndpointOptions.defaultKeyVariable { options.apiKeyVariable = "ANTHROPIC_API_KEY" }
            let base = AnthropicProvider(
                model: spec.model, baseURL: baseURL, apiKey: try apiKey(options), requestTimeout: endpoint.requestTimeout,
                client: httpClient, logger: logger)
            return ResilientModelProvider(
                base: base, limiter: limiter(for: base.identity.baseURL, maximum: endpoint.maxConnections),
                retryPolicy: endpoint.retryPolicy, logger: logger, onRetry: onRetry)
        case .local:
            let file = try LocalModelCatalog.resolve(spec.model, environment: environment)
            return try localModels.withLock { loaded in
                if let existing = loaded[file.path] { return existing }
                let provider = try LocalModelProvider(file: file, name: spec.model)
                logger.info("loaded local model", metadata: ["model": "\(spec.model)", "file": "\(file.path)"])
                loaded[file.path] = provider
                return provider
            }
        }
    }

    func apiKey(_ endpoint: EndpointOptions) throws -> String? {
        if let file = endpoint.apiKeyFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SystemCardError.invalidInput("cannot read the API key file \(file)")
            }
            let key = text.split(whereSeparator: \.isNewline).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !key.isEmpty else { throw SystemCardError.invalidInput("the API key file \(file) is empty") }
            return key
        }
        // No key is fine for local servers (vLLM, Ollama, llama.cpp); the endpoint says 401 if it wants one.
        return environment[endpoint.apiKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    func limiter(for baseURL: String, maximum: Int) -> AdaptiveConcurrencyLimiter {
        limiters.withLock { limiters in
            if let existing = limiters[baseURL] { return existing }
            let created = AdaptiveConcurrencyLimiter(initial: 20, maximum: maximum)
            limiters[baseURL] = created
            return created
        }
    }
}
