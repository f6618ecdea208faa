/// A model the card uses besides the evaluated ones: the grader model, or a conversation partner for an
/// evaluation's role (e.g. `mark`). Without a grader model, evaluations use their rules grader where they
/// have one and are otherwise "not run: needs a grader model"; the evaluated model is never its own judge.
public struct CardEndpointConfig: Sendable, Hashable {
    public var spec: ModelSpec
    public var baseURL: String?
    public var apiKeyEnv: String?

    public init(spec: ModelSpec, baseURL: String? = nil, apiKeyEnv: String? = nil) {
        self.spec = spec
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
    }
}
