import ArgumentParser
import SystemCardKit

/// `--shard I/N`: run one of N disjoint parts of every run, for runs spread over machines sharing a PostgreSQL store.
struct ShardOption: ParsableArguments {
    @Option(
        help: """
            Run only the I-th of N disjoint parts of each run's (sample, epoch) pairs (0 <= I < N), writing into the \
            same run id; auto/N reads I from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job). Use a store every \
            shard shares (--db postgres://…). See docs/scale.md.
            """)
    var shard: String?

    /// The parsed shard, or nil.
    func parsed() throws -> RunShard? {
        try shard.map { try RunShard($0) }
    }
}
