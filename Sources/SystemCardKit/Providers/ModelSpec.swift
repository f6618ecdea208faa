/// A model named on the command line: `openai/<model>` for any OpenAI-compatible endpoint,
/// `local/<name-or-path.gguf>` for the embedded engine.
public struct ModelSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the model runs.
    public enum Provider: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any OpenAI-compatible chat completions endpoint.
        case openai
        /// Anthropic's Messages API.
        case anthropic
        /// The embedded engine, with a GGUF file.
        case local
    }

    /// Where the model runs.
    public var provider: Provider
    /// The model's name at the endpoint, or a local catalog name or `.gguf` path.
    public var model: String

    /// Creates a spec from its parts.
    public init(provider: Provider, model: String) {
        self.provider = provider
        self.model = model
    }

    /// Parses `provider/model`. The model part may itself contain slashes (`openai/meta-llama/Llama-3`).
    public init(parsing text: String) throws {
        guard let slash = text.firstIndex(of: "/") else {
            throw SystemCardError.invalidInput(
                "model '\(text)' has no provider; write it as openai/<model> (any OpenAI-compatible endpoint), "
                    + "anthropic/<model> or local/<name-or-path.gguf>")
        }
        let prefix = String(text[..<slash])
        let model = String(text[text.index(after: slash)...])
        guard let provider = Provider(rawValue: prefix) else {
            throw SystemCardError.invalidInput(
                "unknown model provider '\(prefix)' in '\(text)'; known providers: "
                    + Provider.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard !model.isEmpty else {
            throw SystemCardError.invalidInput("model '\(text)' names no model after '\(prefix)/'")
        }
        self.init(provider: provider, model: model)
    }

    /// `provider/model`, which ``init(parsing:)`` reads back.
    public var description: String { "\(provider.rawValue)/\(model)" }
}
