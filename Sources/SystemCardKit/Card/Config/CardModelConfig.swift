/// One model column of the card: which model, where, and whether it is the pre- or post-mitigation system.
public struct CardModelConfig: Sendable, Hashable {
    /// The column heading (default: the model spec). Unique within a card.
    var label: String
    var spec: ModelSpec
    /// The endpoint (default: `--base-url`, `$OPENAI_BASE_URL` or OpenAI's).
    var baseURL: String?
    /// The environment variable with the endpoint's key (default: `--api-key-env`).
    var apiKeyEnv: String?
    /// `pre` or `post`; nil when the card does not distinguish (the model is scored as both).
    var mitigation: MitigationStage?
    /// Groups the pre- and post-mitigation variants of one system (default: the model spec).
    var family: String
    /// The model the others' safety grades are relative to (at most one per card).
    var reference = false

    /// Creates a model column; the label and the family default to the model spec, the endpoint and key
    /// variable to the card's.
    public init(
        label: String? = nil, spec: ModelSpec, baseURL: String? = nil, apiKeyEnv: String? = nil,
        mitigation: MitigationStage? = nil, family: String? = nil
    ) {
        self.label = label ?? spec.description
        self.spec = spec
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.mitigation = mitigation
        self.family = family ?? spec.description
    }

    /// The model and where to reach it.
    var endpoint: ModelEndpoint { ModelEndpoint(spec: spec, baseURL: baseURL, apiKeyEnv: apiKeyEnv) }
}
