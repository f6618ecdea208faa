/// Sends the sample's messages (system, developer, user, …) once and takes the answer.
public struct GenerateSolver: Solver {
    public init() {}

    public func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        let response = try await context.model.generate(sample.messages)
        return SolverOutput(completion: response.text, transcript: sample.messages + [.assistant(response.text)])
    }
}
