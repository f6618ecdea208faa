/// Turns a response into a ``Score`` with an explanation.
///
/// A grader that cannot reach a verdict (the judge answered nonsense) throws ``GradingError``: the sample
/// is then an error, never a score.
public protocol Grader: Sendable {
    /// Short name stored with every score (`rules`, `model`).
    var name: String { get }
    /// Bumped whenever the rules or the judge prompt change, so old and new scores are not mixed.
    var version: String { get }
    /// Scores `output`, the solver's result for `sample`; throws ``GradingError`` when it cannot reach a
    /// verdict.
    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score
    /// The grader ready to grade, with what it reads from the data directory loaded (a reference judge prompt
    /// fetched from upstream with `systemcard data fetch`); called once before any model call. By default the
    /// grader itself.
    func loaded(from directory: DataDirectory) throws -> any Grader
}

extension Grader {
    public func loaded(from directory: DataDirectory) throws -> any Grader { self }
}

/// What a grader may use: the grader model, when one was configured.
public struct GraderContext: Sendable {
    /// The grader model; nil when the run has none.
    public let judge: (any ModelRole)?

    /// Creates a context with the grader model, if any.
    public init(judge: (any ModelRole)?) {
        self.judge = judge
    }

    /// The judge model; throws when none was configured.
    public func requireJudge(for grader: String) throws -> any ModelRole {
        guard let judge else { throw GradingError("grader '\(grader)' needs a grader model and the run has none") }
        return judge
    }
}

/// The grader could not reach a verdict.
public struct GradingError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var message: String
    /// What the judge said, kept for the error record.
    public var judgeOutput: String?

    /// Creates an error; `judgeOutput` keeps what the judge said, when it said anything.
    public init(_ message: String, judgeOutput: String? = nil) {
        self.message = message
        self.judgeOutput = judgeOutput
    }

    /// The message.
    public var description: String { message }
}
