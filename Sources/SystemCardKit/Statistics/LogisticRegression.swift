import Foundation

/// Maximum-likelihood binomial-logit regression without random effects (R's `glm(family = binomial)` with the
/// trials as prior weights), by Newton's method with step halving. It starts the mixed-model fit and decides
/// whether the fixed effects are separated: the maximum likelihood then lies at infinity (some linear
/// combination of the columns splits the successes from the failures), the iterations drive fitted
/// probabilities to 0 or 1, and `separatedColumns` names the columns whose coefficients keep growing.
/// Random intercepts do not change this: the mixed model's fixed effects diverge exactly when these do.
struct LogisticRegression: Sendable {
    var coefficients: [Double]
    /// Inverse Fisher information; nil when singular.
    var covariance: [[Double]]?
    /// −2 Σ mᵢ[yᵢ log μᵢ + (1 − yᵢ) log(1 − μᵢ)] (no binomial coefficients).
    var deviance: Double
    var iterations: Int
    var converged: Bool
    /// Indices of the columns along which the likelihood keeps rising (empty when the estimate is finite).
    var separatedColumns: [Int]

    /// Separation shows as a linear predictor beyond this (a probability within 2e-9 of 0 or 1) while the
    /// Newton steps stay large; with a finite maximum they shrink to nothing, however extreme a row's η.
    static let separationThreshold = 20.0

    init(outcomes: [Double], trials: [Double], design: [[Double]], maxIterations: Int = 100) {
        let p = design.first?.count ?? 0
        var beta = [Double](repeating: 0, count: p)
        func linearPredictor(_ beta: [Double]) -> [Double] {
            design.map { row in zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        func devianceAt(_ eta: [Double]) -> Double {
            var sum = 0.0
            for i in eta.indices {
                let y = outcomes[i]
                sum += 2 * trials[i]
                    * (y * Logistic.softplus(-eta[i]) + (1 - y) * Logistic.softplus(eta[i]))
            }
            return sum
        }
        var eta = linearPredictor(beta)
        var dev = devianceAt(eta)
        var lastStep = [Double](repeating: 0, count: p)
        var information = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var converged = false
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var score = [Double](repeating: 0, count: p)
            information = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            for (i, row) in design.enumerated() {
                let mu = Logistic.probability(eta[i])
                let w = trials[i] * mu * (1 - mu)
                for a in 0..<p {
                    score[a] += trials[i] * (outcomes[i] - mu) * row[a]
                    for b in 0...a { information[a][b] += w * row[a] * row[b] }
                }
            }
            for a in 0..<p { for b in 0..<a { information[b][a] = information[a][b] } }
            guard let factor = CholeskyFactorization(information) else { break }
            let step = factor.solve(score)
            let decrement = zip(score, step).reduce(0) { $0 + $1.0 * $1.1 }
            if decrement < 1e-12 {
                converged = true
                lastStep = step
                break
            }
            var scale = 1.0
            var candidate = zip(beta, step).map { $0 + $1 }
            var candidateEta = linearPredictor(candidate)
            var candidateDev = devianceAt(candidateEta)
            while candidateDev > dev && scale > 1e-10 {
                scale /= 2
                candidate = zip(beta, step).map { $0 + scale * $1 }
                candidateEta = linearPredictor(candidate)
                candidateDev = devianceAt(candidateEta)
            }
            if candidateDev > dev { break }
            lastStep = step.map { scale * $0 }
            beta = candidate
            eta = candidateEta
            dev = candidateDev
        }
        coefficients = beta
        deviance = dev
        self.iterations = iterations
        covariance = CholeskyFactorization(information)?.inverse()
        let largest = lastStep.map(abs).max() ?? 0
        if (eta.map(abs).max() ?? 0) > Self.separationThreshold && largest > 1e-3 {
            // The direction still being followed is the separating one: its large components name the columns.
            separatedColumns = (0..<p).filter { abs(lastStep[$0]) >= 1e-2 * largest }
            self.converged = false
        } else {
            separatedColumns = []
            self.converged = converged
        }
    }
}
