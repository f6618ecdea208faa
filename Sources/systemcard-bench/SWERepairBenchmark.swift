import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard-bench swe-repair`: wall time of checking every swe-repair task's reference fix, each in a fresh
/// sandbox (what a run pays per task after the model's work), against the same tests run straight on the host
/// in the same process: the ratio is what the sandbox costs.
struct SWERepairBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swe-repair", abstract: "Wall time of swe-repair's reference checks, sandboxed and on the host.")

    @Option(help: "Checks at once (default: the number of cores).")
    var concurrency: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Rounds, alternating sandboxed and host (the median round is reported).")
    var rounds: Int = 3

    func run() async throws {
        try await BubblewrapSandbox.checkAvailable()
        var sandboxed: [(Double, [Double])] = []
        var host: [(Double, [Double])] = []
        for _ in 0..<rounds {
            for inSandbox in [true, false] {
                let started = ContinuousClock.now
                let timings = try await SWERepairEvaluation.referenceTimings(concurrency: concurrency, sandboxed: inSandbox)
                let wall = started.duration(to: .now).inSeconds
                let failed = timings.filter { !$0.resolved }.map(\.task)
                guard failed.isEmpty else { throw ValidationError("reference fixes not resolved: \(failed)") }
                if inSandbox { sandboxed.append((wall, timings.map(\.milliseconds))) } else { host.append((wall, timings.map(\.milliseconds))) }
            }
        }
        func line(_ name: String, _ runs: [(Double, [Double])]) -> (String, Double) {
            let walls = runs.map(\.0).sorted()
            let wall = walls[walls.count / 2]
            let each = runs.flatMap(\.1).sorted()
            return ("\(name): \(runs.first?.1.count ?? 0) tasks in \(String(format: "%.2f", wall)) s (median of \(runs.count)); "
                + "per task median \(String(format: "%.0f", each[each.count / 2])) ms, p90 "
                + "\(String(format: "%.0f", each[Int(Double(each.count) * 0.9)])) ms", wall)
        }
        let (inSandbox, sandboxWall) = line("sandboxed", sandboxed)
        let (onHost, hostWall) = line("on the host", host)
        print("concurrency \(concurrency) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(inSandbox)
        print(onHost)
        print("sandboxed / host wall time: \(String(format: "%.2f", sandboxWall / hostWall))x")
    }
}
