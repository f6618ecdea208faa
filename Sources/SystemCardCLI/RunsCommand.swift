import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard runs`: the runs in the store, newest first.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List runs in the store.")

    @OptionGroup var store: StoreOptions

    @Option(help: "table (default) or json.")
    var output: OutputFormat = .table

    func run() async throws {
        let runs = try await store.open().runs()
        if output == .json {
            print(String(decoding: try jsonEncoder().encode(runs), as: UTF8.self))
            return
        }
        if runs.isEmpty {
            print("no runs yet in \(store.shown); start one with `systemcard eval xstest --model openai/<model>`")
            return
        }
        let formatter = ISO8601DateFormatter()
        let prices = PriceTable()
        let rows = runs.map { run -> [String] in
            let summary = run.summary
            let cost = summary.flatMap { $0.usageByRole.isEmpty ? nil : $0.cost(at: prices) }
            return [
                run.id, run.evaluation, TerminalText.excerpt(run.model, limit: 40), run.status.rawValue,
                summary.map { "\($0.scored)/\($0.samples)" } ?? "-", summary.map { String($0.errors) } ?? "-",
                cost.map { $0.unpriced.isEmpty ? RunCost.dollars($0.dollars) : "≥ " + RunCost.dollars($0.dollars) } ?? "-",
                formatter.string(from: run.updatedAt),
            ]
        }
        let header = ["run", "evaluation", "model", "status", "scored", "errors", "cost", "updated"]
        for line in TextTable.render(header: header, rows: rows) {
            print(line)
        }
        print("cost: at list prices of \(PriceTable.defaultsDate) (≥: a model without a price; `systemcard show RUN` names it)")
    }
}

func jsonEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
}
