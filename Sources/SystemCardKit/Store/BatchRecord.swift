import Foundation

/// A batch a run submitted (`--batch`), kept so that a killed process polls it again instead of paying for its
/// requests twice: the provider's batch id, whose model it calls, the requests under their cache keys, and whether
/// its answers are in the call cache yet.
public struct BatchRecord: Sendable, Codable, Hashable {
    /// The provider's batch id.
    public var id: String
    public var runID: String
    /// `provider/model` and its endpoint.
    public var model: String
    public var baseURL: String
    /// The provider's last reported status.
    public var status: String
    /// The requests, each under its call-cache key.
    var lines: [BatchLine]
    /// True once its answers are in the call cache (the batch needs no more polling).
    public var imported: Bool
    public var createdAt: Date

    init(id: String, runID: String, model: String, baseURL: String, status: String, lines: [BatchLine],
         imported: Bool = false, createdAt: Date = Date()) {
        self.id = id
        self.runID = runID
        self.model = model
        self.baseURL = baseURL
        self.status = status
        self.lines = lines
        self.imported = imported
        self.createdAt = createdAt
    }
}
