/// What an indicator's value measures and the range it can take. A value outside the range (a metric in
/// dollars read as a share, say) cannot raise a level: the reading says so instead.
public struct IndicatorUnit: Sendable, Hashable, Codable {
    /// `share`, `dollars`, …
    public var name: String
    /// The smallest value the unit allows.
    public var lowest: Double
    /// The largest value the unit allows.
    public var highest: Double

    /// A unit named `name` whose values lie in `range`.
    public init(_ name: String, range: ClosedRange<Double>) {
        self.name = name
        self.lowest = range.lowerBound
        self.highest = range.upperBound
    }

    /// A share of samples or a rate: 0 to 1.
    public static let share = IndicatorUnit("share", range: 0...1)

    /// Whether `value` is a value of this unit.
    func contains(_ value: Double) -> Bool { value >= lowest && value <= highest }

    /// `share (0–1)`.
    var description: String { "\(name) (\(CardNumber.value(lowest))–\(CardNumber.value(highest)))" }
}
