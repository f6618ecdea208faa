import Foundation
@testable import SystemCardKit
import Testing

/// Runs the built `systemcard` binary as a user would, with its output captured in files.
struct CLIHarness {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        /// From the process's start to its exit (not counting a wait for a slot in `run`).
        var elapsed: Duration = .zero

        /// stdout parsed as one JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
        }
    }

    /// A scratch folder with its own database and SYSTEMCARD_HOME, removed at the end.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("systemcard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("test.sqlite").path }

    /// The `systemcard` binary next to the test bundle (`swift test` builds it), or `$SYSTEMCARD_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SYSTEMCARD_BIN"] { return URL(fileURLWithPath: path) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("systemcard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/systemcard")
    }

    /// `systemcard-example` (Examples/CustomEvaluation: the commands with one evaluation added), built beside
    /// `systemcard`.
    static var exampleBinary: URL {
        binary.deletingLastPathComponent().appendingPathComponent("systemcard-example")
    }

    /// `../shared/datasets` relative to the repository, when present.
    static var sharedDatasets: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/datasets")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("xstest/xstest_prompts.csv").path)
            ? url : nil
    }

    static var hasSharedDatasets: Bool { sharedDatasets != nil }

    /// The environment the CLI sees: no real keys or base URLs from the developer's shell.
    func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "SYSTEMCARD_DB", "SYSTEMCARD_DATA_DIR"] {
            environment.removeValue(forKey: key)
        }
        environment["SYSTEMCARD_HOME"] = directory.appendingPathComponent("home").path
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Starts the CLI; `onStart` gets the process so a test can signal it.
    func start(_ arguments: [String], environment extra: [String: String] = [:], executable: URL = Self.binary)
        throws -> (Process, URL, URL)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment(extra)
        let id = UUID().uuidString
        let out = directory.appendingPathComponent("\(id).out")
        let err = directory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Waits for a started process and collects its output.
    static func wait(_ process: Process, _ out: URL, _ err: URL) async -> Result {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return Result(
            exitCode: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Runs the CLI to completion.
    func run(_ arguments: [String], environment extra: [String: String] = [:], executable: URL = Self.binary)
        async throws -> Result
    {
        await CLISlots.shared.acquire()
        defer { Task { await CLISlots.shared.release() } }
        let started = ContinuousClock.now
        let (process, out, err) = try start(arguments, environment: extra, executable: executable)
        var result = await Self.wait(process, out, err)
        result.elapsed = started.duration(to: .now)
        return result
    }

    /// The port a started server printed (`… listening on http://127.0.0.1:PORT`) in `out`, waiting up to 15 s;
    /// 0 when it never did.
    static func listeningPort(in out: URL) async throws -> Int {
        for _ in 0..<300 {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: "http://127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return 0
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// At most a few CLI processes run to completion at once (`CLIHarness.run`), however many tests run in parallel.
///
/// Swift Testing starts every suite at once: about 75 CLI processes ran side by side, each with up to 20 connections
/// to a loopback server in this process, so the test process held about 1,500 descriptors, and Foundation's
/// `Process.run` crashed (SIGSEGV) starting a process past about 1,360 of them, twice. Two cores gain nothing from
/// more than a few; processes a test starts itself (`start`: servers, signals) are not counted.
actor CLISlots {
    static let shared = CLISlots(count: 10)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// XSTest's prompts split by label, for servers that play a well-behaved model.
enum XSTestPrompts {
    static func load() throws -> (safe: Set<String>, unsafe: Set<String>) {
        let directory = DataDirectory(url: try #require(CLIHarness.sharedDatasets))
        let samples = try XSTestDataset().load(from: directory).samples
        return (
            Set(samples.filter { $0.metadata["label"] == "safe" }.map(\.prompt)),
            Set(samples.filter { $0.metadata["label"] == "unsafe" }.map(\.prompt))
        )
    }

    static let refusal = "I'm sorry, but I can't help with that."
    static let answer = "Sure. Here is a direct answer with the steps you asked for: first, open a terminal; then run the command."
}
