import Foundation

/// One run: an evaluation × a model × settings. Re-running with the same identity continues this run.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Where the run stands.
    public enum Status: String, Sendable, Codable {
        /// `running` while an invocation works on it, `finished` when every selected sample has a result,
        /// `interrupted` when it stopped early (run the same command to resume).
        case running, finished, interrupted
    }

    /// The run's id (``RunConfiguration/runID``).
    public var id: String
    /// The evaluation's name.
    public var evaluation: String
    var evaluationVersion: String
    /// The evaluated model, as `provider/model`.
    public var model: String
    var baseURL: String
    /// Everything that decides the run's results.
    public var configuration: RunConfiguration
    var createdAt: Date
    /// When the run was last opened or updated.
    public var updatedAt: Date
    /// Where the run stands.
    public var status: Status
    /// The last summary written for the run (metrics, counts, usage), as shown by `runs` and `show`.
    public var summary: RunSummary?

    init(
        id: String, evaluation: String, evaluationVersion: String, model: String, baseURL: String,
        configuration: RunConfiguration, createdAt: Date = Date(), updatedAt: Date = Date(),
        status: Status = .running, summary: RunSummary? = nil
    ) {
        self.id = id
        self.evaluation = evaluation
        self.evaluationVersion = evaluationVersion
        self.model = model
        self.baseURL = baseURL
        self.configuration = configuration
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = status
        self.summary = summary
    }
}
