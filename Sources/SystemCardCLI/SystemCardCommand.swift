import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard`: run safety evaluations against chat models and read the results.
///
/// The `systemcard` executable is `await SystemCardCommand.main(registry: .builtIn)`. A program that adds
/// its own evaluations runs the same commands with its registry:
///
/// ```swift
/// import SystemCardCLI
/// import SystemCardKit
///
/// await SystemCardCommand.main(registry: .builtIn.adding(MyEvaluation.descriptor))
/// ```
public struct SystemCardCommand: AsyncParsableCommand {
    /// The command's name, version, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "systemcard",
        abstract: "Run safety and capability evaluations against chat models and report them with confidence intervals.",
        version: "0.1.0",
        subcommands: [
            EvalCommand.self, RunsCommand.self, ShowCommand.self, ListCommand.self, DataCommand.self,
            ModelCommand.self, ValidateCommand.self, CardCommand.self, DiffCommand.self, ModerateCommand.self, ArenaCommand.self, ViewCommand.self,
            ImportCommand.self, ExportCommand.self,
        ])

    /// Creates the root command; ArgumentParser fills in its arguments when it parses.
    public init() {}

    /// Parses the process's arguments and runs the command with `registry`'s evaluations, then exits with
    /// the documented codes: 0 success, 1 the run finished with errored samples (or the endpoint kept
    /// failing), 2 usage or input error, 130 interrupted.
    public static func main(registry: EvaluationRegistry) async -> Never {
        await CommandContext.$registry.withValue(registry) { await run() }
        Foundation.exit(0)
    }

    /// Runs the parsed command; a failure exits with its code.
    static func run() async {
        ProcessTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as SystemCardError {
            FileHandle.standardError.write(Data("error: \(TerminalText.escape(error.message))\n".utf8))
            Foundation.exit(ExitCodes.code(for: error))
        } catch is CancellationError {
            FileHandle.standardError.write(Data("interrupted\n".utf8))
            Foundation.exit(ExitCodes.interrupted)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitCodes.usage)
        }
    }
}

enum ExitCodes {
    static let erroredSamples: Int32 = 1
    static let usage: Int32 = 2
    static let interrupted: Int32 = 130

    static func code(for error: SystemCardError) -> Int32 {
        switch error.kind {
        case .invalidInput, .endpoint: return usage
        case .runFailed, .store, .costLimit: return erroredSamples
        case .interrupted: return interrupted
        }
    }
}
