import Foundation

/// Bradley–Terry ranking of models from pairwise comparisons, by maximum likelihood:
///
///     P(i beats j) = exp(sᵢ) / (exp(sᵢ) + exp(sⱼ)) = logistic(sᵢ − sⱼ).
///
/// A tie counts as half a win for each side (the likelihood then equals R's `glm(cbind(wins, losses) ~ …,
/// binomial)` and `BradleyTerry2::BTm` on the half-counted wins). Strengths are log-odds: a difference of 1
/// means odds of e ≈ 2.7 to 1. Only differences are identified, so either one reference model is fixed at 0
/// or the strengths sum to zero. Standard errors come from the inverse Fisher information (exact for this
/// model, which has no dispersion), with Wald 95% intervals; `Bootstrap` adds seeded percentile intervals.
/// The fit is Newton's method on the concave log-likelihood, after checks that its maximum exists.
package struct BradleyTerryFit: Sendable, Hashable, Codable {
    /// How the strengths are pinned down.
    package enum Constraint: Sendable, Hashable, Codable {
        /// This model's strength is 0; the others are log-odds of beating it.
        case reference(String)
        /// Strengths sum to zero: each is log-odds against an average model.
        case sumToZero
    }

    /// Nonparametric bootstrap over comparisons: `resamples` refits of as many comparisons drawn with
    /// replacement, from a generator seeded with `seed` (the same seed gives the same intervals).
    package struct Bootstrap: Sendable, Hashable, Codable {
        var resamples = 1000
        var seed: UInt64 = 0
    }

    /// One model's estimate.
    package struct Strength: Sendable, Hashable, Codable {
        package var model: String
        package var estimate: Double
        /// 0 for a reference model.
        package var standardError: Double
        /// Wald 95% interval, estimate ± 1.959964 · SE.
        package var ciLow: Double
        package var ciHigh: Double
        /// Bootstrap percentile 95% interval, when asked for.
        var bootstrapLow: Double?
        var bootstrapHigh: Double?
        /// Wins with ties counted as half, and the comparisons the model took part in.
        package var wins: Double
        package var comparisons: Int
    }

    /// One per model, in model-name order.
    package var strengths: [Strength]
    /// Covariance of the strengths (model-name order) under the constraint.
    var covariance: [[Double]]
    var constraint: Constraint
    /// Σ wᵢⱼ log P(i beats j) over ordered pairs, with half-counted ties (no binomial coefficients).
    var logLikelihood: Double
    var iterations: Int
    var converged: Bool
    /// Bootstrap refits that failed (a resample in which some model never won, say) and were left out.
    var bootstrapFailures: Int?

    /// Two-sided 97.5% normal quantile.
    static let z975 = 1.959963984540054

    /// Models from strongest to weakest.
    package var ranking: [Strength] { strengths.sorted { ($0.estimate, $1.model) > ($1.estimate, $0.model) } }

    /// Fits the model.
    /// - Throws: `BradleyTerryError` when a strength would be infinite or undetermined.
    package init(
        comparisons: [PairwiseComparison], constraint: Constraint = .sumToZero, bootstrap: Bootstrap? = nil
    ) throws(BradleyTerryError) {
        let data = try BradleyTerryData(comparisons)
        let k = data.models.count
        let reference: Int
        switch constraint {
        case .reference(let model):
            guard let index = data.models.firstIndex(of: model) else { throw BradleyTerryError.unknownReference(model) }
            reference = index
        case .sumToZero:
            reference = 0
        }

        // Newton's method on the free strengths (the reference stays at 0).
        let free = (0..<k).filter { $0 != reference }
        var s = [Double](repeating: 0, count: k)
        var loglik = data.logLikelihood(s)
        var information = data.information(s)
        var converged = false
        var iterations = 0
        while iterations < 100 {
            iterations += 1
            let score = data.score(s)
            guard let factor = CholeskyFactorization(free.map { i in free.map { information[i][$0] } }) else { break }
            let step = factor.solve(free.map { score[$0] })
            let decrement = zip(free.map { score[$0] }, step).reduce(0) { $0 + $1.0 * $1.1 }
            if decrement < 1e-20 || step.allSatisfy({ abs($0) < 1e-12 }) {
                converged = true
                break
            }
            var scale = 1.0
            var trial = s
            var trialLoglik = -Double.infinity
            while scale > 1e-10 {
                trial = s
                for (n, i) in free.enumerated() { trial[i] += scale * step[n] }
                trialLoglik = data.logLikelihood(trial)
                if trialLoglik >= loglik { break }
                scale /= 2
            }
            guard trialLoglik >= loglik else { break }
            s = trial
            loglik = trialLoglik
            information = data.information(s)
        }

        // Covariance of all k strengths with the reference pinned at 0, then re-centred for sum-to-zero.
        guard let reduced = CholeskyFactorization(free.map { i in free.map { information[i][$0] } })?.inverse() else {
            throw BradleyTerryError.numericalFailure("the Fisher information is singular at the estimates")
        }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (a, i) in free.enumerated() { for (b, j) in free.enumerated() { covariance[i][j] = reduced[a][b] } }
        if constraint == .sumToZero {
            let mean = s.reduce(0, +) / Double(k)
            s = s.map { $0 - mean }
            let rowMeans = covariance.map { $0.reduce(0, +) / Double(k) }
            let grand = rowMeans.reduce(0, +) / Double(k)
            covariance = (0..<k).map { i in (0..<k).map { j in covariance[i][j] - rowMeans[i] - rowMeans[j] + grand } }
        }
        strengths = (0..<k).map { i in
            let se = max(0, covariance[i][i]).squareRoot()
            return Strength(
                model: data.models[i], estimate: s[i], standardError: se,
                ciLow: s[i] - Self.z975 * se, ciHigh: s[i] + Self.z975 * se,
                wins: data.wins[i].reduce(0, +), comparisons: Int(data.counts[i].reduce(0, +).rounded()))
        }
        self.covariance = covariance
        self.constraint = constraint
        logLikelihood = loglik
        self.iterations = iterations
        self.converged = converged
        if let bootstrap {
            let intervals = Self.bootstrapIntervals(comparisons, constraint: constraint, bootstrap)
            for i in strengths.indices {
                strengths[i].bootstrapLow = intervals.bounds[strengths[i].model]?.low
                strengths[i].bootstrapHigh = intervals.bounds[strengths[i].model]?.high
            }
            bootstrapFailures = intervals.failures
        }
    }

    /// The fitted probability that `first` beats `second` (a tie counting half); nil for an unknown model.
    func probability(_ first: String, beats second: String) -> Double? {
        guard let a = strengths.first(where: { $0.model == first }),
            let b = strengths.first(where: { $0.model == second })
        else { return nil }
        return Logistic.probability(a.estimate - b.estimate)
    }

    /// One fit per category (comparisons without a category are left out); a category whose data admit no
    /// fit carries its error instead.
    package static func byCategory(
        _ comparisons: [PairwiseComparison], constraint: Constraint = .sumToZero, bootstrap: Bootstrap? = nil
    ) -> [String: Result<BradleyTerryFit, BradleyTerryError>] {
        let grouped = Dictionary(grouping: comparisons.filter { $0.category != nil }) { $0.category! }
        return grouped.mapValues { subset in
            Result { () throws(BradleyTerryError) in
                try BradleyTerryFit(comparisons: subset, constraint: constraint, bootstrap: bootstrap)
            }
        }
    }
}
