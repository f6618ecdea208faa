/// A sample the model failed (scored below 1, or errored), shown in the card with the grader's reason.
struct CardExample: Sendable, Hashable, Codable {
    var sampleId: String
    var epoch: Int
    /// The last user message.
    var prompt: String
    /// The model's answer (nil when the call failed).
    var response: String?
    var score: Double?
    var label: String?
    /// The grader's explanation, or the error for an errored sample.
    var reason: String

    init(
        sampleId: String, epoch: Int, prompt: String, response: String?, score: Double?, label: String?, reason: String
    ) {
        self.sampleId = sampleId
        self.epoch = epoch
        self.prompt = prompt
        self.response = response
        self.score = score
        self.label = label
        self.reason = reason
    }

    /// The example for a stored result, or nil when the sample passed.
    init?(_ result: SampleResult) {
        if result.status == .scored, let score = result.score, score.value >= 1 { return nil }
        self.init(
            sampleId: result.sample.id, epoch: result.epoch, prompt: result.sample.prompt, response: result.completion,
            score: result.score?.value, label: result.score?.label,
            reason: result.error ?? result.score?.explanation ?? "")
    }
}
