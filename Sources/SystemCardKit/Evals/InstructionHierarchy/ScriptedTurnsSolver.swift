import Foundation

/// Sends the sample's messages, then each follow-up user turn stored in the sample's `followups`
/// metadata (a JSON array of strings), each after the model's previous answer: a scripted multi-turn
/// attacker. Without follow-ups it is one call, like ``GenerateSolver``.
struct ScriptedTurnsSolver: Solver {
    static let metadataKey = "followups"

    init() {}

    func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        var transcript = sample.messages
        var last = ""
        for turn in [nil] + Self.followups(of: sample).map(Optional.some) {
            if let turn { transcript.append(.user(turn)) }
            last = try await context.model.generate(transcript).text
            transcript.append(.assistant(last))
        }
        return SolverOutput(completion: last, transcript: transcript)
    }

    /// The follow-up user turns of a sample.
    static func followups(of sample: Sample) -> [String] {
        guard let text = sample.metadata[metadataKey], let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    /// The metadata value for `turns`.
    static func encode(_ turns: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(turns)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
