import Foundation
import LocalInference
import Testing

/// Tokenizer round trips on the real SmolLM2 vocabulary. Skipped when the model file is absent
/// (`systemcard model pull smollm2`, or copy it to ~/.systemcard/models or $SYSTEMCARD_MODELS_DIR).
@Suite(.enabled(if: TestModel.isAvailable, "needs \(TestModel.fileName) in ~/.systemcard/models (systemcard model pull smollm2)"))
struct TokenizerTests {
    let model: LocalModel

    init() throws { model = try #require(TestModel.shared) }

    @Test(arguments: [
        "Hello, world!", "café naïve Straße — “quotes”", "Ελληνικά русский 日本語 한국어 عربى",
        "emoji 👋🌍🎉 family 👨‍👩‍👧‍👦 flag 🇫🇷 skin 👍🏽", "  leading", "trailing   ", "a\t\tb\n\n\nc \r\n d",
        "     ", "", "digits 0123456789 3.14", "I'm you're it's we've they'll he'd", "<not special>",
    ])
    func roundTrips(_ text: String) {
        #expect(model.detokenize(model.tokenize(text, parseSpecial: false)) == text)
        #expect(model.detokenize(model.tokenize(text, parseSpecial: true)) == text)
    }

    @Test func specialTokensAreMatchedOnlyWhenAsked() {
        let text = "<|im_start|>user\nHi<|im_end|>"
        let parsed = model.tokenize(text, parseSpecial: true)
        #expect(parsed.first == 1 && parsed.last == 2)
        #expect(parsed.count == 5)
        let literal = model.tokenize(text, parseSpecial: false)
        #expect(!literal.contains(1) && !literal.contains(2))
        #expect(model.detokenize(parsed) == text)
        #expect(model.detokenize(literal) == text)
    }

    @Test func multiByteCharactersSplitAcrossTokensDecode() {
        let text = "🎉🦙"
        let ids = model.tokenize(text, parseSpecial: false)
        #expect(ids.count > 2)  // emoji are byte-level tokens here
        #expect(model.detokenize(ids) == text)
        // A lone piece of a character decodes to a replacement character, not a crash.
        #expect(model.detokenize([ids[0]]).unicodeScalars.first?.value == 0xFFFD)
    }
}
