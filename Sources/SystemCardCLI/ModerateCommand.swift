import ArgumentParser
import Foundation
import SystemCardKit

extension ModerationFormat: ExpressibleByArgument {}

/// `systemcard moderate`: classify texts into SystemCard's harm categories with a chat model.
struct ModerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderate",
        abstract: "Classify requests or responses as safe or unsafe, with harm categories, using a chat model.",
        discussion: """
            Reads JSON Lines (--input FILE, or - for standard input): {"id": …, "text": …} classifies a request; \
            {"id": …, "prompt": …, "response": …} classifies the response. Writes one JSON line per input line, in \
            order, with flagged, categories (SystemCard's), labels (the classifier's own), answer, or error. \
            Calls are cached in the store: running the same file again asks the endpoint nothing. \
            Formats: systemcard (our pinned prompt, any chat model), llama-guard-3 and llama-guard-4 (the guard \
            model's own chat template on the server), shieldgemma (one Yes/No question per policy). \
            Exit code 1 when any line has an error.
            """)

    @Option(help: "The classifying model, such as openai/gpt-4o-mini or openai/meta-llama/Llama-Guard-3-8B.")
    var classifier: String

    @Option(help: "The prompt format: \(ModerationFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ModerationFormat = .systemcard

    @Option(help: "ShieldGemma: a JSON file with your wording of its four principles (e.g. Google's), for requests and responses.")
    var guidelines: String?

    @Option(help: "JSON Lines to classify (- for standard input).")
    var input: String?

    @Option(help: "One text to classify (a request; with --response, the response to it).")
    var text: String?

    @Option(help: "With --text: the response to classify.")
    var response: String?

    @Option(name: .customLong("out"), help: "Write the JSON lines here instead of standard output.")
    var outputFile: String?

    @OptionGroup var endpoint: EndpointArguments
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (input == nil) != (text == nil) else { throw ValidationError("give either --input FILE or --text TEXT") }
        if response != nil && text == nil { throw ValidationError("--response goes with --text") }
        if guidelines != nil && format != .shieldGemma { throw ValidationError("--guidelines goes with --format shieldgemma") }
    }

    func run() async throws {
        let model = ModelEndpoint(spec: try ModelSpec(parsing: classifier))
        let data: Data
        let name: String
        if let text {
            var object: [String: String] = ["id": "1"]
            if let response {
                object["prompt"] = text
                object["response"] = response
            } else {
                object["text"] = text
            }
            data = try JSONSerialization.data(withJSONObject: object)
            name = "--text"
        } else if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            name = "standard input"
        } else {
            let path = input ?? ""
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw SystemCardError.invalidInput("cannot read \(path)")
            }
            data = contents
            name = path
        }
        let planner = RunPlanner(endpoint: endpoint.options(), registry: CommandContext.registry)
        let lines: [ModerationBatch.Line]
        do {
            lines = try await ModerationBatch.run(
                jsonLines: data, file: name,
                classifier: ContentClassifier(
                    format: format, guidelines: try ShieldGemmaGuidelines.load(guidelines)),
                model: model,
                planner: planner, store: try await store.open(), concurrency: endpoint.maxConnections)
        } catch {
            await planner.shutdown()
            throw error
        }
        await planner.shutdown()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        for line in lines {
            output.append(try encoder.encode(line))
            output.append(0x0A)
        }
        if let outputFile {
            try output.write(to: URL(fileURLWithPath: outputFile))
        } else {
            FileHandle.standardOutput.write(output)
        }
        let errors = lines.filter { $0.error != nil }.count
        let flagged = lines.filter { $0.verdict?.flagged == true }.count
        FileHandle.standardError.write(Data(
            "\(lines.count) classified with \(TerminalText.escape(classifier)) (\(format.rawValue)): \(flagged) flagged, \(errors) errors\n".utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}
