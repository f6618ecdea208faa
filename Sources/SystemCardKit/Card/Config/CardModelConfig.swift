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
    /// Mitigations wrapped around the model (``MitigationCatalog``); a model listed with mitigations and no
    /// `mitigation:` stage becomes two columns, bare (pre) and wrapped (post).
    var mitigations: [String] = []

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

    /// `models` with every model that has mitigations and no stage split into its bare (pre-mitigation) and
    /// wrapped (post-mitigation) columns, in the same family.
    static func expandingMitigations(_ models: [CardModelConfig]) -> [CardModelConfig] {
        models.flatMap { model -> [CardModelConfig] in
            guard !model.mitigations.isEmpty, model.mitigation == nil else { return [model] }
            var bare = model
            bare.mitigations = []
            bare.mitigation = .pre
            var wrapped = model
            wrapped.mitigation = .post
            wrapped.reference = false  // one reference column: the bare model
            wrapped.label = model.label + " + " + model.mitigations.map {
                $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0
            }.joined(separator: " + ")
            return [bare, wrapped]
        }
    }

    /// The model and where to reach it.
    var endpoint: ModelEndpoint { ModelEndpoint(spec: spec, baseURL: baseURL, apiKeyEnv: apiKeyEnv) }
}
