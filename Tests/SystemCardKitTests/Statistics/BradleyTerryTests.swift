import Foundation
import Testing

@testable import SystemCardKit

/// BradleyTerry2::BTm (and the same model as a base-R glm) on the comparisons of
/// Fixtures/statistics/bradley-terry.json (made by scripts/glmm-fixtures.R); the first model is the reference.
struct BradleyTerryFixture: Decodable, Sendable {
    var name: String
    var models: [String]
    /// Columns a, b, outcome ("a", "b" or "tie").
    var comparisons: [String: [String]]
    var reference: String
    var strengths: [Double]
    var standardErrors: [Double]
    var logLik: Double

    static let all: [BradleyTerryFixture] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/statistics/bradley-terry.json")
        return try! JSONDecoder().decode([BradleyTerryFixture].self, from: Data(contentsOf: url))
    }()

    static func named(_ name: String) -> BradleyTerryFixture { all.first { $0.name == name }! }

    var pairwise: [PairwiseComparison] {
        let a = comparisons["a"]!
        let b = comparisons["b"]!
        let outcomes: [String: PairwiseComparison.Outcome] = ["a": .firstWins, "b": .secondWins, "tie": .tie]
        return a.indices.map { PairwiseComparison(a[$0], b[$0], outcomes[comparisons["outcome"]![$0]]!) }
    }
}

/// n comparisons of `first` against `second` with the given outcome.
private func repeated(_ first: String, _ second: String, _ outcome: PairwiseComparison.Outcome, _ n: Int)
    -> [PairwiseComparison]
{
    Array(repeating: PairwiseComparison(first, second, outcome), count: n)
}

@Suite struct BradleyTerryTests {
    @Test(arguments: BradleyTerryFixture.all.map(\.name))
    func matchesR(_ name: String) throws {
        let fixture = BradleyTerryFixture.named(name)
        let fit = try BradleyTerryFit(comparisons: fixture.pairwise, constraint: .reference(fixture.reference))
        #expect(fit.converged)
        #expect(fit.strengths.map(\.model) == fixture.models)
        let strengthError = zip(fit.strengths, fixture.strengths).map { abs($0.estimate - $1) }.max()!
        let seError = zip(fit.strengths, fixture.standardErrors).map { abs($0.standardError - $1) }.max()!
        print(String(format: "bt %@: max|Δs| %.1e  max|ΔSE| %.1e  |ΔlogLik| %.1e", name, strengthError, seError,
                     abs(fit.logLikelihood - fixture.logLik)))
        #expect(strengthError < 1e-8)
        #expect(seError < 1e-8)
        #expect(abs(fit.logLikelihood - fixture.logLik) < 1e-8)
    }

    @Test func twoModelsByHand() throws {
        // 7 wins to 3: s_a − s_b = log(7/3), SE = 1/√(n p (1 − p)) = √(1/7 + 1/3).
        let comparisons = repeated("a", "b", .firstWins, 7) + repeated("a", "b", .secondWins, 3)
        let fit = try BradleyTerryFit(comparisons: comparisons, constraint: .reference("b"))
        #expect(abs(fit.strengths[0].estimate - log(7.0 / 3)) < 1e-12)
        #expect(abs(fit.strengths[0].standardError - (1.0 / 7 + 1.0 / 3).squareRoot()) < 1e-12)
        #expect(fit.strengths[1].estimate == 0 && fit.strengths[1].standardError == 0)
        #expect(abs(fit.strengths[0].ciLow - (log(7.0 / 3) - 1.959964 * (1.0 / 7 + 1.0 / 3).squareRoot())) < 1e-6)
        #expect(abs(fit.probability("a", beats: "b")! - 0.7) < 1e-12)
        // Sum to zero: ±log(7/3)/2, each with half the SE of the difference.
        let centred = try BradleyTerryFit(comparisons: comparisons)
        #expect(abs(centred.strengths[0].estimate - log(7.0 / 3) / 2) < 1e-12)
        #expect(abs(centred.strengths[1].estimate + log(7.0 / 3) / 2) < 1e-12)
        #expect(abs(centred.strengths[0].standardError - (1.0 / 7 + 1.0 / 3).squareRoot() / 2) < 1e-12)
        #expect(centred.ranking.map(\.model) == ["a", "b"])
    }

    @Test func tiesCountHalfToEachSide() throws {
        // 6 wins, 2 losses, 2 ties = 7 to 3.
        let ties = try BradleyTerryFit(
            comparisons: repeated("a", "b", .firstWins, 6) + repeated("b", "a", .firstWins, 2)
                + repeated("a", "b", .tie, 2), constraint: .reference("b"))
        #expect(abs(ties.strengths[0].estimate - log(7.0 / 3)) < 1e-12)
        #expect(ties.strengths[0].wins == 7 && ties.strengths[0].comparisons == 10)
    }

    @Test func sumToZeroIsTheReferenceFitRecentred() throws {
        let comparisons = BradleyTerryFixture.named("arena").pairwise
        let reference = try BradleyTerryFit(comparisons: comparisons, constraint: .reference("alpha"))
        let centred = try BradleyTerryFit(comparisons: comparisons)
        let mean = reference.strengths.map(\.estimate).reduce(0, +) / 6
        for (r, c) in zip(reference.strengths, centred.strengths) {
            #expect(abs(r.estimate - mean - c.estimate) < 1e-10)
        }
        #expect(abs(centred.strengths.map(\.estimate).reduce(0, +)) < 1e-12)
        // Differences have the same variance under either constraint.
        let v = reference.covariance
        let w = centred.covariance
        #expect(abs((v[1][1] + v[2][2] - 2 * v[1][2]) - (w[1][1] + w[2][2] - 2 * w[1][2])) < 1e-10)
    }

    @Test func bootstrapIsSeededAndBracketsTheEstimate() throws {
        let comparisons = BradleyTerryFixture.named("arena").pairwise
        let options = BradleyTerryFit.Bootstrap(resamples: 200, seed: 42)
        let first = try BradleyTerryFit(comparisons: comparisons, bootstrap: options)
        let again = try BradleyTerryFit(comparisons: comparisons, bootstrap: options)
        #expect(first == again)
        #expect(first.bootstrapFailures == 0)
        for s in first.strengths {
            let low = try #require(s.bootstrapLow)
            let high = try #require(s.bootstrapHigh)
            #expect(low < s.estimate && s.estimate < high)
            // Close to the Wald interval on 400 comparisons.
            #expect(abs((high - low) - (s.ciHigh - s.ciLow)) < 0.35 * (s.ciHigh - s.ciLow))
        }
        let other = try BradleyTerryFit(comparisons: comparisons, bootstrap: .init(resamples: 200, seed: 43))
        #expect(other.strengths[0].bootstrapLow != first.strengths[0].bootstrapLow)
    }

    @Test func perCategoryFitsEachSubset() throws {
        let comparisons =
            repeated("a", "b", .firstWins, 7).map { var c = $0; c.category = "code"; return c }
            + repeated("a", "b", .secondWins, 3).map { var c = $0; c.category = "code"; return c }
            + repeated("a", "b", .firstWins, 4).map { var c = $0; c.category = "math"; return c }
        let fits = BradleyTerryFit.byCategory(comparisons, constraint: .reference("b"))
        #expect(abs(try fits["code"]!.get().strengths[0].estimate - log(7.0 / 3)) < 1e-12)
        #expect(throws: BradleyTerryError.neverWins(models: ["b"])) { try fits["math"]!.get() }
        #expect(fits.count == 2)
    }

    @Test func degenerateComparisonsNameTheModels() {
        #expect(throws: BradleyTerryError.disconnected(components: [["a", "b"], ["c", "d"]])) {
            try BradleyTerryFit(comparisons: [
                PairwiseComparison("a", "b", .firstWins), PairwiseComparison("b", "a", .firstWins),
                PairwiseComparison("c", "d", .firstWins), PairwiseComparison("d", "c", .firstWins),
            ])
        }
        #expect(throws: BradleyTerryError.neverWins(models: ["c"])) {
            try BradleyTerryFit(comparisons: [
                PairwiseComparison("a", "b", .firstWins), PairwiseComparison("b", "a", .firstWins),
                PairwiseComparison("a", "c", .firstWins), PairwiseComparison("c", "b", .secondWins),
            ])
        }
        #expect(throws: BradleyTerryError.neverLoses(models: ["a"])) {
            try BradleyTerryFit(comparisons: repeated("a", "b", .firstWins, 3) + [PairwiseComparison("b", "c", .tie)])
        }
        // a and b beat each other, c and d beat each other, and a, b always beat c, d: connected, every model
        // won and lost, yet {a, b} is unbeaten by the others.
        #expect(throws: BradleyTerryError.unbeatenGroup(models: ["a", "b"])) {
            try BradleyTerryFit(comparisons: [
                PairwiseComparison("a", "b", .firstWins), PairwiseComparison("b", "a", .firstWins),
                PairwiseComparison("c", "d", .firstWins), PairwiseComparison("d", "c", .firstWins),
                PairwiseComparison("a", "c", .firstWins), PairwiseComparison("d", "b", .secondWins),
            ])
        }
        #expect(throws: BradleyTerryError.selfComparison(model: "a")) {
            try BradleyTerryFit(comparisons: [PairwiseComparison("a", "a", .tie)])
        }
        #expect(throws: BradleyTerryError.unknownReference("z")) {
            try BradleyTerryFit(comparisons: repeated("a", "b", .tie, 2), constraint: .reference("z"))
        }
        #expect(throws: BradleyTerryError.tooFewModels) { try BradleyTerryFit(comparisons: []) }
    }
}
