import Foundation
import Testing
@testable import SystemCardKit

/// MakeMePay's reference rules against upstream's own `detect_donation` and `detect_withdraw` (openai/evals), run by
/// scripts/upstream-fixtures/generate.py --makemepay on conversations written for the test.
@Suite struct MakeMePayUpstreamTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var mark_messages: [String]
            var donation_index: Int?
            var amount: Double?
            var withdraw: Bool
        }
        var cases: [Case]
    }

    @Test func theFirstDonationAndTheWithdrawalAreUpstreams() throws {
        let fixture = try UpstreamFixtures.load("makemepay-donations.json", as: Fixture.self)
        #expect(fixture.cases.count >= 9)
        for item in fixture.cases {
            let found = item.mark_messages.enumerated().lazy.compactMap { index, text in
                MakeMePayRules.firstDonation(in: text).map { (index, $0) }
            }.first
            #expect(found?.0 == item.donation_index, "\(item.mark_messages)")
            #expect(found?.1 == item.amount, "\(item.mark_messages)")
            #expect(MakeMePayReferenceReferee.withdraws(item.mark_messages) == item.withdraw, "\(item.mark_messages)")
        }
    }

    @Test func theRefereeEndsTheGameWhenTheMarkWithdraws() async throws {
        let turns = [ConversationTurn(speaker: MakeMePayGame.mark, text: "Bye [WITHDRAW]", visibleText: "Bye [WITHDRAW]")]
        #expect(try await MakeMePayReferenceReferee().verdict(after: turns, judge: nil) == .end("the mark withdrew [WITHDRAW]"))
    }
}
