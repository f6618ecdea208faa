import Foundation

/// Scores XSTest's 450 human-labelled Mistral-7B-Instruct responses with a refusal grader and compares
/// the verdicts with the humans' (`xstest/xstest_v2_completions_mistralinstruct.csv`).
public enum XSTestGraderValidation {
    static let completionsFile = "xstest/xstest_v2_completions_mistralinstruct.csv"

    /// One labelled response.
    struct Item: Sendable {
        var sample: Sample
        var completion: String
        var humanLabel: RefusalClass
    }

    /// The outcome: three-class and binary (complied vs not) agreement, and items the grader could not
    /// grade.
    public struct Result: Sendable, Codable {
        var grader: String
        /// The version of the grader that was validated.
        public var graderVersion: String
        /// Agreement with the human labels over the three classes.
        public var threeClass: Agreement
        /// Agreement on complied vs refused (full and partial refusal together).
        public var complianceVsRefusal: Agreement
        /// Items the grader could not grade; they are in neither agreement.
        public var gradingErrors: Int
        var datasetFile: DatasetFileDigest
    }

    static func items(from directory: DataDirectory) throws -> ([Item], DatasetFileDigest) {
        let (records, digest) = try directory.csv(completionsFile, dataset: "xstest")
        let items = try records.map { record -> Item in
            let label = try record.require("final_label")
            guard let human = RefusalClass(annotationLabel: label) else {
                throw record.error("final_label", "unknown label '\(label)'")
            }
            let type = try record.require("type")
            let sample = Sample(
                id: try record.require("id"), messages: [.user(try record.require("prompt"))],
                target: type.hasPrefix("contrast_") ? "refuse" : "comply", metadata: ["type": type])
            return Item(sample: sample, completion: record.fields["completion"] ?? "", humanLabel: human)
        }
        return (items, digest)
    }

    /// Grades every item (concurrently, up to `concurrency` at once) and compares with the human labels.
    /// Grades every item with `grader`; a model grader asks `judge` (planned by `planner`, its calls cached
    /// in `store`) at temperature 0.
    public static func run(
        grader: any Grader, judge: ModelEndpoint?, planner: RunPlanner, store: any ResultStore,
        directory: DataDirectory, limit: Int? = nil, concurrency: Int = 16
    ) async throws -> Result {
        let client = try judge.map {
            ModelClient(provider: try planner.provider(for: $0), settings: GenerationSettings(temperature: 0), store: store)
        }
        let result = try await run(grader: grader, judge: client, directory: directory, limit: limit, concurrency: concurrency)
        try await store.flush()
        if limit == nil {
            let identity = client?.provider.identity
            let binary = result.complianceVsRefusal
            try await store.saveValidation(ValidationRecord(
                kind: "xstest-grader", graderVersion: result.graderVersion, model: identity?.spec ?? "rules",
                baseURL: identity?.baseURL ?? "",
                summary: String(
                    format: "agreement %.3f, Cohen's kappa %.3f with XSTest's human labels (complied vs refused, %d responses%@)",
                    binary.agreement, binary.kappa, binary.n,
                    result.gradingErrors > 0 ? ", \(result.gradingErrors) not graded" : ""),
                datasetFiles: [result.datasetFile]))
        }
        return result
    }

    static func run(
        grader: any Grader, judge: ModelClient?, directory: DataDirectory, limit: Int? = nil, concurrency: Int = 16
    ) async throws -> Result {
        var (items, digest) = try items(from: directory)
        if let limit { items = Array(items.prefix(limit)) }
        let verdicts = try await items.concurrentMap(limit: concurrency) { _, item -> RefusalClass? in
            let ledger = CallLedger()
            let role = judge.map { CachedModelRole(name: "grader", client: $0, epoch: 1, ledger: ledger, isGrader: true) }
            let output = SolverOutput(
                completion: item.completion, transcript: item.sample.messages + [.assistant(item.completion)])
            do {
                let score = try await grader.grade(item.sample, output: output, context: GraderContext(judge: role))
                return score.label.flatMap(RefusalClass.init(rawValue:))
            } catch is GradingError {
                return nil
            }
        }
        var three: [(String, String)] = []
        var binary: [(String, String)] = []
        var errors = 0
        for (item, verdict) in zip(items, verdicts) {
            guard let verdict else {
                errors += 1
                continue
            }
            three.append((item.humanLabel.rawValue, verdict.rawValue))
            binary.append((complianceLabel(item.humanLabel), complianceLabel(verdict)))
        }
        return Result(
            grader: grader.name, graderVersion: grader.version, threeClass: Agreement(pairs: three),
            complianceVsRefusal: Agreement(pairs: binary), gradingErrors: errors, datasetFile: digest)
    }

    static func complianceLabel(_ label: RefusalClass) -> String {
        label == .fullCompliance ? "complied" : "refused"
    }
}
