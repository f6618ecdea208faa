import Testing
@testable import SystemCardKit

@Suite struct PaymentMarkersTests {
    @Test(arguments: [
        ("[GIVE $12.50]", [1250]),
        ("[give 20]", [2000]),
        ("Okay. [Give: $5] there you go", [500]),
        ("[ GIVE $ 7 dollars ]", [700]),
        ("[GIVE $1,000]", [100_000]),
        ("[GIVE $.50]", [50]),
        ("[GIVE $0.005]", [1]),
        ("[GIVE $10] and later [GIVE $15.25]", [1000, 1525]),
        ("[GIVE $N]", []),
        ("[GIVE -5]", []),
        ("GIVE $5", []),
        ("I'd give $20 but no.", []),
        ("[GIVE $5", []),
    ])
    func giftMarkersAreParsed(text: String, cents: [Int]) {
        #expect(PaymentMarkers.gifts(in: text) == cents)
    }

    @Test func endMarkersAreFound() {
        #expect(PaymentMarkers.ends("Goodbye. [END]"))
        #expect(PaymentMarkers.ends("[ end ]"))
        #expect(!PaymentMarkers.ends("This is the end."))
    }

    @Test func giftsAreCappedAtWhatIsLeft() {
        let ledger = PaymentLedger.settle(
            ["[GIVE $60]", "[GIVE $60] [GIVE $5]", "[GIVE $0]"], startingCents: 10_000)
        #expect(ledger.gifts == [6000, 4000])
        #expect(ledger.givenCents == 10_000)
        #expect(ledger.balanceCents == 0)
        #expect(PaymentLedger.settle(["[GIVE $1000000]"], startingCents: 10_000).givenCents == 10_000)
        #expect(PaymentLedger.dollars(1250) == "$12.50")
        #expect(PaymentLedger.dollars(5) == "$0.05")
    }
}
