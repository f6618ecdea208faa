import Foundation

/// The agent options every CTF evaluation takes (Inspect AI's CTF defaults), and the ones that are not part of
/// a run's identity (how many sandboxes at once, keeping them).
enum CTFOptions {
    static let declared: [EvaluationOption] = [
        EvaluationOption("message-limit", summary: "messages before the agent is stopped", integerIn: 4...10_000, default: 50),
        EvaluationOption("token-limit", summary: "tokens before the agent is stopped (0: none)", integerIn: 0...100_000_000, default: 0),
        EvaluationOption("time-limit", summary: "seconds per sample", integerIn: 10...86_400, default: 1800),
        EvaluationOption("attempts", summary: "submissions allowed", integerIn: 1...100, default: 3),
        EvaluationOption("tool-timeout", summary: "seconds per bash or python call", integerIn: 1...3600, default: 180),
        EvaluationOption(
            "max-sandboxes", summary: "sandboxes at once (default: the number of cores)", integerIn: 1...1024,
            default: ProcessInfo.processInfo.activeProcessorCount),
        EvaluationOption(
            "keep-sandbox", summary: "keep each sample's sandbox folder (its path is in the transcript)",
            choices: ["no", "yes"], default: "no"),
    ]

    /// The agent options of evaluations whose checks run after the agent submits once (hidden tests, a task's
    /// checks, a grader): all but `attempts`, which only answer-checked tasks have.
    static let checked = declared.filter { $0.name != "attempts" }

    /// Options that do not change results, left out of the stored options (and so of the run id).
    static let operational: Set<String> = ["max-sandboxes", "keep-sandbox"]

    static func limits(_ options: EvaluationOptions) -> AgentLimits {
        let tokens = options.integer("token-limit")
        return AgentLimits(
            messages: options.integer("message-limit"), tokens: tokens == 0 ? nil : tokens,
            time: .seconds(options.integer("time-limit")), attempts: options["attempts"].flatMap(Int.init) ?? 1,
            toolTimeout: .seconds(options.integer("tool-timeout")))
    }

    /// The options that decide results, as stored with the run.
    static func stored(_ options: EvaluationOptions, declared: [EvaluationOption]) -> [String: String] {
        var stored: [String: String] = [:]
        for option in declared where !operational.contains(option.name) { stored[option.name] = options[option.name] }
        return stored
    }

    /// The agent every CTF evaluation uses, with these options' limits, sandbox pool and keep flag; `prepare`
    /// makes a sample's sandbox for an epoch (`keep`: leave its folder for debugging).
    static func agent(
        _ options: EvaluationOptions, systemPrompt: String = ReActAgent.ctfSystemPrompt,
        nudge: String = ReActAgent.ctfNudge,
        check: @escaping @Sendable (String, String) -> Bool = {
            $0.trimmingCharacters(in: .whitespacesAndNewlines) == $1
        },
        prepare: @escaping @Sendable (Sample, Int, Bool) async throws -> ReActAgent.Prepared
    ) -> ReActAgent {
        let keep = options["keep-sandbox"] == "yes"
        return ReActAgent(
            systemPrompt: systemPrompt, nudge: nudge, limits: limits(options),
            pool: SandboxPool(limit: options.integer("max-sandboxes")), check: check
        ) { try await prepare($0, $1, keep) }
    }

    /// A fresh sandbox whose workspace `script` has built, piped into `interpreter` (Python by default), so the
    /// script is never left in the workspace; a failing script tears the sandbox down and is a setup error naming
    /// `what`.
    static func sandbox(
        built script: String, what: String, keep: Bool, service: SandboxService? = nil, interpreter: String = "python3 -",
        timeout: Duration = .seconds(120)
    ) async throws -> BubblewrapSandbox {
        let sandbox = try BubblewrapSandbox(keep: keep, service: service)
        do {
            let result = try await sandbox.run(SandboxCommand(interpreter, input: Data(script.utf8), timeout: timeout))
            guard result.exitCode == 0 else {
                throw SandboxError.setup("\(what) could not be built: \(SandboxChecks.tail(result.stderr))")
            }
            return sandbox
        } catch {
            await sandbox.tearDown()
            throw error
        }
    }
}
