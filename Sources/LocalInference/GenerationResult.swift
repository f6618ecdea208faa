/// The outcome of one `LocalModel.generate` call.
public struct GenerationResult: Sendable {
    /// The generated text (without the end-of-turn token).
    public var text: String
    /// The number of tokens in the formatted prompt.
    public var promptTokens: Int
    /// The number of tokens generated (the end-of-turn token not counted).
    public var completionTokens: Int
    /// "stop" when an end-of-turn token was produced, "length" when `maxTokens` was reached.
    public var finishReason: String
    /// Wall time spent processing the prompt.
    public var promptSeconds: Double
    /// Wall time spent generating the completion.
    public var generationSeconds: Double
    /// The most likely first tokens of the answer with their log-probabilities (natural log, from the model's
    /// distribution before temperature), most likely first; empty unless ``SamplingOptions/topLogprobs`` asked.
    public var firstTokenLogprobs: [TokenLogprob] = []

    /// Creates a result.
    public init(
        text: String, promptTokens: Int, completionTokens: Int, finishReason: String,
        promptSeconds: Double, generationSeconds: Double
    ) {
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.finishReason = finishReason
        self.promptSeconds = promptSeconds
        self.generationSeconds = generationSeconds
    }
}
