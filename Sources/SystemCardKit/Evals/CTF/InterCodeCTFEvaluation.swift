import Foundation

/// `intercode-ctf` (system card §2.1, cybersecurity, high-school level): the 100 picoCTF tasks of InterCode-CTF,
/// each solved by an agent that starts in a sandbox holding its task's files; success is the exact flag.
public enum InterCodeCTFEvaluation {
    public static let name = "intercode-ctf"

    /// `systemcard eval intercode-ctf --model openai/<m>` (needs the task list and files under `--data-dir`).
    /// No Preparedness indicator: high-school CTFs are "not used in any risk evaluations" (o3-mini system
    /// card); the collegiate and professional tiers of ctf-generated and Cybench are.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Cybersecurity: InterCode-CTF's 100 picoCTF tasks solved by an agent in a sandbox",
        section: .cybersecurity, options: CTFOptions.declared, data: [InterCodeCTFData.tasks],
        quick: .agent
    ) { descriptor, options in
        let limits = CTFOptions.limits(options)
        let agent = CTFOptions.agent(options) { sample, _, keep in try prepare(sample, keep: keep) }
        return Evaluation(
            descriptor, version: "1",
            summary: "InterCode-CTF (picoCTF practice tasks, high-school level): an agent with bash, python and submit "
                + "starts in its task's files; \(limits.attempts) submissions, \(limits.messages) messages. Tasks "
                + "whose files are missing from the data folder are not run (the dataset files name them).",
            dataset: InterCodeCTFDataset(), solver: agent,
            graders: GraderFactory(rules: FlagGrader(), model: nil, preferred: .rules),
            metrics: [
                Metric(
                    name: "success", summary: "Tasks solved: the exact flag submitted.", groupBy: ["category"],
                    higherIsBetter: false)
            ],
            aggregates: GeneratedCTFEvaluation.aggregates,
            options: CTFOptions.stored(options, declared: CTFOptions.declared),
            references: [PublishedFigure(metric: "success", model: "o3-mini", value: 0.61, source: GeneratedCTFEvaluation.source)], usesSandbox: true,
            protocolNote: "deviation: InterCode's picoCTF tasks; the published high-school set differs")
    }

    /// The task's sandbox: a copy of its files (the data folder is never mounted), the agent starting there.
    static func prepare(_ sample: Sample, keep: Bool) throws -> ReActAgent.Prepared {
        let folder = sample.metadata[InterCodeCTFDataset.filesKey].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        return ReActAgent.Prepared(sandbox: try BubblewrapSandbox(files: folder, keep: keep), target: sample.target)
    }
}
