import Foundation

/// One run: an evaluation × a model × settings. Re-running with the same identity continues this run.
public struct RunRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        case running, finished, interrupted
    }

    public var id: String
    public var evaluation: String
    var evaluationVersion: String
    public var model: String
    var baseURL: String
    public var configuration: RunConfiguration
    var createdAt: Date
    public var updatedAt: Date
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
