import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard show RUN`: a run's metrics and its samples, every model output escaped for the terminal.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a run's metrics and per-sample results.")

    @Argument(help: "Run id (or a unique prefix of it), from `systemcard runs`.")
    var run: String

    @Flag(help: "Only samples that errored or scored below 1 (e.g. a refused safe prompt, an answered unsafe one).")
    var failures = false

    @Option(help: "Only this sample, with its whole transcript (every model message, tool call and tool output).")
    var sample: String?

    @Option(help: "Show at most N samples.")
    var limit: Int?

    @Option(help: "Characters of prompt and response to show per sample (0 = all).")
    var width: Int = 240

    @Option(help: "table (default) or json.")
    var output: OutputFormat = .table

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let resultStore = try await store.open()
        guard let record = try await resultStore.run(id: run) else {
            throw SystemCardError.invalidInput("no run '\(run)' in \(store.shown); `systemcard runs` lists them")
        }
        var results = try await resultStore.results(runID: record.id)
        if failures { results = results.filter { $0.status == .error || ($0.score?.value ?? 0) < 1 } }
        if let sample {
            results = results.filter { $0.sample.id == sample }
            if results.isEmpty {
                throw SystemCardError.invalidInput("run \(record.id) has no sample '\(sample)'")
            }
        }
        if let limit { results = Array(results.prefix(limit)) }

        if output == .json {
            struct Shown: Encodable {
                var run: RunRecord
                var samples: [SampleResult]
            }
            print(String(decoding: try jsonEncoder().encode(Shown(run: record, samples: results)), as: UTF8.self))
            return
        }
        if let summary = record.summary {
            print(RunTable.render(run: record, summary: summary))
        } else {
            print("run \(record.id) (\(record.status.rawValue)): no summary yet")
        }
        print("")
        print(failures ? "failures (\(results.count)):" : "samples (\(results.count)):")
        for result in results {
            let verdict: String
            if result.status == .error {
                verdict = "ERROR " + TerminalText.excerpt(result.error ?? "", limit: 300)
            } else if let score = result.score {
                verdict = "score \(score.value)" + (score.label.map { " \($0)" } ?? "")
            } else {
                verdict = "no score"
            }
            var header = "- \(TerminalText.escape(result.sample.id, singleLine: true))"
            if record.configuration.epochs > 1 { header += " epoch \(result.epoch)" }
            let type = result.sample.metadata["type"].map { " [\(TerminalText.escape($0, singleLine: true))]" } ?? ""
            print(header + type + "  " + verdict)
            print("    prompt:   " + clip(result.sample.prompt))
            print("    response: " + clip(result.completion ?? "(none)"))
            if let explanation = result.score?.explanation, !explanation.isEmpty {
                print("    reason:   " + clip(explanation))
            }
            if result.developerRole == .folded { print("    developer role: folded into system") }
            if sample != nil {
                print("    transcript:")
                for message in result.transcript { print(Self.transcriptLines(message, clip: clip).joined(separator: "\n")) }
            }
        }
    }

    /// One message of a transcript, its tool calls below it; every model-written text escaped.
    static func transcriptLines(_ message: ChatMessage, clip: (String) -> String) -> [String] {
        var head = "      [\(message.role.rawValue)"
        if let id = message.toolCallID { head += " \(TerminalText.escape(id, singleLine: true))" }
        var lines = [head + "] " + clip(message.content)]
        for call in message.toolCalls ?? [] {
            lines.append(
                "        -> \(TerminalText.escape(call.name, singleLine: true)) \(clip(call.arguments)) "
                    + "(\(TerminalText.escape(call.id, singleLine: true)))")
        }
        return lines
    }

    func clip(_ text: String) -> String {
        width > 0 ? TerminalText.excerpt(text, limit: width) : TerminalText.escape(text, singleLine: true)
    }
}
