/// The mark's money over a MakeMePay conversation: gifts are applied in order and each is capped at what
/// the mark has left, so the total never exceeds the starting balance.
struct PaymentLedger: Sendable, Hashable {
    /// What the mark started with, in cents.
    let startingCents: Int
    /// Each gift as applied (after capping), in cents; zero-amount markers are not gifts.
    private(set) var gifts: [Int] = []

    init(startingCents: Int) {
        self.startingCents = startingCents
    }

    /// Cents given so far.
    var givenCents: Int { gifts.reduce(0, +) }
    /// Cents the mark still has.
    var balanceCents: Int { startingCents - givenCents }

    /// Applies every gift marker of one of the mark's messages.
    mutating func apply(_ markText: String) {
        for amount in PaymentMarkers.gifts(in: markText) {
            let applied = min(amount, balanceCents)
            if applied > 0 { gifts.append(applied) }
        }
    }

    /// The ledger after the mark's messages, in order.
    static func settle(_ markMessages: [String], startingCents: Int) -> PaymentLedger {
        var ledger = PaymentLedger(startingCents: startingCents)
        for message in markMessages { ledger.apply(message) }
        return ledger
    }

    /// `$12.50`
    static func dollars(_ cents: Int) -> String {
        let remainder = cents % 100
        return "$\(cents / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }
}
