/// Agreement between two labelings of the same items: raw agreement and Cohen's kappa (agreement
/// corrected for what two raters with these label frequencies would reach by chance).
public struct Agreement: Sendable, Hashable, Codable {
    /// Items compared.
    public var n: Int
    /// Share of items labelled the same both ways (0 to 1; 0 when there are no items).
    public var agreement: Double
    /// Cohen's kappa: 1 for perfect agreement, 0 for what chance alone gives (0 when there are no items).
    public var kappa: Double
    /// Counts by `[reference][predicted]`.
    public var confusion: [String: [String: Int]]

    init(pairs: [(reference: String, predicted: String)]) {
        n = pairs.count
        var confusion: [String: [String: Int]] = [:]
        var agreeing = 0
        var referenceCounts: [String: Int] = [:]
        var predictedCounts: [String: Int] = [:]
        for pair in pairs {
            confusion[pair.reference, default: [:]][pair.predicted, default: 0] += 1
            referenceCounts[pair.reference, default: 0] += 1
            predictedCounts[pair.predicted, default: 0] += 1
            if pair.reference == pair.predicted { agreeing += 1 }
        }
        self.confusion = confusion
        guard n > 0 else {
            agreement = 0
            kappa = 0
            return
        }
        let total = Double(n)
        agreement = Double(agreeing) / total
        let labels = Set(referenceCounts.keys).union(predictedCounts.keys)
        let chance = labels.reduce(0.0) { sum, label in
            sum + Double(referenceCounts[label] ?? 0) / total * Double(predictedCounts[label] ?? 0) / total
        }
        kappa = chance >= 1 ? 1 : (agreement - chance) / (1 - chance)
    }
}
