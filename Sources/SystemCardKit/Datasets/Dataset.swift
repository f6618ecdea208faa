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
    public var samples: [Sample]
    public var files: [DatasetFileDigest]

    public init(samples: [Sample], files: [DatasetFileDigest]) {
        self.samples = samples
        self.files = files
    }
}

/// A data file's path relative to the data directory and its SHA-256.
public struct DatasetFileDigest: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
