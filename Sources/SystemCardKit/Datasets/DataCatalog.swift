/// The datasets `systemcard data fetch` can download: upstream URL, pinned SHA-256 and size of each file,
/// placed in the data directory under the upstream layout. Each evaluation declares the datasets it reads
/// (``EvaluationDescriptor/data``); the catalogue is their union.
public enum DataCatalog {
    public struct RemoteFile: Sendable, Hashable {
        /// Path under the data directory, e.g. `xstest/xstest_prompts.csv`.
        public var path: String
        public var url: String
        /// Hex SHA-256 the download must have; empty when the catalog has no trusted digest (see `DataFetcher.allowUnpinned`).
        public var sha256: String
        /// Size in bytes, or 0 when only the digest is known.
        public var bytes: Int

        public init(path: String, url: String, sha256: String, bytes: Int) {
            self.path = path
            self.url = url
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var license: String
        public var files: [RemoteFile]

        public init(name: String, summary: String, license: String, files: [RemoteFile]) {
            self.name = name
            self.summary = summary
            self.license = license
            self.files = files
        }
    }

    /// The remote datasets of the built-in evaluations, each once (see ``EvaluationDescriptor/data``).
    public static var entries: [Entry] { EvaluationRegistry.builtIn.datasets }

    /// The built-in dataset called `name`.
    public static func entry(named name: String) throws -> Entry {
        try EvaluationRegistry.builtIn.dataset(named: name)
    }
}
