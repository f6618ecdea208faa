import Foundation

/// An evaluation defined in a YAML file instead of Swift: `systemcard eval ./my-eval.yaml`, or the file's path
/// under `evaluations:` in a card config. The file names a dataset (CSV or JSONL beside it), a prompt template
/// over the row's fields, a solver, a grader, metrics grouped by any field, the card section and, optionally,
/// published figures; `docs/evals/file-evaluations.md` describes every key. The file's digest is part of the
/// evaluation's version, so an edited file never resumes into an old run.
public enum FileEvaluation {
    /// Whether a name given where an evaluation is expected is a file of this kind.
    public static func isFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// The descriptor of the evaluation in the file at `url`; errors name file, line, column and key.
    public static func load(contentsOf url: URL) throws -> EvaluationDescriptor {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SystemCardError.invalidInput("cannot read the evaluation file \(url.path): \(error.localizedDescription)")
        }
        let spec = try FileEvaluationSpec.parse(text, file: url.lastPathComponent, folder: url.deletingLastPathComponent())
        return EvaluationDescriptor(name: spec.name, summary: spec.summary, section: spec.section) { descriptor, _ in
            make(spec, descriptor: descriptor)
        }
    }

    static func make(_ spec: FileEvaluationSpec, descriptor: EvaluationDescriptor) -> Evaluation {
        let graders: GraderFactory
        switch spec.grader {
        case .exact: graders = GraderFactory(rules: TextMatchGrader(rule: .exact, ignoreCase: spec.ignoreCase), model: nil, preferred: .rules)
        case .includes:
            graders = GraderFactory(rules: TextMatchGrader(rule: .includes, ignoreCase: spec.ignoreCase), model: nil, preferred: .rules)
        case .regex:
            graders = GraderFactory(
                rules: TextMatchGrader(rule: .regex(spec.pattern ?? ""), ignoreCase: spec.ignoreCase), model: nil, preferred: .rules)
        case .multipleChoice: graders = GraderFactory(rules: MultipleChoiceGrader(), model: nil, preferred: .rules)
        case .refusalRules: graders = GraderFactory(rules: RefusalRulesGrader(), model: nil, preferred: .rules)
        case .model: graders = GraderFactory(rules: nil, model: RubricGrader(rubric: FieldTemplate(spec.rubric ?? "")), preferred: .model)
        }
        let metrics = spec.metrics.map { metric in
            let filter = metric.filter
            return Metric(
                name: metric.name, summary: metric.summary.isEmpty ? "Defined in the evaluation file." : metric.summary,
                groupBy: metric.groupBy, higherIsBetter: metric.higherIsBetter,
                includes: { sample in filter.allSatisfy { sample.metadata[$0.key] == $0.value } })
        }
        return Evaluation(
            descriptor, version: "file-" + spec.digest.prefix(12), summary: spec.summary,
            dataset: FileEvaluationDataset(spec: spec), solver: GenerateSolver(), graders: graders, metrics: metrics,
            references: spec.published,
            protocolNote: spec.published.isEmpty ? nil : "defined in an evaluation file; compare with the published figures' protocol")
    }
}
