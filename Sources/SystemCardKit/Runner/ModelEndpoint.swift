/// A model and how to reach it, where that differs from the run's endpoint options: the evaluated model, the
/// grader model, or the model of a named role.
public struct ModelEndpoint: Sendable, Hashable {
    /// The model.
    public var spec: ModelSpec
    /// The endpoint (default: the run's base URL, `$OPENAI_BASE_URL` or OpenAI's).
    public var baseURL: String?
    /// The environment variable with the endpoint's key (default: the run's).
    public var apiKeyEnv: String?

    /// Creates an endpoint; a nil base URL or key variable means the run's.
    public init(spec: ModelSpec, baseURL: String? = nil, apiKeyEnv: String? = nil) {
        self.spec = spec
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
    }
}
