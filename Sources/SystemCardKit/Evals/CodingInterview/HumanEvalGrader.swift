import Foundation

/// Runs a completion against its problem's unit tests in a fresh sandbox (no network, limits, a timeout),
/// never on the host: 1 when every assertion of `check` passes.
///
/// The program is upstream's (`prompt + completion + test`, then `check(entry_point)`), with the model's whole
/// function placed after the prompt when it wrote one (a chat model's usual answer), or its text appended as the
/// function's body otherwise (a completion model's). A harness reads both files and keeps its own references to
/// `exec`, `compile` and a duplicate of standard output before the program runs; the program's own output goes to
/// /dev/null (as upstream swallows it); then it reads a one-time token from standard input, runs `check`, and
/// writes the token. A program that exits early, prints a fake success, reads its input or replaces `exec` or
/// `print` never passes; code that tampers with the interpreter more deeply runs in the same process as the
/// tests (as upstream's) and the transcript shows it.
struct HumanEvalGrader: Grader {
    let name = "rules"
    let version = "humaneval-sandbox-1"
    var timeout: Duration
    var pool: SandboxPool

    static let harness = """
        import builtins, os, sys
        run, build, write = builtins.exec, builtins.compile, os.write
        ENTRY = sys.argv[1]
        solution, tests = open("solution.py").read(), open("check.py").read()
        out = os.dup(1)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        namespace = {"__name__": "solution"}
        run(build(solution, "solution.py", "exec"), namespace)
        token = sys.stdin.readline().strip()
        run(build(tests, "check.py", "exec"), namespace)
        namespace["check"](namespace[ENTRY])
        write(out, ("\\n" + token + "\\n").encode())
        """

    /// The program the tests run against: the prompt, then the model's function or body.
    static func program(prompt: String, completion: String, entryPoint: String) -> String? {
        let defines = { (code: String) in code.contains("def \(entryPoint)(") }
        let code = FencedCode.block(in: completion, languages: ["python", "py", "python3"], preferring: defines)
            ?? completion
        guard !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return defines(code) ? prompt + "\n\n" + code + "\n" : prompt + code + "\n"
    }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        guard let prompt = sample.metadata["prompt"], let test = sample.metadata["test"],
            let entry = sample.metadata["entry_point"]
        else { throw GradingError("\(sample.id) has no prompt, test or entry point") }
        guard let program = Self.program(prompt: prompt, completion: output.completion, entryPoint: entry) else {
            return Score(value: 0, label: "no_code", explanation: "the answer has no code")
        }
        let token = UUID().uuidString
        let result = try await pool.withSlot {
            try await BubblewrapSandbox.withFresh { sandbox in
            try sandbox.writeFile("solution.py", contents: Data(program.utf8))
            try sandbox.writeFile("check.py", contents: Data(test.utf8))
            try sandbox.writeFile("harness.py", contents: Data(Self.harness.utf8))
            return try await sandbox.run(
                SandboxCommand(
                    "python3 harness.py \(entry)", input: Data((token + "\n").utf8), timeout: timeout,
                    outputLimit: 64 << 10))
            }
        }
        try SandboxChecks.requireTools(result, program: "python3")
        let passed = result.exitCode == 0 && result.stdout.split(separator: "\n").last.map(String.init) == token
        if passed { return Score(value: 1, label: "passed", explanation: "every test passed") }
        if result.timedOut {
            return Score(value: 0, label: "timeout", explanation: "the tests did not finish in \(timeout)")
        }
        let lastError = SandboxChecks.tail(result.stderr)
        return Score(
            value: 0, label: "failed", explanation: "exit \(result.exitCode): \(lastError.isEmpty ? "no success token" : lastError)")
    }
}
