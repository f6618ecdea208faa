import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard-bench agents --data-dir DIR`: the wall time of InterCode-CTF's tasks with a scripted model that
/// runs one command (`ls -la` in the task's files) and then submits the task's flag, so what is measured is the
/// agent machinery: a sandbox per task with its files copied in, a command in it, the loop, grading, storage.
struct AgentBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "Wall time of InterCode-CTF's tasks: one command, then the flag, scripted.")

    @Option(help: "Folder with intercode-ctf/ic_ctf.json and intercode-ctf/task_assets/.")
    var dataDir: String

    @Option(help: "Sandboxes at once (default: the number of cores).")
    var maxSandboxes: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let directory = DataDirectory(url: URL(fileURLWithPath: dataDir))
        let evaluation = try EvaluationRegistry.builtIn.evaluation(
            named: "intercode-ctf", options: ["max-sandboxes": String(maxSandboxes)])
        let samples = try evaluation.dataset.load(from: directory).samples
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-agents-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let request = RunRequest(
            evaluation: evaluation, model: FlagSubmitter(samples: samples), grader: .rules, dataDirectory: directory,
            concurrency: 64)
        let runner = EvalRunner(store: try SQLiteResultStore(path: path))
        let started = ContinuousClock.now
        let outcome = try await runner.run(request)
        let elapsed = started.duration(to: .now).inSeconds
        let success = outcome.summary.metrics.first { $0.name == "success" && $0.group == nil }?.value ?? 0
        // Tasks that share a prompt get the first one's flag: the rest count as wrong.
        print("tasks \(samples.count)  sandboxes at once \(maxSandboxes)")
        print(String(format: "wall time %.2f s  (%.0f ms per task)  success %.2f", elapsed, elapsed * 1000 / Double(samples.count), success))
    }
}

/// A model that lists the task's files, then submits its flag.
struct FlagSubmitter: ModelProvider {
    let flags: [String: String]
    let identity = ModelIdentity(provider: "bench", model: "flag-submitter", baseURL: "bench:", developerRoleMode: .native)

    init(samples: [Sample]) {
        flags = Dictionary(samples.map { ($0.prompt, $0.target ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let task = request.messages.first { $0.role == .user }?.content ?? ""
        if !request.messages.contains(where: { $0.role == .tool }) {
            return ModelResponse(
                text: "", finishReason: "tool_calls",
                toolCalls: [ToolCall(id: "call_0", name: "bash", arguments: #"{"cmd":"ls -la"}"#)])
        }
        var writer = [String: String]()
        writer["answer"] = flags[task] ?? ""
        let arguments = String(decoding: try JSONSerialization.data(withJSONObject: writer), as: UTF8.self)
        return ModelResponse(
            text: "", finishReason: "tool_calls", toolCalls: [ToolCall(id: "call_1", name: "submit", arguments: arguments)])
    }
}
