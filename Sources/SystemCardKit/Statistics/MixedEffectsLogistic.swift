import Foundation

/// Mixed-effects logistic regression with one random intercept per group: the model of R's
/// `lme4::glmer(y ~ x1 + x2 + … + (1 | group), family = binomial)` with its default Laplace approximation
/// (nAGQ = 1), for 0/1 outcomes or for fractions with a number of trials (glmer's `cbind(yes, no)` form).
///
///     logit P(yᵢ = 1) = xᵢᵀβ + b_group(i),   b ~ N(0, σ²) independently per group.
///
/// The fit minimises the Laplace deviance D(σ, β) of `RandomInterceptLaplace` (conditional modes by PIRLS,
/// i.e. a Newton solve per group) over σ and β jointly with a damped Newton method on its exact gradient and a
/// Hessian from central differences of that gradient, started from the fixed-effects-only logistic regression
/// and σ = 1. Standard errors are what lme4's `summary()` prints: the β block of 2·H⁻¹, H the Hessian of D over
/// (σ, β) (lme4 takes second differences of D with the same step, 1e-4); when H is not positive definite they
/// fall back, like lme4, to the penalised-least-squares ("RX") approximation.
/// A fit whose σ ends below 1e-5 is moved onto the boundary σ = 0 when that does not raise D (lme4's
/// `check.boundary`); `isSingular` reports σ < `Options.singularTolerance` like `lme4::isSingular`.
struct MixedEffectsLogisticFit: Sendable, Hashable, Codable {
    /// Optimiser settings. With the defaults the estimates agree with lme4's default fits to ~1e-4 and with
    /// lme4 run to tight tolerances to ~1e-5 (see scripts/glmm-fixtures.R and the tests).
    struct Options: Sendable, Hashable, Codable {
        /// Largest number of outer Newton iterations.
        var maxIterations = 100
        /// Convergence threshold on the Newton decrement gᵀH⁻¹g of the deviance.
        var tolerance = 1e-10
        /// σ below this counts as a singular (boundary) fit; lme4's default.
        var singularTolerance = 1e-4
        /// Starting random-intercept SD (lme4 starts θ at 1). Must be positive: σ = 0 is always a stationary
        /// point of the deviance (it is even in σ), so a fit started there would stay there; 0 means 1.
        var initialSD = 1.0
    }

    /// Where the standard errors come from.
    enum StandardErrorSource: String, Sendable, Hashable, Codable {
        /// Finite-difference Hessian of the Laplace deviance over (σ, β), as lme4 uses for GLMMs.
        case hessian
        /// Penalised-least-squares approximation (lme4's fallback when the Hessian is not positive definite).
        case penalizedLeastSquares
    }

    /// One fixed effect with its Wald statistics.
    struct Coefficient: Sendable, Hashable, Codable {
        var name: String
        /// Log-odds (the intercept) or log-odds ratio against the reference level.
        var estimate: Double
        var standardError: Double
        /// Wald 95% interval, estimate ± 1.959964 · SE.
        var ciLow: Double
        var ciHigh: Double
        /// estimate / SE, and its two-sided normal p-value (lme4's `Pr(>|z|)`).
        var zValue: Double
        var pValue: Double
    }

    var coefficients: [Coefficient]
    /// Covariance matrix of the fixed effects, in `coefficients` order.
    var covariance: [[Double]]
    var standardErrorSource: StandardErrorSource
    /// Standard deviation σ of the random intercepts (lme4's θ; binomial models have no residual scale).
    var randomInterceptSD: Double
    /// Conditional modes of the random intercepts (lme4's `ranef`), by group label.
    var groupEffects: [String: Double]
    /// Laplace-approximated log-likelihood, binomial coefficients included (lme4's `logLik`).
    var logLikelihood: Double
    /// −2 · logLikelihood.
    var deviance: Double
    /// σ < `Options.singularTolerance`: the data show no group-to-group variation beyond chance.
    var isSingular: Bool
    /// The optimiser met its tolerance; when false the estimates are the best point reached.
    var converged: Bool
    var iterations: Int
    var observations: Int
    var groups: Int

    /// Two-sided 97.5% normal quantile.
    static let z975 = 1.959963984540054

    /// Fits the model.
    /// - Parameters:
    ///   - outcomes: per row, 0/1 or the fraction of successes in [0, 1].
    ///   - trials: per row, the number of trials behind a fraction (glmer's `weights`); nil means 1 each.
    ///   - design: fixed-effects rows, intercept included (see `FixedEffectsDesign`).
    ///   - columnNames: one name per design column.
    ///   - groups: per row, the label of its group (scenario); one random intercept per distinct label.
    /// - Throws: `MixedEffectsLogisticError` for invalid or degenerate data (separation, no variation, rank
    ///   deficiency) and for numerical failures.
    init(
        outcomes: [Double], trials: [Double]? = nil, design: [[Double]], columnNames: [String], groups: [String],
        options: Options = Options()
    ) throws(MixedEffectsLogisticError) {
        let n = outcomes.count
        let trials = trials ?? [Double](repeating: 1, count: n)
        let p = columnNames.count
        try Self.validate(outcomes: outcomes, trials: trials, design: design, columnNames: columnNames, groups: groups)
        let dependent = FixedEffectsDesign.dependentColumns(of: design)
        guard dependent.isEmpty else {
            throw MixedEffectsLogisticError.rankDeficientDesign(columns: dependent.map { columnNames[$0] })
        }

        // Rows ordered by group, groups by label.
        let members = Dictionary(grouping: 0..<n) { groups[$0] }
        let labels = members.keys.sorted()
        var order: [Int] = []
        var groupRows: [Range<Int>] = []
        for label in labels {
            groupRows.append(order.count..<(order.count + members[label]!.count))
            order += members[label]!
        }
        let laplace = RandomInterceptLaplace(
            outcomes: order.map { outcomes[$0] }, trials: order.map { trials[$0] }, design: order.map { design[$0] },
            groupRows: groupRows)

        let start0 = LogisticRegression(outcomes: outcomes, trials: trials, design: design)
        guard start0.separatedColumns.isEmpty else {
            throw MixedEffectsLogisticError.separation(columns: start0.separatedColumns.map { columnNames[$0] })
        }
        let objective: DampedNewton.Objective = { laplace.evaluate($0).map { ($0.deviance, $0.gradient) } }
        let newton = DampedNewton(maxIterations: options.maxIterations, tolerance: options.tolerance)
        let startSD = options.initialSD.isFinite && options.initialSD != 0 ? abs(options.initialSD) : 1
        guard var result = newton.minimize(from: [startSD] + start0.coefficients, objective) else {
            throw MixedEffectsLogisticError.numericalFailure("the Laplace deviance is not finite at the start")
        }
        // D is even in σ: report |σ|, and take the boundary σ = 0 when it is as good (lme4's check.boundary).
        result.point[0] = abs(result.point[0])
        if result.point[0] < 1e-5, let boundary = laplace.evaluate([0] + result.point.dropFirst()),
            boundary.deviance <= result.value
        {
            result.point[0] = 0
            result.value = boundary.deviance
            result.gradient = boundary.gradient
            result.hessian = DampedNewton.hessian(of: objective, at: result.point, step: newton.step) ?? []
        }
        let sd = result.point[0]
        let beta = Array(result.point.dropFirst())
        guard let mode = laplace.evaluate(result.point), beta.allSatisfy(\.isFinite) else {
            throw MixedEffectsLogisticError.numericalFailure("the optimum has a non-finite deviance")
        }

        var covariance: [[Double]]
        if !result.hessian.isEmpty, let inverse = CholeskyFactorization(result.hessian)?.inverse() {
            covariance = (1...p).map { i in (1...p).map { j in 2 * inverse[i][j] } }
            standardErrorSource = .hessian
        } else if let fallback = Self.penalizedLeastSquaresCovariance(laplace, sd: sd, beta: beta, modes: mode.modes) {
            covariance = fallback
            standardErrorSource = .penalizedLeastSquares
        } else {
            throw MixedEffectsLogisticError.numericalFailure("the information matrix is singular")
        }
        guard covariance.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw MixedEffectsLogisticError.numericalFailure("the covariance matrix is not finite")
        }
        // Symmetric by construction; make it exactly so.
        covariance = (0..<p).map { i in (0..<p).map { j in (covariance[i][j] + covariance[j][i]) / 2 } }

        coefficients = (0..<p).map { j in
            let se = covariance[j][j].squareRoot()
            let z = beta[j] / se
            return Coefficient(
                name: columnNames[j], estimate: beta[j], standardError: se, ciLow: beta[j] - Self.z975 * se,
                ciHigh: beta[j] + Self.z975 * se, zValue: z, pValue: erfc(abs(z) / 2.squareRoot()))
        }
        self.covariance = covariance
        randomInterceptSD = sd
        groupEffects = Dictionary(uniqueKeysWithValues: zip(labels, mode.modes.map { sd * $0 }))
        deviance = mode.deviance
        logLikelihood = -mode.deviance / 2
        isSingular = sd < options.singularTolerance
        converged = result.converged
        iterations = result.iterations
        observations = n
        self.groups = labels.count
    }

    /// Checks lengths, ranges and variation of the inputs.
    private static func validate(
        outcomes: [Double], trials: [Double], design: [[Double]], columnNames: [String], groups: [String]
    ) throws(MixedEffectsLogisticError) {
        let n = outcomes.count
        guard n > 0 else { throw MixedEffectsLogisticError.noData }
        guard trials.count == n, design.count == n, groups.count == n else {
            throw MixedEffectsLogisticError.dimensionMismatch(
                "\(n) outcomes, \(trials.count) trial counts, \(design.count) design rows, \(groups.count) groups")
        }
        guard !columnNames.isEmpty else { throw MixedEffectsLogisticError.dimensionMismatch("no design columns") }
        var successes = 0.0
        var total = 0.0
        for i in 0..<n {
            guard outcomes[i].isFinite, outcomes[i] >= 0, outcomes[i] <= 1 else {
                throw MixedEffectsLogisticError.invalidOutcome(row: i, value: outcomes[i])
            }
            guard trials[i].isFinite, trials[i] > 0 else {
                throw MixedEffectsLogisticError.invalidTrials(row: i, value: trials[i])
            }
            guard design[i].count == columnNames.count else {
                throw MixedEffectsLogisticError.dimensionMismatch(
                    "row \(i) has \(design[i].count) design values for \(columnNames.count) columns")
            }
            guard design[i].allSatisfy(\.isFinite) else { throw MixedEffectsLogisticError.nonFiniteDesign(row: i) }
            successes += outcomes[i] * trials[i]
            total += trials[i]
        }
        if successes == 0 || successes == total {
            throw MixedEffectsLogisticError.noOutcomeVariation(allSuccesses: successes > 0)
        }
    }

    /// lme4's RX-based covariance: the inverse of XᵀWX − XᵀWZΛ(ΛᵀZᵀWZΛ + I)⁻¹ΛᵀZᵀWX at the conditional modes,
    /// which for one random intercept per group is XᵀWX − Σⱼ σ² sⱼsⱼᵀ / (1 + σ² tⱼ), with sⱼ = Σ Wᵢxᵢ and
    /// tⱼ = Σ Wᵢ over group j's rows. It ignores how the log-determinant term varies with β.
    static func penalizedLeastSquaresCovariance(
        _ laplace: RandomInterceptLaplace, sd: Double, beta: [Double], modes: [Double]
    ) -> [[Double]]? {
        let p = beta.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for (j, rows) in laplace.groupRows.enumerated() {
            var s = [Double](repeating: 0, count: p)
            var t = 0.0
            for i in rows {
                let x = (0..<p).map { laplace.x(i, $0) }
                let eta = zip(x, beta).reduce(sd * modes[j]) { $0 + $1.0 * $1.1 }
                let mu = Logistic.probability(eta)
                let w = laplace.trials[i] * mu * (1 - mu)
                t += w
                for a in 0..<p {
                    s[a] += w * x[a]
                    for b in 0..<p { matrix[a][b] += w * x[a] * x[b] }
                }
            }
            let shrink = sd * sd / (1 + sd * sd * t)
            for a in 0..<p { for b in 0..<p { matrix[a][b] -= shrink * s[a] * s[b] } }
        }
        return CholeskyFactorization(matrix)?.inverse()
    }
}
