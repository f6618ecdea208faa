import Foundation

/// The folder that holds datasets in their upstream layout (`xstest/xstest_prompts.csv`, …).
///
/// Chosen by `--data-dir`, else `SYSTEMCARD_DATA_DIR`, else `~/.systemcard/datasets`.
public struct DataDirectory: Sendable {
    /// The folder's location.
    public var url: URL

    /// Uses the folder at `url`; ``resolve(option:environment:)`` makes the usual choice.
    public init(url: URL) {
        self.url = url
    }

    /// Applies the option, environment and default in that order.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> DataDirectory
    {
        if let option, !option.isEmpty { return DataDirectory(url: URL(fileURLWithPath: option)) }
        if let fromEnvironment = environment["SYSTEMCARD_DATA_DIR"], !fromEnvironment.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: fromEnvironment))
        }
        return DataDirectory(url: SystemCardPaths.home(environment: environment).appendingPathComponent("datasets"))
    }

    /// The URL of a dataset file; throws a message that says how to get it when it is missing.
    public func file(_ relativePath: String, dataset: String) throws -> URL {
        let fileURL = url.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            // A catalog entry without pinned digests is only fetched on request (see `DataFetcher.allowUnpinned`).
            let unpinned = (try? DataCatalog.entry(named: dataset))?.files.contains { $0.pin == "unpinned" } ?? false
            let fetch = "systemcard data fetch \(dataset)" + (unpinned ? " --allow-unpinned" : "")
            throw SystemCardError.invalidInput(
                "dataset file \(relativePath) not found in \(url.path). "
                    + "Run `\(fetch)` or pass --data-dir DIR (or set SYSTEMCARD_DATA_DIR).")
        }
        return fileURL
    }

    /// Reads a CSV file of this directory (gzip-compressed when its name ends in `.gz`), returning its records
    /// and the digest of the file as stored.
    public func csv(_ relativePath: String, dataset: String) throws -> ([DataRecord], DatasetFileDigest) {
        let fileURL = try file(relativePath, dataset: dataset)
        let records: [DataRecord]
        if relativePath.hasSuffix(".gz") {
            guard let text = String(data: try inflated(fileURL, relativePath), encoding: .utf8) else {
                throw DatasetError(file: relativePath, reason: "not valid UTF-8")
            }
            records = try CSVReader.parse(text, file: relativePath)
        } else {
            records = try CSVReader.read(fileURL, displayName: relativePath)
        }
        return (records, DatasetFileDigest(path: relativePath, sha256: try SHA256Digest.file(fileURL)))
    }

    /// Reads a JSONL file of this directory (gzip-compressed when its name ends in `.gz`), returning its records
    /// and the digest of the file as stored.
    public func jsonl(_ relativePath: String, dataset: String) throws -> ([DataRecord], DatasetFileDigest) {
        let fileURL = try file(relativePath, dataset: dataset)
        let records =
            relativePath.hasSuffix(".gz")
            ? try JSONLReader.parse(try inflated(fileURL, relativePath), file: relativePath)
            : try JSONLReader.read(fileURL, displayName: relativePath)
        return (records, DatasetFileDigest(path: relativePath, sha256: try SHA256Digest.file(fileURL)))
    }

    func inflated(_ url: URL, _ relativePath: String) throws -> Data {
        do {
            return try GzipInflater.decompress(Data(contentsOf: url))
        } catch {
            throw DatasetError(file: relativePath, reason: "cannot decompress: \(error)")
        }
    }
}
