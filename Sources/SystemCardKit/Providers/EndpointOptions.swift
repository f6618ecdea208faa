/// How to reach an OpenAI-compatible endpoint: where, with which key variable, and how hard to push it.
public struct EndpointOptions: Sendable {
    /// `--base-url`; nil means `OPENAI_BASE_URL`, else `https://api.openai.com/v1`.
    public var baseURL: String?
    /// Name of the environment variable that holds the key (`OPENAI_API_KEY` by default; for `anthropic/`
    /// models the default means `ANTHROPIC_API_KEY`).
    public var apiKeyVariable: String
    /// The default key variable.
    public static let defaultKeyVariable = "OPENAI_API_KEY"
    /// A file whose first line is the key (used when set; the variable is then ignored).
    public var apiKeyFile: String?
    /// How `developer` messages are sent (default: ``DeveloperRoleMode/auto``).
    public var developerRoleMode: DeveloperRoleMode
    /// How long one request may take before it fails as a timeout (default: 120 s).
    public var requestTimeout: Duration
    /// The most requests in flight to the endpoint (default: 64); the adaptive limit starts at 20 and
    /// shrinks on rate limits. A run planned with these options also works on this many samples at once.
    public var maxConnections: Int
    /// How failed requests are retried (default: 6 retries, 0.5 s first backoff ceiling, 30 s cap).
    public var retryPolicy: RetryPolicy

    /// Creates endpoint options; the defaults are the command line's.
    public init(
        baseURL: String? = nil, apiKeyVariable: String = "OPENAI_API_KEY", apiKeyFile: String? = nil,
        developerRoleMode: DeveloperRoleMode = .auto, requestTimeout: Duration = .seconds(120),
        maxConnections: Int = 64, retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.baseURL = baseURL
        self.apiKeyVariable = apiKeyVariable
        self.apiKeyFile = apiKeyFile
        self.developerRoleMode = developerRoleMode
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
        self.retryPolicy = retryPolicy
    }
}
