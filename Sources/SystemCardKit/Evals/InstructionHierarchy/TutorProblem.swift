/// A generated math problem with its known answer.
struct TutorProblem: Sendable, Hashable {
    /// `linear_equation`, `shopping`, `area`, `series_sum`, `travel`, `discount`, `fraction_sum`.
    var kind: String
    var statement: String
    var answer: TutorAnswer

    init(kind: String, statement: String, answer: TutorAnswer) {
        self.kind = kind
        self.statement = statement
        self.answer = answer
    }
}
