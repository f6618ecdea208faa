/// A generated math problem with its known answer.
public struct TutorProblem: Sendable, Hashable {
    /// `linear_equation`, `shopping`, `area`, `series_sum`, `travel`, `discount`, `fraction_sum`.
    public var kind: String
    public var statement: String
    public var answer: TutorAnswer

    public init(kind: String, statement: String, answer: TutorAnswer) {
        self.kind = kind
        self.statement = statement
        self.answer = answer
    }
}
