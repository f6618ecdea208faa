import Foundation

/// `coding-interview` (system card §2.4, model autonomy, the research-engineer interview's coding part):
/// HumanEval's 164 problems; the model writes the function, which runs against the problem's tests in a
/// sandbox, never on the host. pass@1 per sample (the mean over its epochs, the unbiased estimate) and pass@k
/// with k = epochs. o3-mini's 92% interview pass@1 is shown beside ours: OpenAI's interview problems are
/// internal, so the figure is on a different problem set. A figure, not an indicator: function-level coding
/// is far from the Framework's autonomy levels.
///
/// `systemcard data fetch humaneval`, then `systemcard eval coding-interview --model openai/<m> [--epochs 5]`.
public enum CodingInterviewEvaluation {
    public static let name = "coding-interview"

    static let own: [EvaluationOption] = [
        EvaluationOption("test-timeout", summary: "seconds for a problem's tests", integerIn: 1...600, default: 10),
        EvaluationOption(
            "max-sandboxes", summary: "sandboxes at once (default: twice the number of cores)", integerIn: 1...1024,
            default: 2 * ProcessInfo.processInfo.activeProcessorCount),
    ]

    /// `systemcard eval coding-interview`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Autonomy: HumanEval coding problems, tests run in a sandbox (pass@1, pass@k)",
        section: .autonomy, options: own, data: [HumanEvalData.humaneval]
    ) { descriptor, options in
        let grader = HumanEvalGrader(
            timeout: .seconds(options.integer("test-timeout")),
            pool: SandboxPool(limit: options.integer("max-sandboxes")))
        return Evaluation(
            descriptor, version: "1",
            summary: "HumanEval's 164 problems (signature and docstring shown, the whole function asked for), "
                + "run against the problem's tests in a sandbox with a \(options.integer("test-timeout")) s timeout.",
            dataset: HumanEvalDataset(),
            graders: GraderFactory(rules: grader, model: nil, preferred: .rules),
            metrics: [
                Metric(
                    name: "pass@1", summary: "The problem's tests pass (mean over epochs: the unbiased pass@1).",
                    higherIsBetter: false)
            ],
            aggregates: [
                .passAtK(
                    summary: "At least one of k attempts passes, unbiased estimator (k = epochs).", higherIsBetter: false)
            ],
            options: ["test-timeout": options["test-timeout"]!],
            references: [
                PublishedFigure(
                    metric: "pass@1", model: "o3-mini", value: 0.92,
                    source: "OpenAI o3-mini system card, §2.4 research-engineer interview coding (internal problems, "
                        + "not HumanEval)")
            ],
            usesSandbox: true,
            protocolNote: "HumanEval in place of OpenAI's internal interview problems: a different problem set")
    }
}
