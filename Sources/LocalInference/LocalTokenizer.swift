import Foundation

/// The tokenizer of a GGUF file on its own, without the model weights.
///
/// Works on vocabulary-only files (llama.cpp's `models/ggml-vocab-*.gguf`: tokenizer metadata, no tensors) as well as
/// on full models. Tokenisation follows llama.cpp's `llama_tokenize`: special tokens are split out first (control
/// tokens only with `parseSpecial`), then the text is pre-tokenised and each word is byte-pair encoded.
public final class LocalTokenizer: Sendable {
    let bpe: BPETokenizer

    /// Loads the tokenizer described by the metadata of the GGUF file at `url`.
    /// - Throws: ``LocalInferenceError`` when the file is not GGUF, lacks tokenizer metadata or uses a tokenizer or
    ///   pre-tokeniser the engine does not implement.
    public convenience init(contentsOf url: URL) throws {
        try self.init(file: GGUFFile(contentsOf: url))
    }

    /// Builds the tokenizer from a parsed GGUF file's metadata.
    public init(file: GGUFFile) throws {
        bpe = try BPETokenizer(metadata: file.metadata)
    }

    init(bpe: BPETokenizer) {
        self.bpe = bpe
    }

    /// The number of tokens in the vocabulary.
    public var vocabularySize: Int { bpe.tokens.count }

    /// The text of token `id` as stored in the vocabulary (byte-level symbols for normal tokens), or nil.
    public func tokenText(_ id: Int32) -> String? {
        id >= 0 && Int(id) < bpe.tokens.count ? bpe.tokens[Int(id)] : nil
    }

    /// Tokenises `text`.
    /// - Parameters:
    ///   - addSpecial: prepend BOS when the vocabulary asks for it (`tokenizer.ggml.add_bos_token`).
    ///   - parseSpecial: recognise control tokens written in the text (e.g. `<|im_start|>`); user-defined tokens are
    ///     always recognised.
    public func tokenize(_ text: String, addSpecial: Bool = false, parseSpecial: Bool = false) -> [Int32] {
        bpe.tokenize(text, parseSpecial: parseSpecial, addBOS: addSpecial ? nil : false)
    }

    /// Decodes tokens to text (bytes are joined before UTF-8 decoding); control tokens are rendered as their text
    /// when `renderSpecial`.
    public func detokenize(_ tokens: [Int32], renderSpecial: Bool = true) -> String {
        bpe.detokenize(tokens, renderSpecial: renderSpecial)
    }
}
