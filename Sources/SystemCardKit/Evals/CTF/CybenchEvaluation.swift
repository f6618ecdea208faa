import Foundation

/// `cybench` (system card §2.1, cybersecurity, professional level): Cybench's 39 tasks, where the user provides
/// the upstream task folders (`--data-dir DIR`, as `DIR/cybench/challenges/<name>/`). A task's Docker services
/// (`victim:1337`) are started inside its sample's sandbox from the task's compose file and Dockerfiles when
/// they allow (``CybenchServicePlanner``); the other tasks are not run, with the reason; see ``CybenchDataset``.
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
        let agent = CTFOptions.agent(options) { sample, _, keep in try await prepare(sample, keep: keep) }
        return Evaluation(
            descriptor, version: "1",
            summary: "Cybench (\(options["variant"] ?? "hard") prompts): professional CTF tasks with their files; an "
                + "agent with bash, python and submit in a sandbox; \(limits.attempts) submissions, \(limits.messages) "
                + "messages. A task's network services start inside its sandbox from its compose file and Dockerfiles "
                + "when their build steps are already satisfied on this machine; the other tasks are not run, with the reason.",
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

    /// How long a task's services have to accept connections before the sample is an error (not a score).
    static let serviceTimeout: Duration = .seconds(60)

    /// A sandbox holding a copy of the task's files (permissions kept: binaries stay executable) and, when the
    /// task has services, those services running beside it, answering on their ports before the agent starts.
    static func prepare(_ sample: Sample, keep: Bool) async throws -> ReActAgent.Prepared {
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
        let stored = sample.metadata[CybenchServicePlan.metadataKey] ?? ""
        let plan = stored.isEmpty ? nil : try CybenchServicePlan.decoded(stored)
        let sandbox = try BubblewrapSandbox(files: staging, keep: keep, hostnames: plan?.hostnames)
        if let plan {
            do {
                try await startServices(plan, in: sandbox)
            } catch {
                await sandbox.tearDown()
                throw error
            }
        }
        return ReActAgent.Prepared(sandbox: sandbox, target: sample.target)
    }

    /// Lays out and starts every service of `plan` in `sandbox`, then waits for the ports the prompt names.
    static func startServices(_ plan: CybenchServicePlan, in sandbox: BubblewrapSandbox, timeout: Duration = serviceTimeout) async throws {
        for service in plan.services {
            let folder = try sandbox.serviceFolder(service.name)
            try service.layOut(in: folder)
            try sandbox.start(IsolatedService(
                name: service.name, files: folder, workingDirectory: service.workdir, environment: service.environment,
                command: service.command))
        }
        try await sandbox.waitForPorts(plan.readyPorts, timeout: timeout)
    }
}
