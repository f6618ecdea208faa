/// Which samples a run works on, and the dataset digests that identify them.
public enum SampleSelection {
    /// The first `limit` samples, after a deterministic shuffle when a seed is given. With `groupBy`, the
    /// shuffle moves whole groups (samples sharing that metadata value, in first-appearance order) and keeps
    /// each group's samples together in their dataset order.
    public static func select(
        _ samples: [Sample], limit: Int?, seed: Int?, groupBy: String? = nil, floor: Floor? = nil
    ) -> [Sample] {
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
        guard let limit else { return ordered }
        var selected = Array(ordered.prefix(limit))
        if let floor { selected = floor.widened(selected, from: ordered, groupBy: groupBy) }
        return selected
    }

    /// A minimum number of samples behind every metric row of a limited run (each metric's overall row: the
    /// samples it includes). Samples are added in the shuffled order, after the
    /// limited ones, until every row has `minimum` or the data has no more for it; with a sample group, whole
    /// groups are added.
    public struct Floor: Sendable {
        public var metrics: [Metric]
        public var minimum: Int

        public init(metrics: [Metric], minimum: Int) {
            self.metrics = metrics
            self.minimum = minimum
        }

        /// The rows a sample counts in: each metric that includes it (its overall row; group rows are a breakdown
        /// and are not widened, which would multiply a quick run's size).
        func rows(of sample: Sample) -> [String] {
            metrics.filter { $0.includes(sample) }.map(\.name)
        }

        func widened(_ selected: [Sample], from ordered: [Sample], groupBy: String?) -> [Sample] {
            var counts: [String: Int] = [:]
            for sample in selected { for row in rows(of: sample) { counts[row, default: 0] += 1 } }
            var chosen = Set(selected.map(\.id))
            var result = selected
            var groups: [String: [Sample]] = [:]
            if let key = groupBy {
                for sample in ordered { groups[sample.metadata[key] ?? "\u{0}" + sample.id, default: []].append(sample) }
            }
            for sample in ordered where !chosen.contains(sample.id) {
                guard rows(of: sample).contains(where: { counts[$0, default: 0] < minimum }) else { continue }
                let unit = groupBy.flatMap { key in groups[sample.metadata[key] ?? "\u{0}" + sample.id] } ?? [sample]
                for member in unit where chosen.insert(member.id).inserted {
                    result.append(member)
                    for row in rows(of: member) { counts[row, default: 0] += 1 }
                }
            }
            return result
        }
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
