import Foundation

/// A grader's or classifier's measured agreement with human labels, kept in the store by `systemcard validate`
/// so that the card can print it beside every figure that grader decided (same grader version, same model).
public struct ValidationRecord: Sendable, Hashable, Codable {
    /// `xstest-grader` or `moderation`.
    public var kind: String
    /// The version of the grader or classifier that was validated (`refusal-judge-v2`,
    /// `systemcard@systemcard-moderation-v1`).
    public var graderVersion: String
    /// The judging model (`openai/gpt-4o`) and its endpoint; empty for a rules grader.
    public var model: String
    public var baseURL: String
    /// One line for the card: "agreement 0.93, κ 0.81 on XSTest's 450 human labels (complied vs refused)".
    public var summary: String
    /// The digests of the labelled files.
    public var datasetFiles: [DatasetFileDigest]
    public var createdAt: Date

    /// Creates a record.
    public init(
        kind: String, graderVersion: String, model: String, baseURL: String, summary: String,
        datasetFiles: [DatasetFileDigest], createdAt: Date = Date()
    ) {
        self.kind = kind
        self.graderVersion = graderVersion
        self.model = model
        self.baseURL = baseURL
        self.summary = summary
        self.datasetFiles = datasetFiles
        self.createdAt = createdAt
    }
}
