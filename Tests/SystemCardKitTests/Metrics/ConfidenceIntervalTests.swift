import Foundation
import Testing
@testable import SystemCardKit

@Suite struct ConfidenceIntervalTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 5e-4) -> Bool { abs(a - b) <= tolerance }

    @Test func wilsonMatchesHandComputedValues() {
        // 8 of 10, z = 1.96: centre = (0.8 + 1.9208/10) / 1.38415 = 0.71674,
        // half = 1.96 × sqrt(0.016 + 0.0096036) / 1.38415 = 0.22658 → [0.4902, 0.9433].
        let eight = ConfidenceInterval.wilson(successes: 8, n: 10)
        #expect(Self.close(eight.low, 0.4902))
        #expect(Self.close(eight.high, 0.9433))

        // 0 of 10: the interval starts at 0 and reaches z²/(n + z²) = 3.8415 / 13.8415 = 0.2775.
        let none = ConfidenceInterval.wilson(successes: 0, n: 10)
        #expect(none.low == 0)
        #expect(Self.close(none.high, 0.2775))

        // 10 of 10 mirrors it (the upper end is 1 up to rounding: 0.9999999999999999).
        let all = ConfidenceInterval.wilson(successes: 10, n: 10)
        #expect(Self.close(all.high, 1, 1e-12))
        #expect(Self.close(all.low, 0.7225))

        // 50 of 100: symmetric around 0.5, half-width 1.96 × sqrt(0.0025 + 0.000096) / 1.038415 = 0.0962.
        let half = ConfidenceInterval.wilson(successes: 50, n: 100)
        #expect(Self.close(half.low, 0.4038))
        #expect(Self.close(half.high, 0.5962))
    }

    @Test func wilsonWithNoSamplesIsZero() {
        let empty = ConfidenceInterval.wilson(successes: 0, n: 0)
        #expect(empty.low == 0)
        #expect(empty.high == 0)
    }

    @Test func tIntervalMatchesHandComputedValues() {
        // 1, 2, 3: mean 2, s² = 1, se = 1/√3 = 0.57735, t(0.975, 2) = 4.303 → 2 ± 2.48431.
        let small = ConfidenceInterval.t(values: [1, 2, 3])
        #expect(Self.close(small.low, 2 - 2.48431))
        #expect(Self.close(small.high, 2 + 2.48431))

        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, s² = 32/7, se = sqrt(32/56) = 0.755929, t(7) = 2.365 → 5 ± 1.78777.
        let eight = ConfidenceInterval.t(values: [2, 4, 4, 4, 5, 5, 7, 9])
        #expect(Self.close(eight.low, 5 - 1.78777))
        #expect(Self.close(eight.high, 5 + 1.78777))

        let single = ConfidenceInterval.t(values: [0.7])
        #expect(single.low == 0.7 && single.high == 0.7)
        let none = ConfidenceInterval.t(values: [])
        #expect(none.low == 0 && none.high == 0)
    }

    @Test func tCriticalBeyondTheTableIsCloseToKnownQuantiles() {
        #expect(ConfidenceInterval.tCritical(degreesOfFreedom: 1) == 12.706)
        #expect(ConfidenceInterval.tCritical(degreesOfFreedom: 30) == 2.042)
        #expect(Self.close(ConfidenceInterval.tCritical(degreesOfFreedom: 40), 2.021, 0.002))
        #expect(Self.close(ConfidenceInterval.tCritical(degreesOfFreedom: 120), 1.980, 0.002))
        #expect(Self.close(ConfidenceInterval.tCritical(degreesOfFreedom: 100_000), 1.95996, 0.001))
    }

    @Test func meanUsesWilsonForBinaryValuesAndTOtherwise() {
        let binary = ConfidenceInterval.mean([1, 1, 0, 1, 1, 1, 1, 0, 1, 1])
        let wilson = ConfidenceInterval.wilson(successes: 8, n: 10)
        #expect(binary.value == 0.8)
        #expect(binary.low == wilson.low)
        #expect(binary.high == wilson.high)

        let graded = ConfidenceInterval.mean([1, 2, 3])
        let t = ConfidenceInterval.t(values: [1, 2, 3])
        #expect(graded.value == 2)
        #expect(graded.low == t.low)
        #expect(graded.high == t.high)

        let empty = ConfidenceInterval.mean([])
        #expect(empty.value == 0 && empty.low == 0 && empty.high == 0)
    }
}
