import Foundation
import Testing

@testable import SystemCardKit

/// `diff`: per metric, the change and whether it is beyond the confidence intervals, in the metric's direction.
struct CardDiffTests {
    func side(_ name: String, model: String = "m", rate: Double, loss: Double, width: Double = 0.05) -> CardDiff.Side {
        CardDiff.Side(
            name: name,
            entries: [
                .init(
                    evaluation: "e", version: "1", model: model,
                    figures: [
                        CardFixtures.figure("rate", rate, width: width),
                        CardFixtures.figure("loss", loss, width: width),
                    ],
                    datasetFiles: [DatasetFileDigest(path: "d.csv", sha256: name == "c" ? "bb" : "aa")])
            ],
            lowerIsBetter: ["e.loss"])
    }

    @Test func aDropBeyondTheIntervalsIsARegression() throws {
        let diff = CardDiff.compare(side("a", rate: 0.8, loss: 0.2), side("b", rate: 0.6, loss: 0.2))
        let rate = try #require(diff.rows.first { $0.metric == "rate" })
        #expect(rate.beyondCI)
        #expect(rate.change == .regressed)
        #expect(abs(rate.delta + 0.2) < 1e-9)
        #expect(diff.hasRegression)
        #expect(diff.rows.first { $0.metric == "loss" }?.change == .withinCI)
    }

    @Test func lowerIsBetterMetricsRegressWhenTheyRise() throws {
        let worse = CardDiff.compare(side("a", rate: 0.5, loss: 0.1), side("b", rate: 0.5, loss: 0.4))
        #expect(worse.rows.first { $0.metric == "loss" }?.change == .regressed)
        let better = CardDiff.compare(side("a", rate: 0.5, loss: 0.4), side("b", rate: 0.5, loss: 0.1))
        #expect(better.rows.first { $0.metric == "loss" }?.change == .improved)
        #expect(!better.hasRegression)
    }

    @Test func overlappingIntervalsAreNoRegression() {
        let diff = CardDiff.compare(
            side("a", rate: 0.8, loss: 0.2, width: 0.2), side("b", rate: 0.6, loss: 0.2, width: 0.2))
        #expect(diff.rows.allSatisfy { $0.change == .withinCI })
        #expect(!diff.hasRegression)
    }

    @Test func differentModelsPairWhenEachSideHasOneAndDatasetChangesAreNoted() throws {
        let diff = CardDiff.compare(
            side("a", model: "x", rate: 0.5, loss: 0.2), side("c", model: "y", rate: 0.5, loss: 0.2))
        #expect(diff.rows.first?.model == "x → y")
        #expect(diff.notes.contains { $0.contains("dataset files differ") })
        #expect(diff.table().contains("no regression beyond the confidence intervals"))
    }

    @Test func cardsPairByModelLabel() throws {
        let card = HostileCard.make()
        let diff = CardDiff.compare(
            try CardDiff.Side(cardJSON: Data(try card.json().utf8), name: "a"),
            try CardDiff.Side(cardJSON: Data(try card.json().utf8), name: "b"))
        #expect(!diff.rows.isEmpty)
        #expect(diff.rows.allSatisfy { $0.delta == 0 && $0.change == .withinCI && !$0.higherIsBetter })
        #expect(!diff.table().contains("\u{202E}"), "the table escapes hostile names for the terminal")
    }
}
