import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard import inspect LOG`: an Inspect AI eval log into the store, as a run of its own.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import results produced by other tools.", subcommands: [Inspect.self])

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Import an Inspect AI eval log (.eval or .json) as a run: its samples, answers and headline scores.")

        @Argument(help: "The log file (.eval or .json).")
        var log: String

        @Option(help: "The card section its figures belong to: \(CardSection.allCases.map(\.rawValue).joined(separator: ", ")).")
        var section: String

        @Option(help: "table (default) or json.")
        var output: OutputFormat = .table

        @OptionGroup var logging: LoggingArguments
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let cardSection = CardSection(rawValue: section) else {
                throw SystemCardError.invalidInput(
                    "unknown section '\(section)'; one of \(CardSection.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let outcome = try await InspectImport.run(
                URL(fileURLWithPath: log), section: cardSection, store: try await store.open(), logger: logging.logger)
            if output == .json {
                print(try RunReport(run: outcome.run.run, summary: outcome.run.summary).json())
                return
            }
            let run = outcome.run
            print("imported \(TerminalText.escape(log, singleLine: true)) as run \(run.run.id) (\(run.run.evaluation) on \(TerminalText.escape(run.run.model, singleLine: true)))")
            print(RunTable.render(run: run.run, summary: run.summary))
            let reported = outcome.reported.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4f", $0.value))" }
            if !reported.isEmpty { print("Inspect reported for \(outcome.scorer): \(reported.joined(separator: ", "))") }
            if !outcome.otherScorers.isEmpty {
                print("not imported (one scorer per run): \(outcome.otherScorers.joined(separator: ", "))")
            }
        }
    }
}

/// `systemcard export inspect RUN`: a stored run as an Inspect AI eval log that `inspect view` opens.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export runs for other tools.", subcommands: [Inspect.self])

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect", abstract: "Write a run as an Inspect AI eval log (.json) that `inspect view` opens.")

        @Argument(help: "The run id (see `systemcard runs`).")
        var run: String

        @Option(help: "The file to write (default: <run>.json).")
        var out: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let data = try await InspectExport.log(runID: run, store: try await store.open())
            let path = out ?? "\(run).json"
            do {
                try data.write(to: URL(fileURLWithPath: path))
            } catch {
                throw SystemCardError.invalidInput("cannot write \(path): \(error.localizedDescription)")
            }
            print("wrote \(path)")
        }
    }
}
