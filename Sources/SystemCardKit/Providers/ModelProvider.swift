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
    /// `openai` or `local`.
    public var provider: String
    /// The model's name at the endpoint, or the local model's name or path.
    public var model: String
    /// The endpoint's base URL; for a local model, its file name and size (`local:<file>#<bytes>`).
    public var baseURL: String
    /// How `developer` messages are sent (it changes what the model sees).
    public var developerRoleMode: DeveloperRoleMode

    /// Creates an identity.
    public init(provider: String, model: String, baseURL: String, developerRoleMode: DeveloperRoleMode) {
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.developerRoleMode = developerRoleMode
    }

    /// `provider/model`, as written on the command line.
    public var spec: String { "\(provider)/\(model)" }
}
