import Foundation
import LocalInference
import Testing

/// Vocabulary-only GGUF files (tokenizer metadata, no tensors) and the choice of pre-tokeniser by
/// `tokenizer.ggml.pre`, on a tiny byte-level vocabulary whose merges reveal where words were split.
struct LocalTokenizerTests {
    /// Merges that join digits and a combining accent, so that a split word shows up as extra tokens.
    static var merges: [String] {
        ["1 2", "12 3", "123 4", SyntheticModel.byteTokens[0xCC] + " " + SyntheticModel.byteTokens[0x81], "e \(accent)"]
    }
    /// U+0301 COMBINING ACUTE ACCENT as byte-level symbols (UTF-8 CC 81).
    static var accent: String { SyntheticModel.byteTokens[0xCC] + SyntheticModel.byteTokens[0x81] }
    static let extra = ["12", "123", "1234", "xyz"]

    static func vocabulary(pre: String?, addBOS: Bool? = nil) throws -> URL {
        let tokens = SyntheticModel.specials + SyntheticModel.byteTokens + extra + [accent, "e" + accent]
        var b = GGUFBuilder()
        b.metadata = [
            ("general.architecture", .string("qwen2")),
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.tokens", .array(8, tokens.map { .string($0) })),
            ("tokenizer.ggml.token_type", .array(5, tokens.indices.map { .i32($0 < 3 ? 3 : 1) })),
            ("tokenizer.ggml.merges", .array(8, merges.map { .string($0) })),
            ("tokenizer.ggml.bos_token_id", .u32(0)),
        ]
        if let pre { b.metadata.append(("tokenizer.ggml.pre", .string(pre))) }
        if let addBOS { b.metadata.append(("tokenizer.ggml.add_bos_token", .bool(addBOS))) }
        return try GGUFBuilder.write(b.build(), name: "vocab")
    }

    static func tokenizer(pre: String?, addBOS: Bool? = nil) throws -> LocalTokenizer {
        let url = try vocabulary(pre: pre, addBOS: addBOS)
        defer { try? FileManager.default.removeItem(at: url) }
        return try LocalTokenizer(contentsOf: url)
    }

    @Test func aVocabularyOnlyFileLoadsAsATokenizerButNotAsAModel() throws {
        let url = try Self.vocabulary(pre: "qwen2")
        defer { try? FileManager.default.removeItem(at: url) }
        let tokenizer = try LocalTokenizer(contentsOf: url)
        #expect(tokenizer.vocabularySize == 3 + 256 + 6)
        #expect(tokenizer.tokenText(1) == "<|im_start|>")
        #expect(tokenizer.tokenText(-1) == nil)
        let text = "héllo wörld 👋 <|im_start|>"
        let ids = tokenizer.tokenize(text)
        #expect(!ids.contains(1))
        #expect(tokenizer.tokenize(text, parseSpecial: true).last == 1)
        #expect(tokenizer.detokenize(ids) == text)
        #expect(throws: LocalInferenceError.self) { try LocalModel(contentsOf: url) }
    }

    /// Digit runs: GPT-2 keeps them whole, Llama 3 cuts groups of three, Qwen2 and StarCoder single digits,
    /// llama.cpp's default (no `tokenizer.ggml.pre`) and Falcon groups of three ASCII digits.
    @Test(arguments: [
        ("gpt-2", 1), ("llama-bpe", 2), ("qwen2", 4), ("qwen35", 4), ("starcoder", 4), ("default", 2), ("falcon", 2),
        ("deepseek-llm", 1), ("deepseek-coder", 4),
    ])
    func digitsAreSplitAsLlamaCppDoes(_ pre: String, _ count: Int) throws {
        let tokenizer = try Self.tokenizer(pre: pre == "default" ? nil : pre)
        #expect(tokenizer.tokenize("1234").count == count)
        #expect(tokenizer.detokenize(tokenizer.tokenize("x 1234567 y")) == "x 1234567 y")
    }

    /// Qwen3.5 keeps combining marks in the word they follow; Qwen2 splits them off.
    @Test func qwen35KeepsCombiningMarksWithTheirLetter() throws {
        let decomposed = "e\u{301}"
        #expect(try Self.tokenizer(pre: "qwen35").tokenize(decomposed).count == 1)
        #expect(try Self.tokenizer(pre: "qwen2").tokenize(decomposed).count == 2)
    }

    /// The Llama 3 family takes a word found whole in the vocabulary without merges, and adds BOS unless the file
    /// says otherwise.
    @Test func llama3IgnoresMergesAndAddsBOSByDefault() throws {
        let llama3 = try Self.tokenizer(pre: "llama-bpe")
        #expect(llama3.tokenize("xyz").count == 1)
        #expect(llama3.tokenize("xyz", addSpecial: true).first == 0)
        #expect(try Self.tokenizer(pre: "llama-bpe", addBOS: false).tokenize("xyz", addSpecial: true).first != 0)
        let gpt2 = try Self.tokenizer(pre: "gpt-2")
        #expect(gpt2.tokenize("xyz").count == 3)
        #expect(gpt2.tokenize("xyz", addSpecial: true).first != 0)
    }

    @Test func anUnknownPreTokeniserIsRefused() throws {
        let url = try Self.vocabulary(pre: "no-such-pre")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try LocalTokenizer(contentsOf: url)
            Issue.record("expected an error")
        } catch let error as LocalInferenceError {
            #expect(error.code == .unsupportedTokenizer)
            #expect(error.message.contains("no-such-pre"))
        }
    }
}
