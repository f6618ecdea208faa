/// Why a Bradley–Terry model could not be fitted: each case says which models make the maximum-likelihood
/// strengths undefined or infinite.
package enum BradleyTerryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two distinct models.
    case tooFewModels
    /// A comparison of a model with itself.
    case selfComparison(model: String)
    /// The reference model of `.reference` does not appear in the comparisons.
    case unknownReference(String)
    /// The comparison graph falls apart: strengths in different components cannot be related.
    case disconnected(components: [[String]])
    /// These models never won (nor tied) a comparison: their strengths would be −∞.
    case neverWins(models: [String])
    /// These models never lost (nor tied) a comparison: their strengths would be +∞.
    case neverLoses(models: [String])
    /// No model outside this group ever beat or tied one inside it: the group's strengths relative to the
    /// rest are +∞ (the comparison graph is connected, but the win graph is not strongly connected).
    case unbeatenGroup(models: [String])
    /// The information matrix was singular at the estimates (extreme strengths); not expected after the checks.
    case numericalFailure(String)

    package var description: String {
        switch self {
        case .tooFewModels: "a Bradley–Terry fit needs comparisons between at least two models"
        case .selfComparison(let model): "model \(model) is compared with itself"
        case .unknownReference(let model): "reference model \(model) is in no comparison"
        case .disconnected(let components):
            "the comparisons form \(components.count) separate groups that were never compared with each other: "
                + components.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: ", ")
        case .neverWins(let models):
            "\(models.joined(separator: ", ")) never won or tied a comparison: strength −∞, no finite estimate"
        case .neverLoses(let models):
            "\(models.joined(separator: ", ")) never lost or tied a comparison: strength +∞, no finite estimate"
        case .unbeatenGroup(let models):
            "no other model ever beat or tied \(models.joined(separator: ", ")): their strengths relative to the "
                + "rest are unbounded"
        case .numericalFailure(let detail): "numerical failure: \(detail)"
        }
    }
}
