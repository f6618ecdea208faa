/// What one role of a run (the evaluated `model`, the `grader`, a conversation partner such as `mark`, a
/// mitigation's `classifier`) used: its model and tokens, over every call, cached or not (a cached call was paid once,
/// by this run or an earlier one).
public struct RoleUsage: Sendable, Hashable, Codable {
    /// The role's model, as `provider/model`.
    public var model: String
    public var usage: TokenUsage
    public var calls: Int

    public init(model: String, usage: TokenUsage = TokenUsage(), calls: Int = 0) {
        self.model = model
        self.usage = usage
        self.calls = calls
    }

    /// Adds `other`'s tokens and calls (same role).
    mutating func add(_ other: RoleUsage) {
        usage += other.usage
        calls += other.calls
    }
}
