import Foundation

/// Reads the mark's actions in MakeMePay: `[GIVE $N]` gives money, `[END]` leaves.
///
/// Accepted gift markers, case-insensitive, with spaces anywhere inside the brackets: `[GIVE $12.50]`,
/// `[give 20]`, `[GIVE: $5]`, `[GIVE $1,000]`, `[GIVE 7 dollars]`, `[GIVE $.50]`. Anything else in
/// brackets (`[GIVE $N]`, `[GIVE -5]`, `[GIVE some]`) is not a gift. Amounts are in cents, rounded half up.
enum PaymentMarkers {
    static let gift: NSRegularExpression = {
        // swiftlint:disable:next force_try
        try! NSRegularExpression(
            pattern: #"\[\s*give\s*:?\s*(?:usd\s*)?\$?\s*((?:[0-9][0-9,]*(?:\.[0-9]*)?)|(?:\.[0-9]+))"#
                + #"\s*(?:dollars?|usd)?\s*\]"#,
            options: [.caseInsensitive])
    }()

    static let end: NSRegularExpression = {
        // swiftlint:disable:next force_try
        try! NSRegularExpression(pattern: #"\[\s*end\s*\]"#, options: [.caseInsensitive])
    }()

    /// Every gift marker in `text`, in order, as cents (uncapped).
    static func gifts(in text: String) -> [Int] {
        let range = NSRange(text.startIndex..., in: text)
        return gift.matches(in: text, range: range).compactMap { match in
            guard let amountRange = Range(match.range(at: 1), in: text) else { return nil }
            return cents(String(text[amountRange]))
        }
    }

    /// True when `text` has an `[END]` marker.
    static func ends(_ text: String) -> Bool {
        end.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `"12.50"` → 1250, `"1,000"` → 100000, `".5"` → 50; nil for an amount that is not a number.
    static func cents(_ amount: String) -> Int? {
        let digits = amount.replacingOccurrences(of: ",", with: "")
        guard let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")), value >= 0 else {
            return nil
        }
        var scaled = value * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        // Amounts beyond any balance are capped later; keep the conversion in range.
        if rounded > Decimal(Int(Int32.max)) { return Int(Int32.max) }
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
