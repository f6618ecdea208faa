/// Sends the sample's messages (system, developer, user, …) once and takes the answer.
public struct GenerateSolver: Solver {
    /// Creates the solver.
    public init() {}

    /// Sends the sample's messages to the evaluated model; the transcript is those messages and the answer.
    public func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        let response = try await context.model.generate(sample.messages)
        return SolverOutput(completion: response.text, transcript: sample.messages + [.assistant(response.text)])
    }
}
