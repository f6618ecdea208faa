/// A provider's batch API (OpenAI's `/batches`): many requests sent as one file, answered within a completion window
/// at half the price. Runs with `--batch` send the calls of each pass this way (``EvalRunner``).
protocol BatchSubmitting: Sendable {
    /// Uploads the requests (each under its call-cache key as `custom_id`) and creates the batch.
    func submit(_ lines: [BatchLine]) async throws -> BatchJob
    /// The batch's current state.
    func poll(_ id: String) async throws -> BatchJob
    /// The answers a finished (or expired, or failed) batch holds, by `custom_id`; a line that failed or was never
    /// run is absent, or present as its error.
    func results(of job: BatchJob, requests: [String: ModelRequest]) async throws -> [String: Result<ModelResponse, ProviderError>]
}

/// One request of a batch, under its call-cache key.
struct BatchLine: Sendable, Codable, Hashable {
    var key: String
    var epoch: Int
    var request: ModelRequest
}

/// A batch as the provider reports it.
public struct BatchJob: Sendable, Codable, Hashable {
    public var id: String
    /// `validating`, `in_progress`, `finalizing`, `completed`, `failed`, `expired`, `cancelling`, `cancelled`.
    public var status: String
    public var outputFileID: String?
    public var errorFileID: String?
    public var total: Int
    public var completed: Int
    public var failed: Int

    /// No more answers will come: import what it has.
    public var isFinished: Bool { ["completed", "failed", "expired", "cancelled"].contains(status) }
}

extension ModelProvider {
    /// The provider's batch API, when it has one (wrappers forward their base's).
    var batchSubmitter: (any BatchSubmitting)? {
        switch self {
        case let provider as OpenAICompatibleProvider: return OpenAIBatchClient(provider: provider)
        case let provider as ResilientModelProvider: return provider.base.batchSubmitter
        case let provider as BudgetedModelProvider: return provider.base.batchSubmitter
        default: return nil
        }
    }
}
