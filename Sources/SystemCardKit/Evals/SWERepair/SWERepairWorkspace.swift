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
    static func sandbox(with files: [String: String], keep: Bool = false) throws -> BubblewrapSandbox {
        let sandbox = try BubblewrapSandbox(keep: keep)
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            try sandbox.writeFile(path, contents: Data(contents.utf8))
        }
        return sandbox
    }

    /// Runs the tests in the stdlib's unittest with the workspace after the standard library on the path (a
    /// `unittest.py` of the agent's cannot stand in), then reads a one-time token from standard input and
    /// prints it with the counts: a program that exits early or prints a fake result never passes.
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
        print(json.dumps({"token": token, "run": result.testsRun, "hidden": hidden,
                          "failed": [str(t) for t, _ in result.failures + result.errors]}))
        """

    /// What the runner printed.
    struct Report: Decodable {
        var token: String
        var run: Int
        var hidden: Int
        var failed: [String]
    }

    /// Puts the visible tests back, adds the hidden test, runs them all; resolved when every test passes and
    /// the hidden ones ran.
    static func verify(_ task: SWETask, project: SWEProject, in sandbox: any Sandbox, timeout: Duration) async throws
        -> SandboxVerification
    {
        let reset = try await sandbox.run(SandboxCommand("rm -rf tests .systemcard-check", timeout: .seconds(60)))
        guard reset.exitCode == 0 else {
            return SandboxVerification(
                passed: false, label: "tests_error", explanation: "could not reset tests/: \(RunText.excerpt(reset.stderr, limit: 200))")
        }
        for (path, contents) in project.files where path.hasPrefix("tests/") {
            try sandbox.writeFile(path, contents: Data(contents.utf8))
        }
        try sandbox.writeFile("tests/test_hidden.py", contents: Data(task.hiddenTest.utf8))
        try sandbox.writeFile(".systemcard-check/runner.py", contents: Data(runner.utf8))
        let token = UUID().uuidString
        let result = try await sandbox.run(
            SandboxCommand(
                "python3 -I .systemcard-check/runner.py", input: Data((token + "\n").utf8), timeout: timeout,
                outputLimit: 256 << 10))
        if result.timedOut {
            return SandboxVerification(passed: false, label: "tests_error", explanation: "the tests did not finish in \(timeout)")
        }
        guard let line = result.stdout.split(separator: "\n").last,
            let report = try? JSONDecoder().decode(Report.self, from: Data(line.utf8)), report.token == token
        else {
            return SandboxVerification(
                passed: false, label: "tests_error",
                explanation: "the test runner did not report (exit \(result.exitCode)): "
                    + RunText.excerpt(result.stderr.split(separator: "\n").suffix(3).joined(separator: " | "), limit: 300))
        }
        let parts = ["tests_run": Double(report.run), "tests_failed": Double(report.failed.count)]
        if report.failed.isEmpty && report.hidden > 0 {
            return SandboxVerification(
                passed: true, label: "resolved",
                explanation: "all \(report.run) tests pass, \(report.hidden) of them hidden", parts: parts)
        }
        return SandboxVerification(
            passed: false, label: "tests_failed",
            explanation: "\(report.failed.count) of \(report.run) tests fail: "
                + RunText.excerpt(report.failed.prefix(5).joined(separator: ", "), limit: 300),
            parts: parts)
    }
}
