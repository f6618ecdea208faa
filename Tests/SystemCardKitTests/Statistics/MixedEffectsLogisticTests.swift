import Foundation
import Testing

@testable import SystemCardKit

/// lme4's fits of the datasets in Fixtures/statistics/glmm-lme4.json (made by scripts/glmm-fixtures.R).
struct GLMMFixture: Decodable, Sendable {
    struct Expected: Decodable, Sendable {
        var coefficients: [Double]
        var standardErrors: [Double]
        var rxStandardErrors: [Double]
        var randomInterceptSD: Double
        var logLik: Double
        /// The Laplace deviance at these estimates, computed directly in R (not by lme4's PIRLS).
        var exactLaplaceDeviance: Double
        var singular: Bool
    }

    var name: String
    var binomialTrials: Bool
    var attributes: [String]
    var levels: [String: [String]]
    var columns: [String]
    /// group, successes, trials, and one column of 0-based level indices per attribute.
    var rows: [String: [Int]]
    /// lme4 with its default optimisers, and with much tighter ones.
    var lme4: Expected
    var lme4Exact: Expected

    static let all: [GLMMFixture] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/statistics/glmm-lme4.json")
        // A broken fixture should fail loudly.
        return try! JSONDecoder().decode([GLMMFixture].self, from: Data(contentsOf: url))
    }()

    static func named(_ name: String) -> GLMMFixture { all.first { $0.name == name }! }

    var design: FixedEffectsDesign {
        FixedEffectsDesign(attributes: attributes.map { .init(name: $0, levels: levels[$0]!) })
    }

    var levelRows: [[String]] {
        (0..<rows["group"]!.count).map { i in attributes.map { levels[$0]![rows[$0]![i]] } }
    }

    /// The deviance function of this dataset, rows grouped by scenario.
    func laplace() throws -> RandomInterceptLaplace {
        let design = try design.rows(levelRows)
        let groups = rows["group"]!
        var groupRows: [Range<Int>] = []
        var order: [Int] = []
        for g in Array(Set(groups)).sorted() {
            let members = groups.indices.filter { groups[$0] == g }
            groupRows.append(order.count..<(order.count + members.count))
            order += members
        }
        let successes = rows["successes"]!
        let trials = rows["trials"]!
        return RandomInterceptLaplace(
            outcomes: order.map { Double(successes[$0]) / Double(trials[$0]) },
            trials: order.map { Double(trials[$0]) },
            design: order.map { design[$0] }, groupRows: groupRows)
    }

    func fit(options: MixedEffectsLogisticFit.Options = .init()) throws -> MixedEffectsLogisticFit {
        let successes = rows["successes"]!.map(Double.init)
        let trials = rows["trials"]!.map(Double.init)
        return try MixedEffectsLogisticFit(
            outcomes: zip(successes, trials).map { $0 / $1 }, trials: binomialTrials ? trials : nil,
            design: try design.rows(levelRows), columnNames: design.columnNames,
            groups: rows["group"]!.map { "scenario-\($0)" }, options: options)
    }
}

/// Largest differences between our fit and one lme4 fit.
struct Discrepancy: CustomStringConvertible {
    var coefficient: Double  // max |Δβ|
    var standardError: Double  // max |ΔSE| / SE
    var sd: Double  // |Δσ|
    var logLik: Double  // |ΔlogLik|

    init(_ fit: MixedEffectsLogisticFit, _ expected: GLMMFixture.Expected) {
        coefficient = zip(fit.coefficients, expected.coefficients).map { abs($0.estimate - $1) }.max()!
        standardError = zip(fit.coefficients, expected.standardErrors).map { abs($0.standardError - $1) / $1 }.max()!
        sd = abs(fit.randomInterceptSD - expected.randomInterceptSD)
        logLik = abs(fit.logLikelihood - expected.logLik)
    }

    var description: String {
        String(
            format: "max|Δβ| %.1e  max rel ΔSE %.1e  |Δσ| %.1e  |ΔlogLik| %.1e", coefficient, standardError, sd,
            logLik)
    }
}

@Suite struct MixedEffectsLogisticTests {
    @Test(arguments: GLMMFixture.all.map(\.name))
    func matchesLme4(_ name: String) throws {
        let fixture = GLMMFixture.named(name)
        #expect(fixture.design.columnNames == fixture.columns)
        let fit = try fixture.fit()
        let defaults = Discrepancy(fit, fixture.lme4)
        let tight = Discrepancy(fit, fixture.lme4Exact)
        print("glmm \(name) (\(fit.iterations) iterations): vs lme4 \(defaults); vs exact lme4 \(tight)")
        #expect(fit.converged)
        #expect(fit.standardErrorSource == .hessian)
        #expect(fit.isSingular == fixture.lme4.singular)
        // lme4's defaults stop its optimiser within ~1e-4 of the optimum on β and approximate the Laplace
        // deviance to ~1e-4 (PIRLS tolerance 1e-7, log-determinant one step early); the exact refit agrees closely.
        #expect(defaults.coefficient < 1e-3)
        #expect(defaults.standardError < 1e-2)
        #expect(defaults.sd < 1e-3)
        #expect(defaults.logLik < 5e-4)
        #expect(tight.coefficient < 2e-5)
        #expect(tight.standardError < 1e-4)
        #expect(tight.sd < 2e-5)
        #expect(tight.logLik < 1e-5)
        // Under the exact Laplace deviance our optimum is at least as good as lme4's tightest one.
        #expect(fit.deviance <= fixture.lme4Exact.exactLaplaceDeviance + 1e-8)
        for c in fit.coefficients {
            #expect(abs(c.ciLow - (c.estimate - 1.959964 * c.standardError)) < 1e-6)
            #expect(c.ciHigh > c.estimate && c.pValue > 0 && c.pValue <= 1)
        }
    }

    /// The deviance function itself, independently of both optimisers: the same value as a direct R
    /// computation at lme4's estimates (lme4's own PIRLS differs from both by up to 3e-4 with its defaults).
    @Test(arguments: GLMMFixture.all.map(\.name))
    func devianceMatchesDirectComputation(_ name: String) throws {
        let fixture = GLMMFixture.named(name)
        let laplace = try fixture.laplace()
        for expected in [fixture.lme4, fixture.lme4Exact] {
            let deviance = laplace.evaluate([expected.randomInterceptSD] + expected.coefficients)!.deviance
            #expect(abs(deviance - expected.exactLaplaceDeviance) < 1e-8)
        }
    }

    /// The fallback covariance (used when the Hessian is not positive definite) is lme4's RX-based one.
    @Test(arguments: GLMMFixture.all.map(\.name))
    func fallbackCovarianceMatchesLme4RX(_ name: String) throws {
        let fixture = GLMMFixture.named(name)
        let laplace = try fixture.laplace()
        let expected = fixture.lme4Exact
        let point = [expected.randomInterceptSD] + expected.coefficients
        let modes = laplace.evaluate(point)!.modes
        let covariance = try #require(
            MixedEffectsLogisticFit.penalizedLeastSquaresCovariance(
                laplace, sd: expected.randomInterceptSD, beta: expected.coefficients, modes: modes))
        for (j, se) in expected.rxStandardErrors.enumerated() {
            #expect(abs(covariance[j][j].squareRoot() - se) < 1e-6 * se)
        }
    }

    @Test func stoppingEarlyIsFlaggedNotHidden() throws {
        let fit = try GLMMFixture.named("strong").fit(options: .init(maxIterations: 1))
        #expect(!fit.converged)
        #expect(fit.iterations == 1)
        #expect(fit.coefficients.allSatisfy { $0.estimate.isFinite && $0.standardError.isFinite })
    }

    @Test func completeSeparationByACovariateThrows() {
        let x = (0..<40).map { Double($0) / 4 - 5 }
        let error = #expect(throws: MixedEffectsLogisticError.self) {
            try MixedEffectsLogisticFit(
                outcomes: x.map { $0 > 0 ? 1 : 0 }, design: x.map { [1, $0] }, columnNames: ["(Intercept)", "x"],
                groups: x.indices.map { "g\($0 % 5)" })
        }
        guard case .separation(let columns) = error else {
            Issue.record("expected separation, got \(String(describing: error))")
            return
        }
        #expect(columns.contains("x"))
    }

    @Test func anExtremeButFiniteLinearPredictorIsNotSeparation() throws {
        // Covariate in [0, 1] plus one far outlier that is a failure: its fitted η is far below −20, yet the
        // maximum likelihood is finite.
        var generator = SeededGenerator(seed: 7)
        var x = (0..<200).map { _ in Double.random(in: 0...1, using: &generator) }
        var y = x.map { Double.random(in: 0...1, using: &generator) < 0.2 + 0.6 * $0 ? 1.0 : 0.0 }
        x.append(-60)
        y.append(0)
        let fit = try MixedEffectsLogisticFit(
            outcomes: y, design: x.map { [1, $0] }, columnNames: ["(Intercept)", "x"],
            groups: x.indices.map { "g\($0 % 10)" })
        #expect(fit.converged)
        #expect(fit.coefficients[1].estimate > 1 && fit.coefficients[1].estimate < 10)
    }

    @Test func analyticGradientMatchesFiniteDifferences() throws {
        let laplace = try GLMMFixture.named("unbalanced-rare").laplace()
        let point = [0.9, -1.2, 0.3, 0.1, 0.5, -0.2, 0.3, -0.4]
        let analytic = laplace.evaluate(point)!.gradient
        for k in point.indices {
            var up = point
            var down = point
            up[k] += 1e-5
            down[k] -= 1e-5
            let numeric = (laplace.evaluate(up)!.deviance - laplace.evaluate(down)!.deviance) / 2e-5
            #expect(abs(numeric - analytic[k]) < 1e-5 * max(1, abs(analytic[k])))
        }
    }

    @Test func fractionsWithTrialsEqualExpandedBernoulliRows() throws {
        // glmer's cbind(yes, no) form is the same likelihood as one 0/1 row per trial (up to the binomial
        // coefficients in logLik).
        let outcomes = [0.25, 0.5, 1.0, 0.0, 0.75, 0.5, 0.2, 0.6]
        let trials = [4.0, 2, 3, 5, 4, 6, 5, 5]
        let design: [[Double]] = [[1, 0], [1, 1], [1, 0], [1, 1], [1, 0], [1, 1], [1, 0], [1, 1]]
        let groups = ["a", "a", "b", "b", "c", "c", "d", "d"]
        let grouped = try MixedEffectsLogisticFit(
            outcomes: outcomes, trials: trials, design: design, columnNames: ["(Intercept)", "x"], groups: groups)
        var y: [Double] = []
        var x: [[Double]] = []
        var g: [String] = []
        for i in outcomes.indices {
            let successes = Int((outcomes[i] * trials[i]).rounded())
            for t in 0..<Int(trials[i]) {
                y.append(t < successes ? 1 : 0)
                x.append(design[i])
                g.append(groups[i])
            }
        }
        let expanded = try MixedEffectsLogisticFit(outcomes: y, design: x, columnNames: ["(Intercept)", "x"], groups: g)
        for (a, b) in zip(grouped.coefficients, expanded.coefficients) {
            #expect(abs(a.estimate - b.estimate) < 1e-6)
            #expect(abs(a.standardError - b.standardError) < 1e-5)
        }
        #expect(abs(grouped.randomInterceptSD - expanded.randomInterceptSD) < 1e-6)
    }

    @Test func separationIsAnErrorNamingTheColumn() throws {
        // Every row at the level "es" is a success: its log-odds ratio is infinite.
        let fixture = GLMMFixture.named("null")
        var rows = fixture.rows
        let es = fixture.levels["language"]!.firstIndex(of: "es")!
        rows["successes"] = zip(rows["successes"]!, rows["language"]!).map { $1 == es ? 1 : $0 }
        var separated = fixture
        separated.rows = rows
        #expect(throws: MixedEffectsLogisticError.separation(columns: ["languagees"])) { try separated.fit() }
    }

    @Test func degenerateInputsThrowInsteadOfReturningNaN() {
        let design: [[Double]] = [[1, 0], [1, 1], [1, 0], [1, 1]]
        let names = ["(Intercept)", "x"]
        let groups = ["a", "a", "b", "b"]
        #expect(throws: MixedEffectsLogisticError.noOutcomeVariation(allSuccesses: false)) {
            try MixedEffectsLogisticFit(outcomes: [0, 0, 0, 0], design: design, columnNames: names, groups: groups)
        }
        #expect(throws: MixedEffectsLogisticError.rankDeficientDesign(columns: ["x2"])) {
            try MixedEffectsLogisticFit(
                outcomes: [0, 1, 1, 0], design: design.map { $0 + [$0[1]] }, columnNames: names + ["x2"],
                groups: groups)
        }
        #expect(throws: MixedEffectsLogisticError.invalidOutcome(row: 2, value: 1.5)) {
            try MixedEffectsLogisticFit(outcomes: [0, 1, 1.5, 0], design: design, columnNames: names, groups: groups)
        }
        #expect(throws: MixedEffectsLogisticError.self) {
            try MixedEffectsLogisticFit(outcomes: [0, 1, 1, 0], design: design, columnNames: names, groups: ["a"])
        }
        #expect(throws: MixedEffectsLogisticError.unknownLevel(attribute: "tone", level: "calm")) {
            try FixedEffectsDesign(attributes: [.init(name: "tone", levels: ["neutral", "urgent"])]).row(["calm"])
        }
    }

    @Test func singularFitSitsOnTheBoundaryWithFiniteStandardErrors() throws {
        let fit = try GLMMFixture.named("singular").fit()
        #expect(fit.randomInterceptSD == 0)
        #expect(fit.isSingular)
        #expect(fit.groupEffects.values.allSatisfy { $0 == 0 })
        #expect(fit.coefficients.allSatisfy { $0.standardError.isFinite && $0.standardError > 0 })
    }
}
