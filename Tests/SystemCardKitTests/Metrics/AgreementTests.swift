import Foundation
import Testing
@testable import SystemCardKit

@Suite struct AgreementTests {
    static func pairs(_ counts: [(String, String, Int)]) -> [(reference: String, predicted: String)] {
        counts.flatMap { reference, predicted, count in Array(repeating: (reference, predicted), count: count) }
    }

    @Test func kappaOnAHandComputedTable() {
        //                predicted a   predicted b   total
        // reference a         20            5           25
        // reference b         10           15           25
        // total               30           20           50
        // agreement = (20 + 15) / 50 = 0.7
        // chance    = 25/50 × 30/50 + 25/50 × 20/50 = 0.3 + 0.2 = 0.5
        // kappa     = (0.7 − 0.5) / (1 − 0.5) = 0.4
        let agreement = Agreement(pairs: Self.pairs([("a", "a", 20), ("a", "b", 5), ("b", "a", 10), ("b", "b", 15)]))
        #expect(agreement.n == 50)
        #expect(abs(agreement.agreement - 0.7) < 1e-12)
        #expect(abs(agreement.kappa - 0.4) < 1e-12)
        #expect(agreement.confusion == ["a": ["a": 20, "b": 5], "b": ["a": 10, "b": 15]])
    }

    @Test func kappaWhenAgreementIsOnlyChance() {
        // Both raters say "a" 80% of the time independently: a/a 16, a/b 4, b/a 4, b/b 1.
        // agreement = 17/25 = 0.68; chance = 0.8 × 0.8 + 0.2 × 0.2 = 0.68 → kappa 0.
        let agreement = Agreement(pairs: Self.pairs([("a", "a", 16), ("a", "b", 4), ("b", "a", 4), ("b", "b", 1)]))
        #expect(abs(agreement.agreement - 0.68) < 1e-12)
        #expect(abs(agreement.kappa) < 1e-12)
    }

    @Test func perfectAgreementAndLabelsOnOneSideOnly() {
        let perfect = Agreement(pairs: Self.pairs([("x", "x", 3), ("y", "y", 2)]))
        #expect(perfect.agreement == 1)
        #expect(abs(perfect.kappa - 1) < 1e-12)

        // Everyone says "x": chance agreement is 1, and kappa is defined as 1.
        let constant = Agreement(pairs: Self.pairs([("x", "x", 4)]))
        #expect(constant.kappa == 1)

        // The predictor uses a label the reference never does: ref {a:2, b:2}, pred {a:2, c:2}.
        // agreement 0.5, chance = 0.5 × 0.5 = 0.25 → kappa = 0.25 / 0.75 = 1/3.
        let extra = Agreement(pairs: Self.pairs([("a", "a", 2), ("b", "c", 2)]))
        #expect(abs(extra.kappa - 1.0 / 3.0) < 1e-12)
    }

    @Test func noPairs() {
        let empty = Agreement(pairs: [])
        #expect(empty.n == 0)
        #expect(empty.agreement == 0)
        #expect(empty.kappa == 0)
        #expect(empty.confusion.isEmpty)
    }
}
