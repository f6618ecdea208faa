import Foundation

/// The Laplace approximation to the deviance (−2 log-likelihood) of a binomial-logit mixed model with one random
/// intercept per group, as lme4's `glmer(..., nAGQ = 1)` defines it, and its exact gradient, at given θ (the
/// random-intercept SD) and β.
///
/// With spherical random effects u (b = θu) and η = Xβ + θu, the conditional modes û minimise the penalised
/// deviance Σᵢ devresᵢ(η) + ‖u‖² (PIRLS; here one Newton solve per group, because every row belongs to one group
/// and so ΛᵀZᵀWZΛ + I is diagonal). The Laplace deviance is
///
///     D(θ, β) = −2 Σᵢ log Binomial(kᵢ; mᵢ, μᵢ) + ‖û‖² + Σⱼ log(1 + θ² Tⱼ),   Tⱼ = Σ_{i∈j} mᵢ μᵢ(1 − μᵢ),
///
/// with μ at the modes, mᵢ the trials and kᵢ = mᵢyᵢ the successes of row i (binomial coefficients included, like
/// lme4's `aic()`), so that logLik = −D/2. The modes are solved to full precision (lme4 stops its PIRLS at a
/// relative change of 1e-7 and takes the log-determinant one iteration early, which moves its logLik by up to
/// ~1e-4; with `tolPwrss = 1e-13` lme4 agrees with this to ~1e-9). D is even in θ.
struct RandomInterceptLaplace: Sendable {
    let outcomes: [Double]
    let trials: [Double]
    /// Fixed-effect rows, row-major (`rowCount` × `columnCount`), rows ordered by group.
    let design: [Double]
    let columnCount: Int
    /// Rows of each group, in group order.
    let groupRows: [Range<Int>]
    /// Σᵢ log C(mᵢ, kᵢ): the part of the log-likelihood that depends on no parameter.
    let logBinomialCoefficients: Double

    /// The deviance, its gradient over [θ, β…], and the conditional modes behind them.
    struct Evaluation: Sendable {
        var deviance: Double
        var gradient: [Double]
        /// Spherical conditional modes ûⱼ (the random intercepts are θûⱼ).
        var modes: [Double]
    }

    init(outcomes: [Double], trials: [Double], design: [[Double]], groupRows: [Range<Int>]) {
        self.outcomes = outcomes
        self.trials = trials
        self.design = design.flatMap { $0 }
        columnCount = design.first?.count ?? 0
        self.groupRows = groupRows
        var constant = 0.0
        for (y, m) in zip(outcomes, trials) where m != 1 {
            constant += lgamma(m + 1) - lgamma(y * m + 1) - lgamma(m - y * m + 1)
        }
        logBinomialCoefficients = constant
    }

    /// Design value of row `i`, column `a`.
    func x(_ i: Int, _ a: Int) -> Double { design[i * columnCount + a] }

    /// D and ∇D at `parameters` = [θ, β₀, β₁, …]; nil when something is not finite.
    func evaluate(_ parameters: [Double]) -> Evaluation? {
        let theta = parameters[0]
        let p = columnCount
        var offsets = [Double](repeating: 0, count: outcomes.count)
        for i in offsets.indices {
            var sum = 0.0
            for a in 0..<p { sum += design[i * p + a] * parameters[a + 1] }
            offsets[i] = sum
        }
        var deviance = -2 * logBinomialCoefficients
        var gradient = [Double](repeating: 0, count: p + 1)
        var modes: [Double] = []
        modes.reserveCapacity(groupRows.count)
        var weighted = [Double](repeating: 0, count: p)  // S = Σ vᵢxᵢ
        var curved = [Double](repeating: 0, count: p)  // C = Σ cᵢxᵢ
        for rows in groupRows {
            guard let u = mode(rows: rows, offsets: offsets, theta: theta) else { return nil }
            var information = 0.0  // T
            var residual = 0.0  // Σ rᵢ, rᵢ = mᵢ(μᵢ − yᵢ)
            var curvature = 0.0  // Σ cᵢ, cᵢ = vᵢ(1 − 2μᵢ)
            for a in 0..<p { weighted[a] = 0; curved[a] = 0 }
            for i in rows {
                let eta = offsets[i] + theta * u
                let mu = Logistic.probability(eta)
                let plus = Logistic.softplus(eta)
                deviance += 2 * trials[i] * (outcomes[i] * (plus - eta) + (1 - outcomes[i]) * plus)
                let v = trials[i] * mu * (1 - mu)
                let r = trials[i] * (mu - outcomes[i])
                let c = v * (1 - 2 * mu)
                information += v
                residual += r
                curvature += c
                for a in 0..<p {
                    let xa = design[i * p + a]
                    gradient[a + 1] += 2 * r * xa
                    weighted[a] += v * xa
                    curved[a] += c * xa
                }
            }
            let scale = 1 + theta * theta * information  // A; ∂²φ/∂u² = 2A
            deviance += u * u + log(scale)
            // Implicit derivatives of the mode, then of T = Σ vᵢ through η = xᵢβ + θû.
            let duTheta = -(residual + theta * u * information) / scale
            let dTTheta = curvature * (u + theta * duTheta)
            gradient[0] += 2 * u * residual + (2 * theta * information + theta * theta * dTTheta) / scale
            for a in 0..<p {
                let duBeta = -theta * weighted[a] / scale
                let dTBeta = curved[a] + theta * curvature * duBeta
                gradient[a + 1] += theta * theta * dTBeta / scale
            }
            modes.append(u)
        }
        guard deviance.isFinite, gradient.allSatisfy(\.isFinite) else { return nil }
        return Evaluation(deviance: deviance, gradient: gradient, modes: modes)
    }

    /// The minimiser of φ(u) = Σᵢ devresᵢ(offsetᵢ + θu) + u² over one group's rows: Newton's method from u = 0
    /// with step halving (φ is strictly convex), to full precision so that D is smooth in (θ, β).
    private func mode(rows: Range<Int>, offsets: [Double], theta: Double) -> Double? {
        var u = 0.0
        var previous = 0.0
        var previousValue = Double.infinity
        var halvings = 0
        for _ in 0..<400 {
            var value = u * u
            var slope = 2 * u
            var curvature = 2.0
            for i in rows {
                let eta = offsets[i] + theta * u
                let mu = Logistic.probability(eta)
                let plus = Logistic.softplus(eta)
                value += 2 * trials[i] * (outcomes[i] * (plus - eta) + (1 - outcomes[i]) * plus)
                slope += 2 * trials[i] * theta * (mu - outcomes[i])
                curvature += 2 * trials[i] * theta * theta * mu * (1 - mu)
            }
            guard value.isFinite, slope.isFinite else { return nil }
            // Overshot (beyond rounding): halve the step back.
            if value - previousValue > 1e-13 * (1 + abs(previousValue)) && halvings < 60 {
                halvings += 1
                u = (previous + u) / 2
                continue
            }
            let step = -slope / curvature
            if abs(step) <= 1e-13 * (1 + abs(u)) || halvings >= 60 { return u + step }
            halvings = 0
            previous = u
            previousValue = value
            u += step
        }
        return u
    }
}
