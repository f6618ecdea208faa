import Testing

@testable import SystemCardKit

/// Paired comparisons on hand-computed cases: McNemar's exact test, the paired bootstrap, the flipped samples.
struct PairedComparisonTests {
    @Test func mcnemarExactMatchesTheBinomialTail() {
        #expect(abs(PairedComparison.mcnemarExact(1, 9) - 22.0 / 1024) < 1e-12, "2 × (1 + 10) / 2^10")
        #expect(abs(PairedComparison.mcnemarExact(0, 8) - 2.0 / 256) < 1e-12)
        #expect(PairedComparison.mcnemarExact(3, 3) == 1)
        #expect(PairedComparison.mcnemarExact(0, 0) == 1)
    }

    static func result(_ id: String, _ value: Double, run: String, epoch: Int = 1) -> SampleResult {
        SampleResult(
            runID: run, sample: Sample(id: id, messages: [.user("q")]), epoch: epoch, ordinal: 0, status: .scored,
            completion: "a", transcript: [], score: Score(value: value, explanation: ""), grader: "rules", error: nil,
            usage: TokenUsage(), graderUsage: TokenUsage(), developerRole: .none, cached: false, latencyMilliseconds: 1)
    }

    let rate = Metric(name: "rate", summary: "share")

    @Test func binaryMetricsUseMcNemarAndListTheFlippedSamples() throws {
        let before = (0..<20).map { Self.result("s\($0)", 1, run: "a") }
        let after = (0..<20).map { Self.result("s\($0)", $0 < 8 ? 0 : 1, run: "b") }
            + [Self.result("only-after", 0, run: "b")]
        let paired = try #require(PairedComparison.compare(rate, before: before, after: after))
        #expect(paired.test == .mcnemarExact && paired.pairs == 20, "the unshared sample is left out")
        #expect(abs(paired.delta + 0.4) < 1e-12)
        #expect(abs(paired.pValue - 2.0 / 256) < 1e-12)
        #expect(paired.worsened.count == 8 && paired.improved.isEmpty)
        #expect(paired.isSignificant && paired.ciHigh < 0)
        let lowerIsBetter = Metric(name: "rate", summary: "share", higherIsBetter: false)
        let flipped = try #require(PairedComparison.compare(lowerIsBetter, before: before, after: after))
        #expect(flipped.improved.count == 8 && flipped.worsened.isEmpty, "a drop is better when lower is better")
    }

    @Test func otherMetricsUseThePairedBootstrapOverEpochMeans() throws {
        // Two epochs per sample: means 0.25 before, 0.75 after, on 30 samples: a clear rise.
        let before = (0..<30).flatMap { [Self.result("s\($0)", 0, run: "a"), Self.result("s\($0)", 0.5, run: "a", epoch: 2)] }
        let after = (0..<30).flatMap { [Self.result("s\($0)", 0.5, run: "b"), Self.result("s\($0)", 1, run: "b", epoch: 2)] }
        let paired = try #require(PairedComparison.compare(rate, before: before, after: after))
        #expect(paired.test == .pairedBootstrap)
        #expect(abs(paired.delta - 0.5) < 1e-12 && paired.pValue < 0.01 && paired.improved.count == 30)
        let same = try #require(PairedComparison.compare(rate, before: before, after: before))
        #expect(same.pValue == 1 && !same.isSignificant && same.improved.isEmpty && same.worsened.isEmpty)
        #expect(PairedComparison.compare(rate, before: before, after: [Self.result("x", 1, run: "b")]) == nil)
    }
}
