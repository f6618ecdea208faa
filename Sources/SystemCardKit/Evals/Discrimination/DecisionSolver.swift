import Foundation

/// Asks for the decision, with the first token's log-probabilities when `logprobs` is on, and keeps P(yes) in the
/// output's parts: the probability mass of first tokens reading "yes" over that of "yes" and "no" (nil when
/// neither is among the alternatives, or the endpoint gave none).
struct DecisionSolver: Solver {
    /// How P(yes) is measured.
    enum Probability: String, Sendable, CaseIterable {
        /// Log-probabilities for the embedded model (which always gives them), answers otherwise.
        case auto
        /// Always ask for log-probabilities (OpenAI-compatible `logprobs`; reasoning models refuse them).
        case logprobs
        /// The share of yes answers over epochs.
        case answers
    }

    var probability: Probability = .auto
    static let alternatives = 20

    func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        let asks = probability == .logprobs || (probability == .auto && context.model.identity.provider == "local")
        var settings = context.model.settings
        if asks { settings.topLogprobs = Self.alternatives }
        let response = try await context.model.generate(sample.messages, settings: asks ? settings : nil)
        var output = SolverOutput(completion: response.text, transcript: sample.messages + [.assistant(response.text)])
        if let yes = Self.probabilityOfYes(response.firstTokenLogprobs) { output.parts = ["p_yes": yes] }
        return output
    }

    static func probabilityOfYes(_ alternatives: [TokenLogprob]?) -> Double? {
        guard let alternatives else { return nil }
        var yes = 0.0
        var no = 0.0
        for alternative in alternatives {
            let word = alternative.token.lowercased().filter(\.isLetter)
            if word == "yes" { yes += exp(alternative.logprob) }
            if word == "no" { no += exp(alternative.logprob) }
        }
        return yes + no > 0 ? yes / (yes + no) : nil
    }
}
