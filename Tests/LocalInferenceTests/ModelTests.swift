import Foundation
import LocalInference
import Testing

/// Loading, chat formatting, sampling and error handling on tiny synthetic models.
struct ModelTests {
    let turns = [ChatTurn(role: "user", content: "hello")]

    @Test func loadsAndDescribesTheModel() throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        #expect(model.architecture == "llama")
        #expect(model.name == "synthetic llama")
        #expect(model.chatTemplateFamily == "chatml")
        #expect(model.contextLength == 256)
    }

    @Test func chatMLInsertsTheTemplatesDefaultSystemPrompt() throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        #expect(model.formatChat(turns)
            == "<|im_start|>system\nYou are a test model<|im_end|>\n<|im_start|>user\nhello<|im_end|>\n"
            + "<|im_start|>assistant\n")
        let withSystem = [ChatTurn(role: "system", content: "Be brief."), ChatTurn(role: "user", content: "hi"),
                          ChatTurn(role: "assistant", content: "Hello!"), ChatTurn(role: "user", content: "bye")]
        #expect(model.formatChat(withSystem)
            == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n"
            + "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nbye<|im_end|>\n<|im_start|>assistant\n")
    }

    @Test func detectsOtherTemplateFamilies() throws {
        let llama3 = "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>"
            + "\n\n{{ m['content'] | trim }}<|eot_id|>{% endfor %}"
        let model = try SyntheticModel.load(SyntheticModel.build(template: llama3))
        #expect(model.chatTemplateFamily == "llama3")
        #expect(model.formatChat([ChatTurn(role: "user", content: " hi ")])
            == "<|im_start|><|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n")

        let gemma = "{{ bos_token }}{% for m in messages %}<start_of_turn>{{ m['role'] }}{% endfor %}"
        let g = try SyntheticModel.load(SyntheticModel.build(template: gemma))
        #expect(g.chatTemplateFamily == "gemma")
        #expect(g.formatChat([ChatTurn(role: "system", content: "S"), ChatTurn(role: "user", content: "U"),
                              ChatTurn(role: "assistant", content: "A")])
            == "<|im_start|><start_of_turn>user\nS\n\nU<end_of_turn>\n<start_of_turn>model\nA<end_of_turn>\n"
            + "<start_of_turn>model\n")

        let plain = try SyntheticModel.load(SyntheticModel.build(template: nil))
        #expect(plain.chatTemplateFamily == "plain")
        #expect(plain.formatChat(turns) == "User: hello\n\nAssistant:")
    }

    @Test func tokenizesWithMergesAndSpecialTokens() throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let ids = model.tokenize("hello", parseSpecial: false)
        #expect(ids.count == 2)  // "hell" + "o"
        #expect(model.detokenize(ids) == "hello")
        #expect(model.tokenize("<|im_end|>", parseSpecial: true) == [2])
        #expect(model.tokenize("<|im_end|>", parseSpecial: false).count == 10)
        for text in ["héllo wörld 👋🏽", "  spaces\t\ttabs\n\nnewlines  ", "12345 + 678", "日本語テキスト"] {
            #expect(model.detokenize(model.tokenize(text, parseSpecial: false)) == text)
        }
    }

    @Test func greedyIsDeterministicAndSeedsReproduce() throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let a = try model.generate(turns, options: SamplingOptions(maxTokens: 12))
        let b = try model.generate(turns, options: SamplingOptions(maxTokens: 12))
        #expect(a.text == b.text)
        #expect(a.promptTokens == model.promptTokens(turns).count)
        #expect(a.completionTokens <= 12)
        #expect(a.finishReason == (a.completionTokens == 12 ? "length" : "stop"))
        let sampled = SamplingOptions(temperature: 1.0, topP: 0.9, seed: 42, maxTokens: 16)
        let s1 = try model.generate(turns, options: sampled)
        let s2 = try model.generate(turns, options: sampled)
        #expect(s1.text == s2.text)
        // Greedy tokens do not depend on the thread count or on earlier calls (the KV cache is reused).
        let single = try SyntheticModel.load(SyntheticModel.build(), threads: 1)
        #expect(try single.greedyTokens(turns, count: 12) == (try model.greedyTokens(turns, count: 12)))
        #expect(try single.firstTokenLogits(turns) == (try model.firstTokenLogits(turns)))
        let zero = try model.generate(turns, options: SamplingOptions(maxTokens: 0))
        #expect(zero.completionTokens == 0 && zero.text.isEmpty && zero.finishReason == "length")
    }

    @Test func longPromptsAreBatchedConsistently() throws {
        // 100+ prompt tokens: several batches of the 4-row kernels plus remainders, and the f32 attention path.
        let model = try SyntheticModel.load(SyntheticModel.build())
        let long = [ChatTurn(role: "user", content: String(repeating: "hello world, ", count: 12))]
        let first = try model.firstTokenLogits(long)
        #expect(first.count == 262 && first.allSatisfy { $0.isFinite })
        let again = try SyntheticModel.load(SyntheticModel.build(), threads: 1).firstTokenLogits(long)
        #expect(first == again)
    }

    @Test(arguments: [UInt32(0), 1, 2, 3, 8])
    func everyWeightTypeRuns(_ type: UInt32) throws {
        let model = try SyntheticModel.load(SyntheticModel.build(weightType: type))
        let logits = try model.firstTokenLogits(turns)
        #expect(logits.allSatisfy { $0.isFinite })
        #expect(Set(logits).count > 10)
    }

    @Test func qwen2WithBiasesAndSeparateOutputRuns() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(architecture: "qwen2"))
        #expect(model.architecture == "qwen2")
        let result = try model.generate(turns, options: SamplingOptions(maxTokens: 8))
        #expect(result.completionTokens <= 8)
        #expect(try model.firstTokenLogits(turns).allSatisfy { $0.isFinite })
    }

    @Test func contextExceededIsAnError() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil), maxContext: 24)
        let long = [ChatTurn(role: "user", content: String(repeating: "abc ", count: 40))]
        do {
            _ = try model.generate(long, options: SamplingOptions(maxTokens: 4))
            Issue.record("expected an error")
        } catch let error as LocalInferenceError {
            #expect(error.code == .contextExceeded)
            #expect(error.description.contains("context"))
        }
        #expect(throws: LocalInferenceError.self) { try model.firstTokenLogits(long) }
        // Generation stops with "length" at the end of the window.
        let short = try model.generate([ChatTurn(role: "user", content: "")], options: SamplingOptions(maxTokens: 100))
        #expect(short.finishReason == "length" || short.finishReason == "stop")
        #expect(short.promptTokens + short.completionTokens <= 24)
    }

    @Test func modelErrorsAreClear() throws {
        func code(_ bytes: [UInt8]) -> LocalInferenceError.Code? {
            do {
                _ = try SyntheticModel.load(bytes)
                return nil
            } catch let error as LocalInferenceError {
                return error.code
            } catch {
                return nil
            }
        }
        #expect(code(SyntheticModel.build(architecture: "mamba")) == .unsupportedArchitecture)
        #expect(code(SyntheticModel.build(weightType: 9)) == .unsupportedTensorType)  // Q8_1 (activations only)
        #expect(code(SyntheticModel.build(dropTensor: "blk.1.ffn_up.weight")) == .missingTensor)
        var noArch = GGUFBuilder()
        noArch.metadata = [("general.name", .string("x"))]
        #expect(code(noArch.build()) == .missingMetadata)
        // A model truncated in its tensor data.
        let full = SyntheticModel.build()
        #expect(code(Array(full.prefix(full.count - 1000))) == .truncated)
        // Tokenizer metadata with a wrong type.
        do {
            var b = GGUFBuilder()
            b.metadata = [("tokenizer.ggml.model", .string("llama"))]
            _ = try SyntheticModel.load(b.build())
        } catch let error as LocalInferenceError {
            #expect([.unsupportedTokenizer, .missingMetadata].contains(error.code))
        }
    }

    @Test func concurrentCallersAreSerialised() async throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let expected = try model.greedyTokens(turns, count: 6)
        try await withThrowingTaskGroup(of: [Int32].self) { group in
            for _ in 0..<4 { group.addTask { try model.greedyTokens(self.turns, count: 6) } }
            for try await tokens in group { #expect(tokens == expected) }
        }
    }
}
