import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard data fetch|list`: download datasets (pinned SHA-256) and see what is installed.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Download and list datasets.", subcommands: [Fetch.self, List.self])

    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a dataset into the data folder and check its pinned SHA-256.")

        @Argument(help: "Dataset name (see `systemcard data list`).")
        var name: String

        @Option(help: "Dataset folder (default: $SYSTEMCARD_DATA_DIR or ~/.systemcard/datasets).")
        var dataDir: String?

        @Option(help: "Fetch from this base URL instead of upstream (files at <mirror>/<path>).")
        var mirror: String?

        @Flag(help: "Install files the catalog has no pinned sha256 for, printing their digest.")
        var allowUnpinned = false

        func run() async throws {
            let entry = try CommandContext.registry.dataset(named: name)
            let directory = DataDirectory.resolve(option: dataDir)
            let client = ModelFactory.makeHTTPClient(maxConnections: 2)
            do {
                let fetcher = DataFetcher(httpClient: client, directory: directory, mirror: mirror, allowUnpinned: allowUnpinned)
                _ = try await fetcher.fetch(entry) { print($0) }
            } catch {
                await ModelFactory.shutdown(client)
                throw error
            }
            await ModelFactory.shutdown(client)
            print("\(entry.name) is ready in \(directory.url.path) (license: \(entry.license))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the datasets and whether they are installed.")

        @Option(help: "Dataset folder (default: $SYSTEMCARD_DATA_DIR or ~/.systemcard/datasets).")
        var dataDir: String?

        func run() throws {
            let directory = DataDirectory.resolve(option: dataDir)
            let rows = CommandContext.registry.datasets.map { entry -> [String] in
                let present = entry.files.filter {
                    FileManager.default.fileExists(atPath: directory.url.appendingPathComponent($0.path).path)
                }.count
                let status =
                    present == entry.files.count ? "installed" : present == 0 ? "missing" : "partial \(present)/\(entry.files.count)"
                let pins = Dictionary(grouping: entry.files, by: \.pin).mapValues(\.count)
                let pinned = pins.count == 1 && pins["sha256"] != nil
                    ? "sha256"
                    : ["sha256", "revision", "unpinned"].compactMap { kind in pins[kind].map { "\(kind) (\($0) files)" } }
                        .joined(separator: ", ")
                return [entry.name, status, pinned, entry.summary]
            }
            print("data folder: \(directory.url.path)")
            let header = ["dataset", "status", "checked by", "contents"]
            for line in TextTable.render(header: header, rows: rows, leftAligned: [0, 1, 2, 3]) {
                print(line)
            }
        }
    }
}
