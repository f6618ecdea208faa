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
            When both runs are in the store (--db), each per-sample metric is compared on the samples the two runs \
            share: McNemar's exact test for 0/1 metrics, a paired bootstrap otherwise, with the difference's 95% \
            interval and the samples that flipped; a change is significant at p < 0.05 with an interval that \
            excludes zero. Otherwise (and for aggregate figures) a change is "beyond the CI" when the two 95% \
            intervals do not overlap. The direction comes from each metric. Exit codes: 0 no regression; \
            3 some metric regressed; 2 usage error.
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
        var diff = CardDiff.compare(try await side(before), try await side(after), includeGroups: groups)
        if store.exists {
            diff = try await diff.paired(store: try await store.open(), registry: CommandContext.registry)
        }
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
                return try CardDiff.Side(cardJSON: data, name: url.path)
            } catch {
                throw SystemCardError.invalidInput(
                    "\(url.path) is not a card.json written by `systemcard card`: \(error)")
            }
        }
        if argument.hasSuffix(".json") { throw SystemCardError.invalidInput("no file \(argument)") }
        let resultStore = try await store.open()
        guard let run = try await resultStore.run(id: argument) else {
            throw SystemCardError.invalidInput(
                "'\(argument)' is neither a card.json file nor a run in \(store.shown) (`systemcard runs` lists them)")
        }
        guard run.summary != nil else { throw SystemCardError.invalidInput("run \(run.id) has no summary yet") }
        return CardDiff.Side(run: run, registry: CommandContext.registry)
    }
}
