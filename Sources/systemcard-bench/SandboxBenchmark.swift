import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard-bench sandbox`: the time to run `true` through a fresh bubblewrap sandbox (create, run, collect,
/// tear down), median and p99, and the same for a command in an existing sandbox.
struct SandboxBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Time to run `true` through the sandbox (median and p99).")

    @Option(help: "Runs to time.")
    var runs: Int = 200

    func run() async throws {
        try await BubblewrapSandbox.checkAvailable()
        var fresh: [Double] = []
        var reused: [Double] = []
        var parts: [[Double]] = [[], [], []]
        let kept = try BubblewrapSandbox()
        for _ in 0..<runs {
            let started = ContinuousClock.now
            let sandbox = try BubblewrapSandbox()
            let made = ContinuousClock.now
            let result = try await sandbox.run(SandboxCommand("true"))
            let ran = ContinuousClock.now
            await sandbox.tearDown()
            for (index, (from, to)) in [(started, made), (made, ran), (ran, ContinuousClock.now)].enumerated() {
                parts[index].append(from.duration(to: to).inSeconds * 1000)
            }
            guard result.exitCode == 0 else { throw ValidationError("`true` failed in the sandbox: \(result.stderr)") }
            fresh.append(started.duration(to: .now).inSeconds * 1000)
            let again = ContinuousClock.now
            _ = try await kept.run(SandboxCommand("true"))
            reused.append(again.duration(to: .now).inSeconds * 1000)
        }
        await kept.tearDown()
        func line(_ name: String, _ values: [Double]) -> String {
            let sorted = values.sorted()
            let median = sorted[sorted.count / 2]
            let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
            return "\(name): median \(String(format: "%.1f", median)) ms, p99 \(String(format: "%.1f", p99)) ms (\(values.count) runs)"
        }
        print(line("create + run true + tear down", fresh))
        for (name, values) in zip(["  create", "  run true", "  tear down"], parts) { print(line(name, values)) }
        print(line("run true in an existing sandbox", reused))
    }
}

