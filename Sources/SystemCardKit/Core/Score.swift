/// A grader's verdict on one response.
public struct Score: Sendable, Hashable, Codable {
    /// The numeric value metrics aggregate (usually 0 or 1).
    public var value: Double
    /// A categorical verdict, e.g. `full_compliance`.
    public var label: String?
    /// Why the grader decided so (the rule that fired, or the judge's reasoning).
    public var explanation: String
    /// The judge model's raw output, kept verbatim for audit, when a model graded.
    public var judgeOutput: String?
    /// Named figures besides the value, for metrics that read them (an agentic task's share of subtasks
    /// done, a competition's raw score); nil when the grader gives none.
    public var parts: [String: Double]?

    /// Creates a score; `label`, `judgeOutput` and `parts` are optional.
    public init(
        value: Double, label: String? = nil, explanation: String, judgeOutput: String? = nil,
        parts: [String: Double]? = nil
    ) {
        self.value = value
        self.label = label
        self.explanation = explanation
        self.judgeOutput = judgeOutput
        self.parts = parts
    }
}
