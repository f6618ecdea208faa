import ArgumentParser
import SystemCardKit

/// `--max-cost`, `--price`, `--dry-run`: what a run may spend, at which prices, and what it would do.
struct CostArguments: ParsableArguments {
    @Option(help: "Stop cleanly (resumable) before a call that could take this invocation's spend past USD dollars.")
    var maxCost: Double?

    @Option(
        name: .customLong("price"),
        help: "A model's price, as provider/model=INPUT/OUTPUT in dollars per million tokens (repeatable; overrides the defaults).")
    var prices: [String] = []

    @Flag(help: "Print what would run (samples, calls, estimated tokens and cost) and stop before any model call.")
    var dryRun = false

    /// The price table: the defaults, then `configured` (a card config's `prices:`), then `--price`.
    func table(configured: [String: ModelPrice] = [:]) throws -> PriceTable {
        PriceTable(overrides: configured.merging(try PriceTable.overrides(parsing: prices)) { _, flag in flag })
    }

    /// The meter of this invocation (it always counts; it refuses calls only with `--max-cost`).
    func meter(configured: [String: ModelPrice] = [:]) throws -> SpendMeter {
        if let maxCost, !(maxCost >= 0) || !maxCost.isFinite {
            throw SystemCardError.invalidInput("--max-cost must be a number of dollars, 0 or more")
        }
        return SpendMeter(limit: maxCost, prices: try table(configured: configured))
    }
}
