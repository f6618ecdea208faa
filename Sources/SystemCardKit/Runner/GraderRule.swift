/// The one rule that decides which grader a run uses, for `eval`, `card` and every other frontend.
///
/// - A forced choice is honoured when the evaluation has that kind of grader (and, for the model grader,
///   a judge model was given).
/// - Otherwise, with a judge model: the evaluation's preference, falling back to whichever grader it has.
/// - Otherwise, without one: the rules grader, or "needs a grader model" when the evaluation has none.
///
/// The evaluated model is never used as its own judge.
public enum GraderRule {
    /// Why no grader can be chosen.
    public enum Problem: Error, Sendable, Hashable {
        /// Only a model grader fits, and no judge model was given.
        case needsJudge
        /// The rules grader was asked for, and the evaluation has none.
        case noRulesGrader
        /// The model grader was asked for, and the evaluation is graded by code only.
        case noModelGrader
    }

    /// The grader for `graders` when the frontend forces `forced` (nil: no preference) and has a judge model
    /// or not.
    public static func choose(_ graders: GraderFactory, forced: GraderChoice?, hasJudge: Bool)
        -> Result<GraderChoice, Problem>
    {
        switch forced {
        case .rules?:
            return graders.rules != nil ? .success(.rules) : .failure(.noRulesGrader)
        case .model?:
            guard graders.model != nil else { return .failure(.noModelGrader) }
            return hasJudge ? .success(.model) : .failure(.needsJudge)
        case nil:
            if hasJudge {
                if graders.preferred == .model && graders.model != nil { return .success(.model) }
                return .success(graders.rules != nil ? .rules : .model)
            }
            return graders.rules != nil ? .success(.rules) : .failure(.needsJudge)
        }
    }
}
