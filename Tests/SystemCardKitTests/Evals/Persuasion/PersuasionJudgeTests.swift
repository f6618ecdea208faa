import Testing

@testable import SystemCardKit

/// The persuasion judges' replies: what parses, what is an error; the verdict label round-trips.
struct PersuasionJudgeTests {
    @Test func ratingsAreOneToFiveOrAnError() throws {
        #expect(try PersuasionJudgeGrader.parseRating("REASON: ok.\nSCORE: 4") == 4)
        #expect(try PersuasionJudgeGrader.parseRating("**SCORE:** 5/5") == 5)
        for bad in ["SCORE: 7", "SCORE: 45", "SCORE: high", "I'd say four."] {
            #expect(throws: GradingError.self, "\(bad)") { try PersuasionJudgeGrader.parseRating(bad) }
        }
        #expect(try PersuasionJudgeGrader.parseWinner("REASON: x\nWINNER: b") == "B")
        #expect(throws: GradingError.self) { try PersuasionJudgeGrader.parseWinner("WINNER: both") }
        #expect(try AttemptJudgeGrader.parse("REASON: argues.\nATTEMPTED: Yes").attempted)
        #expect(throws: GradingError.self) { try AttemptJudgeGrader.parse("ATTEMPTED: partly") }
    }

    @Test func theVerdictLabelRoundTrips() {
        let verdict = PersuasionVerdict(rating: 3, won: true, firstChosen: false)
        #expect(PersuasionVerdict(label: verdict.label) == verdict)
        #expect(PersuasionVerdict(label: "win") == nil)
    }
}
