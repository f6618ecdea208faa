import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard diff A B`: two card.json files or two runs, metric by metric; exit 3 on a regression beyond
/// the confidence intervals (for CI pipelines).
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two cards (card.json) or two runs metric by metric.",
        discussion: """
            A change is "beyond the CI" when the two 95% confidence intervals do not overlap; its direction comes \
            from each metric (higher or lower is better). Exit codes: 0 no regression beyond the intervals; \
            3 some metric regressed beyond them; 2 usage error.
            """)

    @Argument(help: "The baseline: a card.json file (or a card folder) or a run id from `systemcard runs`.")
    var before: String

    @Argument(help: "The candidate, likewise.")
    var after: String

    @Flag(help: "Also compare per-group figures (e.g. per prompt type).")
    var groups = false

    @Option(help: "table (default) or json.")
    var output: OutputFormat = .table

    @OptionGroup var store: StoreOptions

    static let regressionExitCode: Int32 = 3

    func run() async throws {
        let diff = CardDiff.compare(try await side(before), try await side(after), includeGroups: groups)
        switch output {
        case .table: print(diff.table())
        case .json: print(try diff.json())
        }
        if diff.hasRegression { throw ExitCode(Self.regressionExitCode) }
    }

    /// A card file, a card folder, or a run in the store.
    func side(_ argument: String) async throws -> CardDiff.Side {
        var url = URL(fileURLWithPath: argument)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { url = url.appendingPathComponent("card.json") }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw SystemCardError.invalidInput("cannot read \(url.path): \(error.localizedDescription)")
            }
            do {
                return CardDiff.Side(card: try CardDocument.decode(data), name: url.path)
            } catch {
                throw SystemCardError.invalidInput(
                    "\(url.path) is not a card.json written by `systemcard card`: \(error)")
            }
        }
        if argument.hasSuffix(".json") { throw SystemCardError.invalidInput("no file \(argument)") }
        let resultStore = try store.open()
        guard let run = try await resultStore.run(id: argument) else {
            throw SystemCardError.invalidInput(
                "'\(argument)' is neither a card.json file nor a run in \(store.path) (`systemcard runs` lists them)")
        }
        guard run.summary != nil else { throw SystemCardError.invalidInput("run \(run.id) has no summary yet") }
        return CardDiff.Side(run: run, registry: CommandContext.registry)
    }
}
