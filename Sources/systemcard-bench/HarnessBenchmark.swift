import ArgumentParser
import Foundation
import Synchronization
import SystemCardKit

/// `systemcard-bench harness`: throughput, peak memory and time to first request of the real engine
/// (HTTP client, retries, adaptive limit, SQLite store with every sample persisted) against a loopback
/// server that answers instantly, then the time to resume the finished run.
struct HarnessBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harness", abstract: "Samples per second against an instant loopback server.")

    @Option(help: "Base URL of the instant server (../shared/tools/instant-server.sh start PORT).")
    var baseURL: String = "http://127.0.0.1:18080/v1"

    @Option(help: "Samples in the synthetic evaluation.")
    var samples: Int = 10_000

    @Option(help: "Requests in flight.")
    var connections: Int = 64

    @Option(help: "Database file, or a PostgreSQL URL (postgres://…; use a fresh database) (default: a fresh temporary file).")
    var db: String?

    @Option(help: "Run only this shard of the samples (I/N), as `systemcard eval --shard` does.")
    var shard: String?

    func run() async throws {
        let startedAt = processStartUptime()
        let path = db ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("systemcard-bench-\(UUID().uuidString).sqlite").path
        let store = try await StoreLocation(path).open()
        let client = ModelFactory.makeHTTPClient(maxConnections: connections)
        let factory = ModelFactory(httpClient: client)
        let base = try factory.provider(
            for: ModelSpec(provider: .openai, model: "fake"),
            endpoint: EndpointOptions(baseURL: baseURL, maxConnections: connections))
        let recorder = FirstCallRecorder(base: base)
        let evaluation = SyntheticEvaluation.make(samples: samples)
        var request = RunRequest(
            evaluation: evaluation, model: recorder, settings: GenerationSettings(temperature: 0, maxTokens: 256),
            grader: .rules, dataDirectory: DataDirectory(url: URL(fileURLWithPath: "/nonexistent")),
            concurrency: connections)
        request.shard = try shard.map { try RunShard($0) }
        let runner = EvalRunner(store: store)

        let clock = ContinuousClock()
        let first = try await clock.measure { _ = try await runner.run(request) }
        let firstCallDelay = recorder.firstCallUptime.map { $0 - startedAt }
        let callsAfterFirst = recorder.calls
        let resume = try await clock.measure { _ = try await runner.run(request) }
        let resumeCalls = recorder.calls - callsAfterFirst
        await ModelFactory.shutdown(client)
        if let postgres = store as? PostgresResultStore { await postgres.close() }
        if db == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }

        let seconds = first.inSeconds
        let done = request.shard.map { shard in (0..<samples).filter { shard.owns(position: $0) }.count } ?? samples
        print("samples \(samples)  connections \(connections)" + (request.shard.map { "  shard \($0) (\(done) samples)" } ?? ""))
        print(String(format: "run:      %.2f s  %.0f samples/s", seconds, Double(done) / seconds))
        print(String(format: "peak RSS: %.1f MB", Double(peakResidentKilobytes()) / 1024))
        if let firstCallDelay { print(String(format: "first request: %.3f s after process start", firstCallDelay)) }
        print(String(format: "resume:   %.3f s  model calls %d", resume.inSeconds, resumeCalls))
    }
}

/// Counts calls and notes when the first one was made.
final class FirstCallRecorder: ModelProvider, Sendable {
    let base: any ModelProvider
    private let state = Mutex<(calls: Int, first: Double?)>((0, nil))

    init(base: any ModelProvider) {
        self.base = base
    }

    var identity: ModelIdentity { base.identity }
    var calls: Int { state.withLock { $0.calls } }
    var firstCallUptime: Double? { state.withLock { $0.first } }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        state.withLock { state in
            state.calls += 1
            if state.first == nil { state.first = ProcessInfo.processInfo.systemUptime }
        }
        return try await base.generate(request)
    }
}

/// Peak resident set size of this process, in kilobytes (Linux `getrusage`).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

/// When this process started, on the `systemUptime` clock (from /proc/self/stat).
func processStartUptime() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
        let closing = stat.lastIndex(of: ")")
    else { return ProcessInfo.processInfo.systemUptime }
    let fields = stat[stat.index(after: closing)...].split(separator: " ")
    // Field 22 of the file is the start time in clock ticks; fields here start at field 3.
    guard fields.count > 19, let ticks = Double(fields[19]) else { return ProcessInfo.processInfo.systemUptime }
    return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}
