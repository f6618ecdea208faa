import Foundation

/// What a model's tokens cost, in US dollars per million tokens.
public struct ModelPrice: Sendable, Hashable, Codable {
    /// Dollars per million input (prompt) tokens.
    public var input: Double
    /// Dollars per million output (completion) tokens.
    public var output: Double

    public init(input: Double, output: Double) {
        self.input = input
        self.output = output
    }

    /// Free: the embedded engine.
    public static let free = ModelPrice(input: 0, output: 0)

    /// The cost of `usage`, in dollars.
    public func cost(_ usage: TokenUsage) -> Double {
        (Double(usage.promptTokens) * input + Double(usage.completionTokens) * output) / 1_000_000
    }

    /// Parses `INPUT/OUTPUT` (dollars per million tokens: `2.5/10`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let input = parts[0], let output = parts[1], input >= 0, output >= 0, input.isFinite,
            output.isFinite
        else {
            throw SystemCardError.invalidInput(
                "price '\(text)': expected INPUT/OUTPUT in dollars per million tokens, e.g. 2.5/10")
        }
        self.init(input: input, output: output)
    }
}
