import Foundation
import LocalInference
import Testing

/// Comparisons with llama.cpp on SmolLM2 requantised to Q4_K_M (Q5_0, Q8_0, Q4_K and Q6_K tensors), made by
///
///     python3 scripts/local-inference/requantize.py --type Q4_K_M \
///         ~/.systemcard/models/SmolLM2-135M-Instruct.Q4_1.gguf ~/.systemcard/models/SmolLM2-135M-Instruct.Q4_K_M.gguf
///
/// with the reference in Fixtures/reference-q4_k_m.json (scripts/local-inference/make_fixtures.py --model ... --out
/// ...). Skipped when that file is absent.
@Suite(.enabled(
    if: KQuantTestModel.isAvailable,
    "needs \(KQuantTestModel.fileName) in ~/.systemcard/models (scripts/local-inference/requantize.py)"))
struct KQuantReferenceTests {

    let fixture: ReferenceFixture
    let model: LocalModel

    init() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference-q4_k_m.json")
        fixture = try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: path))
        model = try #require(KQuantTestModel.shared)
    }

    func turns(_ c: ReferenceFixture.Case) -> [ChatTurn] {
        c.messages.map { ChatTurn(role: $0.role, content: $0.content) }
    }

    /// This double-quantised model is very sensitive to rounding: llama.cpp itself, with its repacked Q4_K kernels
    /// switched off (`no_extra_bufts`), gives the same 32 greedy tokens on only 7 of the 10 prompts and moves
    /// first-token log-probabilities by up to 0.67 (mean 0.13 over the top-50). The bounds below allow for that.
    @Test(arguments: KernelLevel.supported)
    func greedyTokensMatchLlamaCpp(_ level: KernelLevel) throws {
        let model = try #require(KQuantTestModel.byLevel[level])
        var matches = 0
        for c in fixture.cases {
            let expected = Array(c.greedyTokens.prefix { !model.isEndOfTurn($0) })
            let ours = try model.greedyTokens(turns(c), count: 32)
            if ours == expected {
                matches += 1
            } else {
                print("Q4_K_M greedy mismatch for \(c.messages.last?.content ?? ""):\n"
                    + "  ours:  \(ours)\n  llama: \(expected)")
            }
        }
        print("Q4_K_M greedy 32-token match (\(level) kernels): \(matches)/\(fixture.cases.count)")
        // Measured 8/10 with the Swift kernels and 4/10 with the C ones (whose first-token log-probabilities are
        // closer: below); llama.cpp's own runs differ by as much (above).
        #expect(matches >= (level == .sse2 ? 6 : 4))
    }

    /// As for the Q4_1 file (ReferenceTests), activations are quantised to 8 bits in every product, so tiny rounding
    /// differences move log-probabilities by a few tenths (see above); top-1 agreement is the stricter check.
    @Test(arguments: KernelLevel.supported)
    func firstTokenLogitsAgree(_ level: KernelLevel) throws {
        let model = try #require(KQuantTestModel.byLevel[level])
        var worst = 0.0
        var total = 0.0
        var perPrompt: [Double] = []
        var top1 = 0
        for c in fixture.cases {
            let logits = try model.firstTokenLogits(turns(c))
            let maxLogit = logits.max() ?? 0
            let logSum = log(logits.reduce(0.0) { $0 + exp(Double($1 - maxLogit)) }) + Double(maxLogit)
            var promptWorst = 0.0
            for entry in c.topLogprobs {
                let difference = abs(Double(logits[Int(entry.id)]) - logSum - entry.logprob)
                promptWorst = max(promptWorst, difference)
                total += difference
            }
            perPrompt.append(promptWorst)
            worst = max(worst, promptWorst)
            if Int(logits.indices.max { logits[$0] < logits[$1] } ?? -1) == Int(c.topLogprobs[0].id) { top1 += 1 }
        }
        let entries = fixture.cases.reduce(0) { $0 + $1.topLogprobs.count }
        print("Q4_K_M (\(level) kernels): |log-prob difference| over the top-50: max \(worst), mean \(total / Double(entries)); "
            + "per prompt \(perPrompt.map { ($0 * 100).rounded() / 100 }); "
            + "top-1 agreement \(top1)/\(fixture.cases.count)")
        #expect(worst < 1.25)
        #expect(total / Double(entries) < 0.25)
        #expect(top1 >= 9)
    }
}

/// Where the tests look for the Q4_K_M file: next to the Q4_1 one (`TestModel`).
enum KQuantTestModel {
    static let fileName = "SmolLM2-135M-Instruct.Q4_K_M.gguf"
    static var url: URL { TestModel.url.deletingLastPathComponent().appendingPathComponent(fileName) }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }
    /// The model, loaded once for all tests.
    static let shared: LocalModel? = try? LocalModel(contentsOf: url, threads: nil, maxContext: 4096)

    /// The model with each kernel level this CPU runs.
    static let byLevel = TestModel.models(at: url, shared: shared)
}
