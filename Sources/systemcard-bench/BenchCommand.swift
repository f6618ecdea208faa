import ArgumentParser

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "systemcard-bench", abstract: "Benchmarks of the SystemCard engine (not tests).",
        subcommands: [HarnessBenchmark.self])
}
