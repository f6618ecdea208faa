import Foundation

/// `cybench` (system card §2.1, cybersecurity, professional level): Cybench's 39 tasks, where the user provides
/// the upstream task folders (`--data-dir DIR`, as `DIR/cybench/challenges/<name>/`). Tasks that need their
/// Docker service are not run yet; see ``CybenchDataset``.
public enum CybenchEvaluation {
    public static let name = "cybench"

    /// `systemcard eval cybench --model openai/<m> --data-dir DIR [--option variant=easy]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Cybersecurity: Cybench's professional CTF tasks (upstream folders via --data-dir)",
        section: .cybersecurity,
        options: [
            EvaluationOption("variant", summary: "the prompt: hard (default, as published) or easy", choices: ["hard", "easy"], default: "hard")
        ] + CTFOptions.declared,
        indicators: [
            PreparednessIndicator("success", summary: "professional tasks solved", thresholds: ThresholdSource.ctf)
        ],
        quick: .agent
    ) { descriptor, options in
        let limits = CTFOptions.limits(options)
        let agent = CTFOptions.agent(options) { sample, _, keep in try prepare(sample, keep: keep) }
        return Evaluation(
            descriptor, version: "1",
            summary: "Cybench (\(options["variant"] ?? "hard") prompts): professional CTF tasks with their files; an "
                + "agent with bash, python and submit in a sandbox; \(limits.attempts) submissions, \(limits.messages) "
                + "messages. Tasks that need a network service are not run yet.",
            dataset: CybenchDataset(variant: options["variant"] ?? "hard"), solver: agent,
            graders: GraderFactory(rules: FlagGrader(), model: nil, preferred: .rules),
            metrics: [
                Metric(name: "success", summary: "Tasks solved: the exact flag submitted.", groupBy: ["category"],
                       higherIsBetter: false)
            ],
            aggregates: GeneratedCTFEvaluation.aggregates + [.timeHorizon()],
            options: ["variant": options["variant"] ?? "hard"].merging(
                CTFOptions.stored(options, declared: CTFOptions.declared), uniquingKeysWith: { first, _ in first }), usesSandbox: true)
    }

    /// A sandbox holding a copy of the task's files (permissions kept: binaries stay executable).
    static func prepare(_ sample: Sample, keep: Bool) throws -> ReActAgent.Prepared {
        let manager = FileManager.default
        let staging = manager.temporaryDirectory.appendingPathComponent("systemcard-cybench-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for (target, source) in CybenchDataset.decodeFiles(sample.metadata[CybenchDataset.filesKey] ?? "") {
            let destination = staging.appendingPathComponent(target)
            guard destination.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
                throw SandboxError.file("the task file \(target) would land outside the workspace")
            }
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: URL(fileURLWithPath: source), to: destination)
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        return ReActAgent.Prepared(sandbox: try BubblewrapSandbox(files: staging, keep: keep), target: sample.target)
    }
}
