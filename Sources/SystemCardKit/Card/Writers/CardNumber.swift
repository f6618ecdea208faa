import Foundation

/// How the card writes figures: three decimals, intervals in brackets.
enum CardNumber {
    static func value(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        return String(format: "%.3f", value)
    }

    static func interval(_ figure: CardFigure) -> String {
        "[\(value(figure.ciLow)), \(value(figure.ciHigh))]"
    }

    /// `×1.50`.
    static func ratio(_ value: Double) -> String { "×" + String(format: "%.2f", value) }

    static func signed(_ delta: Double) -> String {
        (delta >= 0 ? "+" : "") + value(delta)
    }
}
