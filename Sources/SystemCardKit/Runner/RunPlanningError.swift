/// Why a ``RunPlan`` cannot become a run. Frontends say how to fix it in their own terms (a flag, a config
/// key); ``description`` says only what is wrong.
public enum RunPlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No grader fits what the plan has (see ``GraderRule``).
    case grader(evaluation: String, GraderRule.Problem)
    /// The evaluation needs a model for this role and the plan has none.
    case missingRole(evaluation: String, role: String)
    /// The plan names a role the evaluation does not have.
    case unknownRole(evaluation: String, role: String, roles: [String])
    /// A mitigation calls the content classifier and the plan has no classifier or judge model.
    case classifier(mitigation: String)

    /// What is wrong, without how to fix it (`xstest needs a grader model`).
    public var description: String {
        switch self {
        case .grader(let evaluation, .needsJudge): return "\(evaluation) needs a grader model"
        case .grader(let evaluation, .noRulesGrader): return "\(evaluation) has no rules grader"
        case .grader(let evaluation, .noModelGrader): return "\(evaluation) is graded by code only"
        case .missingRole(let evaluation, let role): return "\(evaluation) needs a model for the role '\(role)'"
        case .unknownRole(let evaluation, let role, let roles):
            return "\(evaluation) has no role '\(role)'" + (roles.isEmpty ? "" : "; its roles: \(roles.joined(separator: ", "))")
        case .classifier(let mitigation): return "\(mitigation) needs a classifier model"
        }
    }
}
