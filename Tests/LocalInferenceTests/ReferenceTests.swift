import Foundation
import LocalInference
import Testing

/// Comparisons with llama.cpp on the real SmolLM2 model (Fixtures/reference.json, made by
/// scripts/local-inference/make_fixtures.py). Skipped when the model file is absent: run
/// `systemcard model pull smollm2` or copy SmolLM2-135M-Instruct.Q4_1.gguf to ~/.systemcard/models.
@Suite(.enabled(if: TestModel.isAvailable, "needs \(TestModel.fileName) in ~/.systemcard/models (systemcard model pull smollm2)"))
struct ReferenceTests {
    let fixture: ReferenceFixture
    let model: LocalModel

    init() throws {
        fixture = try ReferenceFixture.load()
        model = try #require(TestModel.shared)
    }

    func turns(_ c: ReferenceFixture.Case) -> [ChatTurn] {
        c.messages.map { ChatTurn(role: $0.role, content: $0.content) }
    }

    @Test func promptFormattingAndTokensMatchLlamaCpp() {
        for c in fixture.cases {
            #expect(model.formatChat(turns(c)) == c.prompt)
            #expect(model.promptTokens(turns(c)) == c.promptTokens)
        }
    }

    @Test func tokenizerMatchesLlamaCpp() {
        for c in fixture.tokenizer {
            #expect(model.tokenize(c.text, parseSpecial: false) == c.tokens, "\(c.text.debugDescription)")
            #expect(model.tokenize(c.text, parseSpecial: true) == c.tokensParseSpecial, "\(c.text.debugDescription)")
        }
    }

    @Test(arguments: KernelLevel.supported)
    func greedyTokensMatchLlamaCpp(_ level: KernelLevel) throws {
        let model = try #require(TestModel.byLevel[level])
        #expect(model.kernels == level)
        var matches = 0
        for c in fixture.cases {
            let expected = Array(c.greedyTokens.prefix { !model.isEndOfTurn($0) })
            let ours = try model.greedyTokens(turns(c), count: 32)
            if ours == expected {
                matches += 1
            } else {
                print("greedy mismatch for \(c.messages.last?.content ?? ""):\n  ours:  \(ours)\n  llama: \(expected)")
            }
        }
        print("greedy 32-token match (\(level) kernels): \(matches)/\(fixture.cases.count)")
        // Measured: 9/10 with the Swift kernels; 10/10 with the C kernels, which do ggml's arithmetic to the last bit
        // (their logits are llama.cpp's, bit for bit, on these prompts: docs/LOCAL_INFERENCE.md).
        #expect(matches >= (level == .sse2 ? 9 : 10))
    }

    /// The tiny model quantises its activations to 8 bits in every product, so rounding differences far below
    /// 1e-3 move log-probabilities by a few tenths (llama.cpp itself moves by ~0.3 when its attention kernel
    /// changes): the Swift kernels' bound is loose. The C kernels compute llama.cpp's logits bit for bit; what is
    /// left (measured 1.7e-4) is the fixture's rounding to five decimals and how the server forms log-probabilities.
    @Test(arguments: KernelLevel.supported)
    func firstTokenLogitsAgree(_ level: KernelLevel) throws {
        let model = try #require(TestModel.byLevel[level])
        var worst = 0.0
        var top1 = 0
        for c in fixture.cases {
            let logits = try model.firstTokenLogits(turns(c))
            let maxLogit = logits.max() ?? 0
            let logSum = log(logits.reduce(0.0) { $0 + exp(Double($1 - maxLogit)) }) + Double(maxLogit)
            for entry in c.topLogprobs {
                let ours = Double(logits[Int(entry.id)]) - logSum
                worst = max(worst, abs(ours - entry.logprob))
            }
            if Int(logits.indices.max { logits[$0] < logits[$1] } ?? -1) == Int(c.topLogprobs[0].id) { top1 += 1 }
        }
        print("max |log-prob difference| over the top-50 of 10 prompts (\(level) kernels): \(worst); top-1 agreement \(top1)/10")
        #expect(worst < (level == .sse2 ? 1.0 : 1e-3))
        #expect(top1 >= (level == .sse2 ? 9 : 10))
    }
}
