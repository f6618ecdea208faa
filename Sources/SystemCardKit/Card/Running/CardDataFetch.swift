import Foundation

/// Before a card runs, the pinned datasets its suite reads and the data folder lacks are fetched, one line each,
/// digests checked as `systemcard data fetch` checks them. A dataset that cannot be had (no network, a host
/// refusing) is named and skipped: its evaluations then say "not run" with the command, and the rest run.
public enum CardDataFetch {
    /// The catalog entries the suite of `config` reads, each once, in card order.
    public static func entries(for config: CardConfig, registry: EvaluationRegistry) -> [DataCatalog.Entry] {
        var seen = Set<String>()
        var entries: [DataCatalog.Entry] = []
        for planned in config.suite(in: registry) {
            guard let descriptor = try? registry.descriptor(named: planned.name) else { continue }
            for entry in descriptor.data where seen.insert(entry.name).inserted { entries.append(entry) }
        }
        return entries
    }

    /// Fetches every entry with a missing file; returns the names of those that could not be fetched. An entry
    /// with files the catalog has no digest or revision for is never fetched here (it needs `--allow-unpinned`).
    public static func run(
        _ entries: [DataCatalog.Entry], fetcher: DataFetcher, directory: DataDirectory, log: @Sendable (String) -> Void
    ) async -> [String] {
        var failed: [String] = []
        for entry in entries {
            let missing = entry.files.filter {
                !FileManager.default.fileExists(atPath: directory.url.appendingPathComponent($0.path).path)
            }
            guard !missing.isEmpty else { continue }
            if entry.files.contains(where: { $0.pin == "unpinned" }) {
                log("data: \(entry.name) not fetched: it has unpinned files (systemcard data fetch \(entry.name) --allow-unpinned)")
                failed.append(entry.name)
                continue
            }
            do {
                let outcomes = try await fetcher.fetch(entry)
                let fetched = outcomes.filter { $0.1 == .downloaded }.count
                log("data: \(entry.name) fetched (\(fetched) file\(fetched == 1 ? "" : "s"), digests checked; license: \(entry.license))")
            } catch let error as SystemCardError {
                log("data: \(entry.name) not fetched: \(error.message)")
                failed.append(entry.name)
            } catch {
                log("data: \(entry.name) not fetched: \(error)")
                failed.append(entry.name)
            }
        }
        return failed
    }
}
