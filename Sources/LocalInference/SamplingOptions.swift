/// How tokens are chosen during generation.
public struct SamplingOptions: Sendable {
    /// Softmax temperature; 0 (or less) means greedy decoding.
    public var temperature: Double = 0
    /// Nucleus sampling threshold in (0, 1]; 1 disables it.
    public var topP: Double = 1
    /// Seed of the random generator; nil picks a random seed. The same seed gives the same output.
    public var seed: UInt64? = nil
    /// The maximum number of tokens to generate.
    public var maxTokens: Int = 256
    /// How many of the first generated token's most likely alternatives to report with their log-probabilities
    /// (``GenerationResult/firstTokenLogprobs``); 0 reports none.
    public var topLogprobs: Int = 0

    /// Creates sampling options; every parameter has a default (greedy, 256 tokens).
    public init(temperature: Double = 0, topP: Double = 1, seed: UInt64? = nil, maxTokens: Int = 256) {
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
        self.maxTokens = maxTokens
    }
}
