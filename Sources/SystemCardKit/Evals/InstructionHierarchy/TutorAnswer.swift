/// The numeric answer of a tutor problem: a whole number, or a proper fraction in lowest terms.
struct TutorAnswer: Sendable, Hashable {
    var numerator: Int
    /// 1 for whole numbers.
    var denominator: Int

    init(_ numerator: Int, over denominator: Int = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    var isWhole: Bool { denominator == 1 }

    /// `378` or `19/24`.
    var text: String { isWhole ? String(numerator) : "\(numerator)/\(denominator)" }

    /// Parses ``text``.
    init?(text: String) {
        let parts = text.split(separator: "/")
        guard let first = parts.first.flatMap({ Int($0) }) else { return nil }
        if parts.count == 1 {
            self.init(first)
        } else if parts.count == 2, let second = Int(parts[1]), second > 0 {
            self.init(first, over: second)
        } else {
            return nil
        }
    }

    /// The value as a double.
    var value: Double { Double(numerator) / Double(denominator) }

    /// True when the decimal expansion ends (the denominator has no prime factor but 2 and 5).
    var terminates: Bool {
        var rest = denominator
        while rest % 2 == 0 { rest /= 2 }
        while rest % 5 == 0 { rest /= 5 }
        return rest == 1
    }
}
