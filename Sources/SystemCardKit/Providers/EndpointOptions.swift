/// How to reach an OpenAI-compatible endpoint: where, with which key variable, and how hard to push it.
public struct EndpointOptions: Sendable {
    /// `--base-url`; nil means `OPENAI_BASE_URL`, else `https://api.openai.com/v1`.
    public var baseURL: String?
    /// Name of the environment variable that holds the key (`OPENAI_API_KEY` by default).
    public var apiKeyVariable: String
    /// A file whose first line is the key (used when set; the variable is then ignored).
    public var apiKeyFile: String?
    public var developerRoleMode: DeveloperRoleMode
    public var requestTimeout: Duration
    public var maxConnections: Int
    public var retryPolicy: RetryPolicy

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
