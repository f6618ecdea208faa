import Foundation

/// Why a mixed-effects logistic regression could not be fitted. Each case names what to change; no fit returns
/// NaN instead of throwing one of these.
enum MixedEffectsLogisticError: Error, Sendable, Hashable, CustomStringConvertible {
    case noData
    /// Arrays of different lengths, or a design row of the wrong width.
    case dimensionMismatch(String)
    /// An outcome outside [0, 1] or not finite.
    case invalidOutcome(row: Int, value: Double)
    /// A trial count that is not finite and positive.
    case invalidTrials(row: Int, value: Double)
    case nonFiniteDesign(row: Int)
    /// A level not listed for its attribute (building a design with `FixedEffectsDesign`).
    case unknownLevel(attribute: String, level: String)
    /// Every outcome is 0, or every outcome is 1: no log-odds can be estimated.
    case noOutcomeVariation(allSuccesses: Bool)
    /// These columns are linear combinations of earlier ones (an unobserved level, confounded attributes).
    case rankDeficientDesign(columns: [String])
    /// Complete or quasi-complete separation: the likelihood keeps rising as these columns' coefficients grow
    /// without bound (for a dummy column, typically a level whose outcomes are all 0 or all 1).
    case separation(columns: [String])
    /// The deviance could not be evaluated (overflow or a non-finite value), or no covariance could be formed.
    case numericalFailure(String)

    var description: String {
        switch self {
        case .noData: "no observations"
        case .dimensionMismatch(let detail): "dimension mismatch: \(detail)"
        case .invalidOutcome(let row, let value): "row \(row): outcome \(value) is not a fraction in [0, 1]"
        case .invalidTrials(let row, let value): "row \(row): trials \(value) must be finite and positive"
        case .nonFiniteDesign(let row): "row \(row): the design row has a non-finite value"
        case .unknownLevel(let attribute, let level): "attribute \(attribute) has no level \"\(level)\""
        case .noOutcomeVariation(let allSuccesses):
            "every outcome is \(allSuccesses ? 1 : 0): the log-odds cannot be estimated"
        case .rankDeficientDesign(let columns):
            "design columns \(columns.joined(separator: ", ")) are linear combinations of earlier columns "
                + "(a level never observed, or attributes that always vary together); drop them"
        case .separation(let columns):
            "separation: the outcomes are perfectly predicted along columns \(columns.joined(separator: ", ")), "
                + "so their coefficients are infinite (often a level whose outcomes are all 0 or all 1); "
                + "merge or drop that level"
        case .numericalFailure(let detail): "numerical failure: \(detail)"
        }
    }
}
