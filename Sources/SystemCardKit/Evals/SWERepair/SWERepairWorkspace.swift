import Foundation

/// Builds a task's project in a sandbox (the bug injected), and decides a repair: the visible tests are put
/// back as they were, the hidden test is copied in (only now: the model never saw it), and every test runs
/// under a runner of ours.
enum SWERepairWorkspace {
    /// The project's files with the task's bug injected; an error when the snippet is not there exactly once.
    static func files(of task: SWETask, in project: SWEProject) throws -> [String: String] {
        guard let source = project.files[task.file] else {
            throw SandboxError.setup("\(task.id): the project \(project.name) has no file \(task.file)")
        }
        let pieces = source.components(separatedBy: task.original)
        guard pieces.count == 2 else {
            throw SandboxError.setup("\(task.id): the snippet occurs \(pieces.count - 1) times in \(task.file), not once")
        }
        var files = project.files
        files[task.file] = pieces.joined(separator: task.buggy)
        return files
    }

    /// A sandbox holding `files` (a project as the agent starts it).
    static func sandbox(with files: [String: String], keep: Bool = false) async throws -> BubblewrapSandbox {
        let sandbox = try BubblewrapSandbox(keep: keep)
        do {
            for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
                try sandbox.writeFile(path, contents: Data(contents.utf8))
            }
            return sandbox
        } catch {
            await sandbox.tearDown()
            throw error
        }
    }

    /// Runs the tests in the stdlib's unittest with the project after the standard library on the path (a
    /// `unittest.py` of the agent's cannot stand in), then reads a one-time token from standard input and
    /// prints it with the counts, so a program that exits early or prints a fake result never passes. The
    /// project's code runs in this process (as under pytest in SWE-bench): code that patches unittest itself
    /// could still fake a pass, and the transcript shows it.
    static let runner = """
        import json, sys, unittest
        root = sys.argv[1] if len(sys.argv) > 1 else "/workspace"
        sys.path.append(root)
        suite = unittest.defaultTestLoader.discover(root + "/tests", top_level_dir=root)
        def ids(suite):
            for test in suite:
                if isinstance(test, unittest.TestSuite):
                    yield from ids(test)
                else:
                    yield test.id()
        hidden = sum(1 for name in ids(suite) if ".test_hidden." in "." + name)
        result = unittest.TestResult()
        suite.run(result)
        token = sys.stdin.readline().strip()
        failed = [str(t) for t, _ in result.failures + result.errors] + [str(t) for t in result.unexpectedSuccesses]
        print(json.dumps({"token": token, "run": result.testsRun, "hidden": hidden, "failed": failed,
                          "skipped": len(result.skipped) + len(result.expectedFailures)}))
        """

    /// What the runner printed.
    struct Report: Decodable {
        var token: String
        var run: Int
        var hidden: Int
        var failed: [String]
        var skipped: Int

        /// Every test passed (none skipped, none failing) and the hidden ones ran.
        var resolved: Bool { failed.isEmpty && skipped == 0 && hidden > 0 }
    }

    /// Puts the visible tests back, adds the hidden test, runs them all; resolved when every test passes (none
    /// skipped) and the hidden ones ran.
    static func verify(_ task: SWETask, project: SWEProject, in sandbox: any Sandbox, timeout: Duration) async throws
        -> SandboxVerification
    {
        // The agent owns everything it made, so it cannot keep tests/ from going; if it is still there, the
        // workspace was tampered with.
        let reset = try await sandbox.run(
            SandboxCommand("chmod -R u+rwX tests 2>/dev/null; rm -rf tests && test ! -e tests", timeout: .seconds(60)))
        guard reset.exitCode == 0 else {
            return SandboxVerification(
                passed: false, label: "workspace_tampered",
                explanation: "tests/ could not be replaced: \(SandboxChecks.tail(reset.stderr))")
        }
        for (path, contents) in project.files where path.hasPrefix("tests/") {
            try sandbox.writeFile(path, contents: Data(contents.utf8))
        }
        try sandbox.writeFile("tests/test_hidden.py", contents: Data(task.hiddenTest.utf8))
        let folder = SandboxChecks.freshFolder()
        try sandbox.writeFile("\(folder)/runner.py", contents: Data(runner.utf8))
        let token = UUID().uuidString
        let result = try await sandbox.run(
            SandboxCommand(
                "python3 -I \(folder)/runner.py", input: Data((token + "\n").utf8), timeout: timeout,
                outputLimit: 1 << 20))
        try SandboxChecks.requireTools(result, program: "python3")
        if result.timedOut {
            return SandboxVerification(passed: false, label: "tests_error", explanation: "the tests did not finish in \(timeout)")
        }
        guard let line = result.stdout.split(separator: "\n").last,
            let report = try? JSONDecoder().decode(Report.self, from: Data(line.utf8)), report.token == token
        else {
            return SandboxVerification(
                passed: false, label: "tests_error",
                explanation: "the test runner did not report (exit \(result.exitCode)): \(SandboxChecks.tail(result.stderr))")
        }
        let parts = ["tests_run": Double(report.run), "tests_failed": Double(report.failed.count)]
        if report.resolved {
            return SandboxVerification(
                passed: true, label: "resolved",
                explanation: "all \(report.run) tests pass, \(report.hidden) of them hidden", parts: parts)
        }
        let why =
            report.hidden == 0 ? "the hidden tests did not run"
            : report.failed.isEmpty ? "\(report.skipped) tests skipped"
            : "\(report.failed.count) of \(report.run) tests fail: "
                + RunText.excerpt(report.failed.prefix(5).joined(separator: ", "), limit: 300)
        return SandboxVerification(passed: false, label: "tests_failed", explanation: why, parts: parts)
    }
}
