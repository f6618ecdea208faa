import Foundation

/// `swe-repair`'s agentless mode: the model sees the issue and the project's files and answers once with a
/// unified diff, which `patch` applies in the sandbox; the hidden tests then decide.
struct SWEAgentlessSolver: Sendable {
    var timeout: Duration

    static let instruction = """
        Reply with a unified diff that fixes the issue, in one ```diff code block, with paths relative to the \
        project root (`--- a/<path>` and `+++ b/<path>`). Change only what the fix needs.
        """

    /// The prompt: the issue, then every file of the project as the user has it (in four-backtick fences: the
    /// READMEs hold three-backtick blocks of their own).
    static func prompt(_ task: SWETask, project: SWEProject, files: [String: String]) -> String {
        var text = "The Python project `\(project.name)` (\(project.summary)) has this issue:\n\n\(task.issue)\n\n"
            + "Its files:\n"
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            text += "\n--- \(path)\n````\n\(contents)\(contents.hasSuffix("\n") ? "" : "\n")````\n"
        }
        return text + "\n" + instruction
    }

    /// The diff in an answer: a ```diff block, or the whole answer when it is a bare diff.
    static func diff(in answer: String) -> String? {
        let isDiff = { (text: String) in text.contains("--- ") && text.contains("+++ ") && text.contains("@@") }
        if let block = FencedCode.block(in: answer, languages: ["diff", "patch"], preferring: isDiff), isDiff(block) {
            return block
        }
        return isDiff(answer) ? answer : nil
    }

    func solve(
        _ sample: Sample, task: SWETask, project: SWEProject, context: SolverContext, pool: SandboxPool
    ) async throws -> SolverOutput {
        let files = try SWERepairWorkspace.files(of: task, in: project)
        let messages: [ChatMessage] = [.user(Self.prompt(task, project: project, files: files))]
        let response = try await context.model.generate(messages, settings: nil)
        var transcript = messages + [.assistant(response.text)]
        guard let diff = Self.diff(in: response.text) else {
            transcript.append(.system("[no unified diff in the answer]"))
            var output = SolverOutput(completion: response.text, transcript: transcript)
            output.verification = SandboxVerification(passed: false, label: "no_patch", explanation: "the answer has no unified diff")
            return output
        }
        let verification = try await pool.withSlot {
            try await SWERepairWorkspace.sandbox(with: files).tearingDown { sandbox in
                let applied = try await apply(diff, in: sandbox)
                let verification =
                    applied.ok
                    ? try await SWERepairWorkspace.verify(task, project: project, in: sandbox, timeout: timeout)
                    : SandboxVerification(passed: false, label: "patch_failed", explanation: applied.log)
                return (verification, applied.log)
            }
        }
        transcript.append(.system("[patch: \(RunText.excerpt(verification.1, limit: 400))]"))
        transcript.append(.system("[checks: \(verification.0.label); \(verification.0.explanation)]"))
        var output = SolverOutput(completion: response.text, transcript: transcript)
        output.verification = verification.0
        return output
    }

    /// Applies the diff with `patch` at the first strip level (`-p1`, then `-p0` for paths without a/ and b/)
    /// whose dry run succeeds, so a failed attempt never leaves half a patch; what patch said.
    func apply(_ diff: String, in sandbox: any Sandbox) async throws -> (ok: Bool, log: String) {
        let body = Data((diff.hasSuffix("\n") ? diff : diff + "\n").utf8)
        var log = ""
        for level in ["-p1", "-p0"] {
            let options = "\(level) --batch --forward --no-backup-if-mismatch -r - --quiet"
            let dryRun = try await sandbox.run(
                SandboxCommand("patch --dry-run \(options)", input: body, timeout: .seconds(30), outputLimit: 16 << 10))
            try SandboxChecks.requireTools(dryRun, program: "patch")
            log = (dryRun.stdout + dryRun.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            guard dryRun.exitCode == 0 else { continue }
            let result = try await sandbox.run(
                SandboxCommand("patch \(options)", input: body, timeout: .seconds(30), outputLimit: 16 << 10))
            log = (result.stdout + result.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            return (result.exitCode == 0, "patch \(level): exit \(result.exitCode)" + (log.isEmpty ? "" : ", \(log)"))
        }
        return (false, "patch did not apply: \(log)")
    }
}
