/// A model column of the card as written in its documents (no key, only the variable's name is ever kept).
public struct CardModelEntry: Sendable, Hashable, Codable {
    public var label: String
    public var model: String
    public var baseUrl: String?
    public var mitigation: MitigationStage?
    public var family: String
    public var settings: GenerationSettings

    public init(
        label: String, model: String, baseUrl: String?, mitigation: MitigationStage?, family: String,
        settings: GenerationSettings
    ) {
        self.label = label
        self.model = model
        self.baseUrl = baseUrl
        self.mitigation = mitigation
        self.family = family
        self.settings = settings
    }

    /// `label (pre-mitigation)` or `label`.
    public var heading: String { mitigation.map { "\(label) (\($0.title))" } ?? label }
}
