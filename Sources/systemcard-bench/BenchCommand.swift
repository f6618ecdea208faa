import ArgumentParser
import SystemCardKit

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "systemcard-bench", abstract: "Benchmarks of the SystemCard engine (not tests).",
        subcommands: [
            HarnessBenchmark.self, ExtractionBenchmark.self, SandboxBenchmark.self, AgentBenchmark.self,
            SWERepairBenchmark.self,
        ])

    static func main() async {
        ProcessTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
