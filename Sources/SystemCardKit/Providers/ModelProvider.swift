/// Something that answers chat requests: an HTTP endpoint, the embedded engine, or a test double.
///
/// Implementations throw ``ProviderError`` so the retry layer can tell a rate limit from a bad key.
public protocol ModelProvider: Sendable {
    /// What identifies this model in cache keys and run records (never contains a key).
    var identity: ModelIdentity { get }

    /// Sends one request and returns the answer.
    func generate(_ request: ModelRequest) async throws -> ModelResponse
}

/// Provider, model and endpoint: everything about "which model" that changes the answers.
public struct ModelIdentity: Sendable, Hashable, Codable {
    public var provider: String
    public var model: String
    public var baseURL: String
    public var developerRoleMode: DeveloperRoleMode

    public init(provider: String, model: String, baseURL: String, developerRoleMode: DeveloperRoleMode) {
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.developerRoleMode = developerRoleMode
    }

    public var spec: String { "\(provider)/\(model)" }
}
