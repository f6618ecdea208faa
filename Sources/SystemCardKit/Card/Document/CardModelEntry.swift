/// A model column of the card as written in its documents (no key, only the variable's name is ever kept).
struct CardModelEntry: Sendable, Hashable, Codable {
    var label: String
    var model: String
    var baseUrl: String?
    var mitigation: MitigationStage?
    var family: String
    var settings: GenerationSettings
    /// True for the model the others' safety grades are relative to; absent otherwise.
    var reference: Bool?
    /// The mitigations around the model (`safety-spec@1`, …); absent without any.
    var mitigations: [String]?

    init(
        label: String, model: String, baseUrl: String?, mitigation: MitigationStage?, family: String,
        settings: GenerationSettings, reference: Bool = false, mitigations: [String] = []
    ) {
        self.mitigations = mitigations.isEmpty ? nil : mitigations
        self.reference = reference ? true : nil
        self.label = label
        self.model = model
        self.baseUrl = baseUrl
        self.mitigation = mitigation
        self.family = family
        self.settings = settings
    }

    /// `label (pre-mitigation)` or `label`.
    var heading: String { mitigation.map { "\(label) (\($0.title))" } ?? label }
}
