import Foundation
import Logging

/// Imports an Inspect AI eval log into the store as a run of its own, so the figures a team already has sit beside
/// ours (`systemcard runs`, `show`, `diff`): each sample's answer and its headline scorer's score are replayed through
/// the ordinary runner (no model is called), which stores them and computes the metrics with 95% intervals as for
/// any run. The run is marked as imported: its model is `inspect/<the log's model>`, its evaluation
/// `inspect-<task>`, and the log file's SHA-256 is its dataset digest, so importing the same file again resumes the
/// same run and a different file is a different run.
public enum InspectImport {
    /// What the card prints beside an imported run's figures.
    static let protocolNote = "imported from an Inspect AI log: measured by Inspect, not here"

    /// What an import did.
    public struct Outcome: Sendable {
        public var run: RunOutcome
        /// The scorer imported (the log's first) and the others left out.
        public var scorer: String
        public var otherScorers: [String]
        /// The metrics Inspect itself reported for that scorer (`accuracy`, `stderr`, …), for comparison.
        public var reported: [String: Double]
    }

    /// Reads `url` (`.eval` or `.json`) and stores it as a run in `section`.
    public static func run(_ url: URL, section: CardSection, store: any ResultStore, logger: Logger) async throws -> Outcome {
        let log = try InspectLog.read(url)
        let samples = log.samples ?? []
        guard !samples.isEmpty else {
            throw SystemCardError.invalidInput("\(url.lastPathComponent) has no samples (status \(log.status)); nothing to import")
        }
        let scorers = log.results?.scores.map(\.name) ?? Array(Set(samples.flatMap { ($0.scores ?? [:]).keys })).sorted()
        guard let scorer = scorers.first else {
            throw SystemCardError.invalidInput("\(url.lastPathComponent) has no scores to import")
        }
        let digest = try SHA256Digest.file(url)
        let task = log.eval.task.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = "inspect-" + String(task)
        let replay = InspectReplay(log: log, file: url.lastPathComponent, digest: digest, scorer: scorer)
        let descriptor = EvaluationDescriptor(
            name: name, summary: "Imported from the Inspect log \(url.lastPathComponent)", section: section
        ) { _, _ in fatalError("an imported evaluation is built by InspectImport") }
        let evaluation = Evaluation(
            descriptor, version: "inspect-log",
            summary: "Inspect AI task \(log.eval.task) on \(log.eval.model), imported from \(url.lastPathComponent) "
                + "(sha256 \(digest.prefix(12))); scorer \(scorer).",
            dataset: replay, solver: replay, graders: GraderFactory(rules: replay, model: nil, preferred: .rules),
            metrics: [Metric(name: scorer, summary: "Inspect scorer \(scorer) (C = 1, P = 0.5, I and N = 0).")],
            options: ["section": section.rawValue, "scorer": scorer, "source": url.lastPathComponent],
            protocolNote: Self.protocolNote)
        let request = RunRequest(
            evaluation: evaluation, model: ImportedModel(model: log.eval.model), grader: .rules,
            dataDirectory: DataDirectory(url: url.deletingLastPathComponent()),
            epochs: samples.map(\.epoch).max() ?? 1, concurrency: 8)
        let runner = EvalRunner(store: store, logger: logger, retries: nil, onProgress: { _ in })
        let outcome = try await runner.run(request)
        let reported = log.results?.scores.first { $0.name == scorer }?.metrics.mapValues(\.value) ?? [:]
        return Outcome(run: outcome, scorer: scorer, otherScorers: Array(scorers.dropFirst()), reported: reported)
    }
}

/// The log's samples as a dataset, its answers as the solver and its scores as the grader.
struct InspectReplay: Dataset, Solver, Grader {
    let log: InspectLog
    let file: String
    let digest: String
    let scorer: String
    let name = "rules"
    var version: String { "inspect-score:" + scorer }
    /// The logged samples by id and epoch (looked up once per sample-epoch by the solver and again by the grader).
    let byKey: [String: InspectLog.Sample]

    init(log: InspectLog, file: String, digest: String, scorer: String) {
        self.log = log
        self.file = file
        self.digest = digest
        self.scorer = scorer
        byKey = Dictionary((log.samples ?? []).map { ("\($0.idText)#\($0.epoch)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    func sample(_ id: String, epoch: Int) -> InspectLog.Sample? { byKey["\(id)#\(epoch)"] }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var seen = Set<String>()
        let samples = (log.samples ?? []).compactMap { logged -> Sample? in
            guard seen.insert(logged.idText).inserted else { return nil }
            var metadata: [String: String] = [:]
            for (key, value) in logged.metadata ?? [:] {
                if case .string(let text) = value { metadata[key] = text } else { metadata[key] = (try? JSONCoding.string(value)) ?? "" }
            }
            return Sample(id: logged.idText, messages: Self.messages(logged.input), target: logged.targetText, metadata: metadata)
        }
        return LoadedDataset(samples: samples, files: [DatasetFileDigest(path: file, sha256: digest)])
    }

    static func messages(_ input: JSONValue) -> [ChatMessage] {
        switch input {
        case .string(let text): return [.user(text)]
        case .array:
            let decoded = (try? JSONCoding.decoder.decode([InspectLog.Message].self, from: JSONCoding.encoder.encode(input))) ?? []
            return decoded.map { ChatMessage(role: ChatRole(rawValue: $0.role) ?? .user, content: $0.text) }
        default: return [.user("\(input)")]
        }
    }

    func solve(_ sample: Sample, context: SolverContext) async throws -> SolverOutput {
        guard let logged = self.sample(sample.id, epoch: context.epoch) else {
            throw GradingError("the log has no epoch \(context.epoch) of sample \(sample.id)")
        }
        if let error = logged.error { throw GradingError("the sample errored in Inspect: \(error)") }
        let transcript = (logged.messages ?? []).map { ChatMessage(role: ChatRole(rawValue: $0.role) ?? .user, content: $0.text) }
        let completion = logged.output?.completion ?? transcript.last { $0.role == .assistant }?.content ?? ""
        var output = SolverOutput(completion: completion, transcript: transcript.isEmpty ? sample.messages + [.assistant(completion)] : transcript)
        output.parts = ["epoch": Double(context.epoch)]  // for the grader, which is not told the epoch
        return output
    }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        guard let epoch = output.parts?["epoch"].map(Int.init), let match = self.sample(sample.id, epoch: epoch),
            let score = match.scores?[scorer]
        else { throw GradingError("the log has no \(scorer) score for sample \(sample.id)") }
        guard let value = InspectLog.number(score.value) else {
            throw GradingError("the \(scorer) score of sample \(sample.id) is not a number or C/I/P/N: \(score.value)")
        }
        let label: String
        if case .string(let text) = score.value { label = text } else { label = String(value) }
        return Score(value: value, label: label, explanation: score.explanation ?? "imported from Inspect")
    }
}

/// The model of an imported run: it is never called (the answers come from the log).
struct ImportedModel: ModelProvider {
    let model: String
    var identity: ModelIdentity { ModelIdentity(provider: "inspect", model: model, baseURL: "", developerRoleMode: .native) }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        throw ProviderError(.badRequest, message: "an imported run never calls its model")
    }
}
