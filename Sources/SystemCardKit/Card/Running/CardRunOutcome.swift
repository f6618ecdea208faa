/// What `systemcard card` produced: the document, and the problems that make its exit code 1.
public struct CardRunOutcome: Sendable {
    /// The card, ready to be written as HTML, Markdown or JSON.
    public var document: CardDocument
    /// Runs that errored samples or stopped early (a dataset not downloaded or a missing grader is not a
    /// problem: the card says "not run" and why).
    public var problems: [String]

    init(document: CardDocument, problems: [String]) {
        self.document = document
        self.problems = problems
    }
}
