/// Where an evaluation's samples come from.
///
/// A dataset reads its files from a ``DataDirectory`` in their upstream layout and turns each row into a
/// ``Sample``. A row that cannot be read is a ``DatasetError`` naming file, line and field, never a
/// silent skip. Generated datasets ignore the directory.
public protocol Dataset: Sendable {
    /// Loads every sample in a stable order.
    func load(from directory: DataDirectory) throws -> LoadedDataset
}

/// Samples plus the digests of the files they came from (stored with a run, so two runs are compared
/// only when they read the same data).
public struct LoadedDataset: Sendable {
    /// The samples, in the dataset's stable order.
    public var samples: [Sample]
    /// The digest of every file the samples were read from.
    public var files: [DatasetFileDigest]

    /// Creates a loaded dataset.
    public init(samples: [Sample], files: [DatasetFileDigest]) {
        self.samples = samples
        self.files = files
    }
}

/// A data file's path relative to the data directory and its SHA-256.
public struct DatasetFileDigest: Sendable, Hashable, Codable {
    /// The path under the data directory (`xstest/xstest_prompts.csv`).
    public var path: String
    /// The SHA-256 of the file's bytes, as lowercase hex.
    public var sha256: String

    /// Creates a digest record.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
