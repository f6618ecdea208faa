/// Which samples a run works on, and the dataset digests that identify them.
public enum SampleSelection {
    /// The first `limit` samples, after a deterministic shuffle when a seed is given. With `groupBy`, the
    /// shuffle moves whole groups (samples sharing that metadata value, in first-appearance order) and keeps
    /// each group's samples together in their dataset order.
    public static func select(_ samples: [Sample], limit: Int?, seed: Int?, groupBy: String? = nil) -> [Sample] {
        var ordered = samples
        if let seed {
            var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            if let key = groupBy {
                var groups: [[Sample]] = []
                var position: [String: Int] = [:]
                for sample in samples {
                    // A sample without the key is a group of its own ("\u{0}" cannot start a real metadata value).
                    let value = sample.metadata[key] ?? "\u{0}" + sample.id
                    if let index = position[value] {
                        groups[index].append(sample)
                    } else {
                        position[value] = groups.count
                        groups.append([sample])
                    }
                }
                groups.shuffle(using: &generator)
                ordered = groups.flatMap { $0 }
            } else {
                ordered.shuffle(using: &generator)
            }
        }
        if let limit { return Array(ordered.prefix(limit)) }
        return ordered
    }

    /// The files a dataset read; for a generated dataset (no files), a digest of the samples themselves, so
    /// that changing a generator changes the run id instead of mixing old and new samples in one run.
    static func datasetDigests(_ loaded: LoadedDataset) -> [DatasetFileDigest] {
        guard loaded.files.isEmpty else { return loaded.files }
        var writer = CanonicalJSON(capacity: 1 << 16)
        for sample in loaded.samples {
            writer.string(sample.id)
            writer.messages(sample.messages)
            writer.string(sample.target ?? "")
            writer.object(sample.metadata)
        }
        return [DatasetFileDigest(path: "(generated samples)", sha256: SHA256Digest.hex(writer.bytes))]
    }
}
