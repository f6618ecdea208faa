import Foundation

/// Writes a stored run as an Inspect AI eval log (`.json`, the documented `EvalLog` schema), which `inspect view`
/// and Inspect's log API read: the task is the evaluation, each sample keeps its input, target, transcript,
/// answer and score (under the scorer `systemcard`), and the results carry each overall metric of the run's summary.
/// Errored samples carry their error. The API key is never in a run, so never in the log.
public enum InspectExport {
    /// The log of `runID` in `store`, as JSON.
    public static func log(runID: String, store: any ResultStore) async throws -> Data {
        guard let run = try await store.run(id: runID) else {
            throw SystemCardError.invalidInput("no run \(runID) in the store; `systemcard runs` lists them")
        }
        let results = try await store.results(runID: runID)
        let created = ISO8601DateFormatter().string(from: run.createdAt)
        let samples = results.map { result -> InspectLog.Sample in
            let messages = result.transcript.map { InspectLog.Message(role: $0.role.rawValue, content: .string($0.content)) }
            let input = result.sample.messages.map { InspectLog.Message(role: $0.role.rawValue, content: .string($0.content)) }
            var sample = InspectLog.Sample(
                id: .string(result.sample.id), epoch: result.epoch,
                input: (try? JSONCoding.decoder.decode(JSONValue.self, from: JSONCoding.encoder.encode(input))) ?? .null,
                target: result.sample.target.map(JSONValue.string) ?? .string(""), messages: messages,
                output: InspectLog.Output(
                    model: run.configuration.model.model, completion: result.completion ?? "",
                    choices: [InspectLog.Choice(
                        message: InspectLog.Message(role: "assistant", content: .string(result.completion ?? "")),
                        stop_reason: "stop")]),
                scores: nil, metadata: result.sample.metadata.mapValues(JSONValue.string))
            if let score = result.score {
                sample.scores = ["systemcard": InspectLog.SampleScore(
                    value: .double(score.value), answer: score.label, explanation: score.explanation)]
            }
            if let error = result.error {
                sample.error = .object(["message": .string(error), "traceback": .string(""), "traceback_ansi": .string("")])
            }
            return sample
        }
        let metrics = (run.summary?.metrics ?? []).filter { $0.group == nil }
        let log = InspectLog(
            version: 2, status: run.status == .finished ? "success" : "cancelled",
            stats: InspectLog.Stats(started_at: created, completed_at: ISO8601DateFormatter().string(from: run.updatedAt)),
            eval: InspectLog.Eval(
                task: run.evaluation, model: run.model, created: created, run_id: run.id, task_id: run.id, eval_id: run.id,
                dataset: .object(["name": .string(run.evaluation), "samples": .int(Set(results.map(\.sample.id)).count)]),
                config: .object(["epochs": .int(run.configuration.epochs)])),
            results: InspectLog.Results(
                total_samples: results.count, completed_samples: results.filter { $0.status == .scored }.count,
                scores: [InspectLog.ScoreSummary(
                    name: "systemcard", scorer: run.configuration.graderVersion,
                    metrics: Dictionary(metrics.map { ($0.name, InspectLog.Metric(name: $0.name, value: $0.value)) },
                                        uniquingKeysWith: { first, _ in first }))]),
            samples: samples)
        return try JSONCoding.encoder.encode(log)
    }
}
