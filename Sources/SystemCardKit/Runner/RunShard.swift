import Foundation

/// One of N disjoint parts of a run (`--shard I/N`): the run's (sample, epoch) pairs, in the run's deterministic
/// order, are dealt round-robin, so that shard I takes pairs I, I+N, I+2N… Every shard computes the same order (the
/// same seed, limit and data give the same selection) and writes into the same run id of a shared store, so the
/// shards together do each pair exactly once, and a shard that dies is run again and resumes its own part.
public struct RunShard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based, below ``count``.
    public var index: Int
    public var count: Int

    /// The environment variable Kubernetes sets in each pod of an Indexed Job.
    public static let kubernetesIndexVariable = "JOB_COMPLETION_INDEX"

    /// A shard; throws unless `0 <= index < count`.
    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= 10_000, index >= 0, index < count else {
            throw SystemCardError.invalidInput(
                "--shard \(index)/\(count): the index must be from 0 to N-1 and N from 1 to 10000")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, or `auto/N`, which reads the index from `$JOB_COMPLETION_INDEX`.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let count = Int(parts[1]) else {
            throw SystemCardError.invalidInput("--shard '\(text)': expected I/N (0 <= I < N) or auto/N")
        }
        if parts[0] == "auto" {
            guard let value = environment[Self.kubernetesIndexVariable], let index = Int(value) else {
                throw SystemCardError.invalidInput(
                    "--shard auto/\(count) reads $\(Self.kubernetesIndexVariable) (set by a Kubernetes Indexed Job), "
                        + "which is not set to a number here; pass --shard I/\(count)")
            }
            try self.init(index: index, count: count)
        } else {
            guard let index = Int(parts[0]) else {
                throw SystemCardError.invalidInput("--shard '\(text)': expected I/N (0 <= I < N) or auto/N")
            }
            try self.init(index: index, count: count)
        }
    }

    /// Whether the pair at `position` of the run's order (sample ordinal × epochs + epoch − 1) is this shard's.
    public func owns(position: Int) -> Bool { position % count == index }

    public var description: String { "\(index)/\(count)" }
}
