import ArgumentParser
import SystemCardKit

/// How to reach the evaluated model's endpoint and how hard to push it.
struct EndpointArguments: ParsableArguments {
    @Option(help: "Base URL of the OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or https://api.openai.com/v1).")
    var baseURL: String?

    @Option(help: "Environment variable that holds the API key.")
    var apiKeyEnv: String = "OPENAI_API_KEY"

    @Option(help: "File whose first line is the API key (instead of the environment variable).")
    var apiKeyFile: String?

    @Option(help: "How developer messages are sent: native, fold (into the system message), or auto (native, folding if the endpoint rejects the role).")
    var developerRole: DeveloperRoleMode = .auto

    @Option(help: "At most this many requests in flight to one endpoint (the adaptive limit starts at 20 and shrinks on 429s).")
    var maxConnections: Int = 64

    @Option(help: "Seconds before a request times out.")
    var timeout: Double = 120

    @Option(help: "Retries after a 429, 5xx, timeout or connection error.")
    var maxRetries: Int = 6

    @Option(help: "First backoff ceiling in seconds (doubles per retry, capped at 30 s, with jitter).")
    var retryBaseDelay: Double = 0.5

    func validate() throws {
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxRetries >= 0 else { throw ValidationError("--max-retries cannot be negative") }
    }

    func options(baseURL override: String? = nil, apiKeyEnv keyOverride: String? = nil) -> EndpointOptions {
        EndpointOptions(
            baseURL: override ?? baseURL, apiKeyVariable: keyOverride ?? apiKeyEnv, apiKeyFile: apiKeyFile,
            developerRoleMode: developerRole, requestTimeout: .milliseconds(Int(timeout * 1000)),
            maxConnections: maxConnections,
            retryPolicy: RetryPolicy(maxRetries: maxRetries, baseDelay: retryBaseDelay, maxDelay: 30))
    }
}

extension DeveloperRoleMode: ExpressibleByArgument {}
