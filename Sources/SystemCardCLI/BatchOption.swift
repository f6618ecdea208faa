import ArgumentParser
import SystemCardKit

/// `--batch`: send the calls through the provider's batch API (OpenAI's: half price, answered within 24 hours).
struct BatchOption: ParsableArguments {
    @Flag(
        help: """
            Send the calls through the endpoint's Batch API (half price, answered within 24 h) for evaluations whose \
            calls do not depend on earlier answers; a killed run polls its batches again instead of paying twice.
            """)
    var batch = false

    @Option(help: "Seconds between two polls of a batch's state (with --batch).")
    var batchPollInterval: Double = 30

    /// The settings, or nil without `--batch`.
    func settings() throws -> BatchSettings? {
        guard batch else { return nil }
        guard batchPollInterval > 0, batchPollInterval.isFinite else {
            throw SystemCardError.invalidInput("--batch-poll-interval must be a number of seconds above 0")
        }
        return BatchSettings(pollInterval: .milliseconds(Int(batchPollInterval * 1000)))
    }
}
