import ArgumentParser
import SystemCardKit

/// How every answer is sampled, shared by `eval` and `card` (a card's config file may set the same values;
/// the command line wins).
struct GenerationArguments: ParsableArguments {
    @Option(help: "Sampling temperature (default: the card config's, else the endpoint's).")
    var temperature: Double?

    @Option(help: "Maximum tokens per answer (default: the card config's or profile's, else the endpoint's).")
    var maxTokens: Int?

    @Option(help: "Seed sent to the model and used to shuffle the samples before --limit applies.")
    var seed: Int?

    @Option(help: "Reasoning effort passed through to reasoning models (low, medium, high).")
    var reasoningEffort: String?

    @Option(help: "Run each sample K times; metrics average the epochs per sample first.")
    var epochs: Int?

    @Option(help: "Dataset folder (default: $SYSTEMCARD_DATA_DIR or ~/.systemcard/datasets).")
    var dataDir: String?

    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    func validate() throws {
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let temperature, temperature < 0 { throw ValidationError("--temperature cannot be negative") }
    }

    /// The sampling settings these flags set (unset ones are left to the endpoint).
    var settings: GenerationSettings {
        GenerationSettings(temperature: temperature, maxTokens: maxTokens, seed: seed, reasoningEffort: reasoningEffort)
    }
}
