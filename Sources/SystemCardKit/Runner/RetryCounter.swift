import Synchronization

/// Counts retried requests across every provider of a planner, for the progress line.
public final class RetryCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Creates a counter at zero.
    public init() {}

    func increment() { count.add(1, ordering: .relaxed) }

    /// Retries so far.
    public var value: Int { count.load(ordering: .relaxed) }
}
