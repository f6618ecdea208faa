/// The numeric answer of a tutor problem: a whole number, or a proper fraction in lowest terms.
public struct TutorAnswer: Sendable, Hashable {
    public var numerator: Int
    /// 1 for whole numbers.
    public var denominator: Int

    public init(_ numerator: Int, over denominator: Int = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isWhole: Bool { denominator == 1 }

    /// `378` or `19/24`.
    public var text: String { isWhole ? String(numerator) : "\(numerator)/\(denominator)" }

    /// Parses ``text``.
    public init?(text: String) {
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
    public var value: Double { Double(numerator) / Double(denominator) }

    /// True when the decimal expansion ends (the denominator has no prime factor but 2 and 5).
    public var terminates: Bool {
        var rest = denominator
        while rest % 2 == 0 { rest /= 2 }
        while rest % 5 == 0 { rest /= 5 }
        return rest == 1
    }
}
