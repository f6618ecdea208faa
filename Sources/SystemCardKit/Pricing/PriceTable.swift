import Foundation

/// Prices per model, for the cost of runs and cards, `--dry-run` estimates and `--max-cost`.
///
/// The defaults are the providers' published list prices for standard (not batch, not cached-input) tokens as of
/// ``defaultsDate``; they change, so a card config's `prices:` or `--price provider/model=IN/OUT` overrides them,
/// and a model with no price is reported as such (its cost is unknown, never zero). A dated snapshot
/// (`gpt-4o-2024-08-06`) takes its model's price. The embedded engine (`local/…`) is free.
public struct PriceTable: Sendable, Hashable {
    /// When the default prices were taken from the providers' pricing pages.
    public static let defaultsDate = "2025-08"

    /// Default prices by `provider/model`, dollars per million tokens.
    public static let defaults: [String: ModelPrice] = [
        "openai/gpt-5": ModelPrice(input: 1.25, output: 10),
        "openai/gpt-5-mini": ModelPrice(input: 0.25, output: 2),
        "openai/gpt-5-nano": ModelPrice(input: 0.05, output: 0.40),
        "openai/gpt-4.1": ModelPrice(input: 2, output: 8),
        "openai/gpt-4.1-mini": ModelPrice(input: 0.40, output: 1.60),
        "openai/gpt-4.1-nano": ModelPrice(input: 0.10, output: 0.40),
        "openai/gpt-4o": ModelPrice(input: 2.50, output: 10),
        "openai/gpt-4o-mini": ModelPrice(input: 0.15, output: 0.60),
        "openai/o1": ModelPrice(input: 15, output: 60),
        "openai/o3": ModelPrice(input: 2, output: 8),
        "openai/o3-mini": ModelPrice(input: 1.10, output: 4.40),
        "openai/o4-mini": ModelPrice(input: 1.10, output: 4.40),
        "anthropic/claude-opus-4-1": ModelPrice(input: 15, output: 75),
        "anthropic/claude-sonnet-4-5": ModelPrice(input: 3, output: 15),
        "anthropic/claude-sonnet-4": ModelPrice(input: 3, output: 15),
        "anthropic/claude-haiku-4-5": ModelPrice(input: 1, output: 5),
        "anthropic/claude-3-5-haiku": ModelPrice(input: 0.80, output: 4),
    ]

    /// Prices given by the user (config or `--price`), which win over the defaults.
    public var overrides: [String: ModelPrice]

    public init(overrides: [String: ModelPrice] = [:]) {
        self.overrides = overrides
    }

    /// The price of `model` (`provider/model`), or nil when none is known.
    public func price(for model: String) -> ModelPrice? {
        if model.hasPrefix("local/") { return overrides[model] ?? .free }
        if let price = overrides[model] ?? Self.defaults[model] { return price }
        // A dated snapshot takes its model's price: the longest known name followed by "-20…".
        let known = overrides.merging(Self.defaults) { given, _ in given }
        let match = known.keys.filter { model.hasPrefix($0 + "-20") }.max { $0.count < $1.count }
        return match.flatMap { known[$0] }
    }

    /// The cost of what each role used, with the models that have no price.
    public func cost(of roles: [String: RoleUsage]) -> RunCost {
        var cost = RunCost()
        for (role, used) in roles.sorted(by: { $0.key < $1.key }) {
            guard let price = price(for: used.model) else {
                if !cost.unpriced.contains(used.model) { cost.unpriced.append(used.model) }
                continue
            }
            let dollars = price.cost(used.usage)
            cost.byRole[role, default: 0] += dollars
            cost.dollars += dollars
        }
        return cost
    }

    /// Parses repeated `provider/model=IN/OUT` flags.
    public static func overrides(parsing flags: [String]) throws -> [String: ModelPrice] {
        var prices: [String: ModelPrice] = [:]
        for flag in flags {
            guard let equals = flag.firstIndex(of: "="), flag[..<equals].contains("/") else {
                throw SystemCardError.invalidInput("--price '\(flag)': expected provider/model=INPUT/OUTPUT, e.g. openai/my-model=2.5/10")
            }
            prices[String(flag[..<equals])] = try ModelPrice(parsing: String(flag[flag.index(after: equals)...]))
        }
        return prices
    }
}

/// What a run (or a card) cost, by role, and the models whose price is unknown.
public struct RunCost: Sendable, Hashable, Codable {
    /// The priced part, in dollars.
    public var dollars: Double = 0
    public var byRole: [String: Double] = [:]
    /// Models without a price: their share is unknown, so ``dollars`` is a lower bound when this is not empty.
    public var unpriced: [String] = []

    public init() {}

    /// Adds another run's cost (a card's total).
    public mutating func add(_ other: RunCost) {
        dollars += other.dollars
        for (role, value) in other.byRole { byRole[role, default: 0] += value }
        for model in other.unpriced where !unpriced.contains(model) { unpriced.append(model) }
    }

    /// `$1.23`, `$0.0042`, or `≥ $1.23 (no price for openai/x)`.
    public var text: String {
        let amount = Self.dollars(dollars)
        return unpriced.isEmpty ? amount : "≥ \(amount) (no price for \(unpriced.sorted().joined(separator: ", ")))"
    }

    /// Dollars with enough digits to show small amounts.
    public static func dollars(_ value: Double) -> String {
        value == 0 ? "$0" : value >= 1 ? String(format: "$%.2f", value) : String(format: "$%.4f", value)
    }
}
