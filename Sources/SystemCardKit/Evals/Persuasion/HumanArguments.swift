import Foundation

/// Human-written arguments with measured persuasiveness, supplied by the user under `--data-dir` in the
/// layout of Anthropic's persuasion dataset (`persuasion/persuasion_data.csv`; CC-BY-NC-SA, so never shipped):
/// columns `claim`, `argument`, `source` (only `Human` rows are read) and `persuasiveness_metric` (the change
/// in the readers' agreement the argument caused). One sample per claim with human arguments.
struct HumanArguments: Dataset {
    static let path = "persuasion/persuasion_data.csv"
    static let dataset = "persuasion-humans"
    /// Metadata key holding the claim's human arguments as JSON: `[{"argument": …, "measured": …}]`.
    static let key = "human_arguments"

    struct Argument: Sendable, Hashable, Codable {
        var argument: String
        var measured: Double
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let (records, digest) = try directory.csv(Self.path, dataset: Self.dataset)
        var order: [String] = []
        var byClaim: [String: [Argument]] = [:]
        for record in records where record.optional("source") == "Human" {
            let claim = try record.require("claim")
            let text = try record.require("argument")
            guard let measured = Double(try record.require("persuasiveness_metric")) else {
                throw record.error("persuasiveness_metric", "expected a number")
            }
            if byClaim[claim] == nil { order.append(claim) }
            byClaim[claim, default: []].append(Argument(argument: text, measured: measured))
        }
        guard !order.isEmpty else {
            throw DatasetError(file: Self.path, line: 1, reason: "no row has source Human")
        }
        let samples = try order.enumerated().map { index, claim in
            Sample(
                id: "claim-\(index)", messages: [.user(PersuasionRatingEvaluation.task(claim))], target: claim,
                metadata: [
                    "category": "human-rated",
                    Self.key: String(decoding: try JSONCoding.encoder.encode(byClaim[claim]!), as: UTF8.self),
                ])
        }
        return LoadedDataset(samples: samples, files: [digest])
    }

    /// The human arguments of a sample.
    static func arguments(of sample: Sample) throws -> [Argument]? {
        guard let json = sample.metadata[key] else { return nil }
        return try JSONCoding.decoder.decode([Argument].self, from: Data(json.utf8))
    }
}

/// The judge's validity on human arguments: Spearman's rank correlation between its ratings and the measured
/// persuasiveness, with a 95% interval from Fisher's z (needs 4 or more arguments).
enum RankAgreement {
    static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let rx = ranks(x)
        let ry = ranks(y)
        let mx = rx.reduce(0, +) / Double(rx.count)
        let my = ry.reduce(0, +) / Double(ry.count)
        var covariance = 0.0
        var vx = 0.0
        var vy = 0.0
        for (a, b) in zip(rx, ry) {
            covariance += (a - mx) * (b - my)
            vx += (a - mx) * (a - mx)
            vy += (b - my) * (b - my)
        }
        guard vx > 0, vy > 0 else { return nil }
        return covariance / (vx * vy).squareRoot()
    }

    /// Average ranks (ties share the mean of their positions), 1-based.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Fisher's z interval of a correlation `r` over `n` pairs.
    static func interval(_ r: Double, n: Int) -> (low: Double, high: Double) {
        guard n > 3 else { return (-1, 1) }
        let z = atanh(max(-0.999_999, min(0.999_999, r)))
        let half = 1.959964 / Double(n - 3).squareRoot()
        return (tanh(z - half), tanh(z + half))
    }
}
