import Foundation
import LocalInference

/// Tiny random models (a few hundred KB) with a byte-level vocabulary, for tests that need no model file.
enum SyntheticModel {
    static let specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    static let merges = ["h e", "l l", "he ll"]

    /// GPT-2's byte-to-unicode map.
    static let byteTokens: [String] = {
        var n = 0
        return (0..<256).map { b -> String in
            if (33...126).contains(b) || (161...172).contains(b) || (174...255).contains(b) {
                return String(UnicodeScalar(UInt8(b)))
            }
            defer { n += 1 }
            return String(Character(Unicode.Scalar(256 + n)!))
        }
    }()

    static var tokens: [String] { specials + byteTokens + ["he", "ll", "hell"] }

    static let chatml = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
        + "{{ '<|im_start|>system\nYou are a test model<|im_end|>\n' }}{% endif %}"
        + "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"

    /// Builds a GGUF model file.
    /// - Parameters:
    ///   - weightType: the type of the projection matrices (ggml type id).
    ///   - dropTensor: leave out a tensor (to test errors).
    static func build(
        architecture: String = "llama", template: String? = chatml, weightType: UInt32 = 3,
        contextLength: Int = 256, dropTensor: String? = nil, seed: UInt64 = 1
    ) -> [UInt8] {
        let dim = 64, ffn = 96, layers = 2, heads = 2, kvHeads = 1
        let vocab = tokens.count
        var b = GGUFBuilder()
        let a = architecture
        b.metadata = [
            ("general.architecture", .string(a)),
            ("general.name", .string("synthetic \(a)")),
            ("\(a).block_count", .u32(UInt32(layers))),
            ("\(a).context_length", .u32(UInt32(contextLength))),
            ("\(a).embedding_length", .u32(UInt32(dim))),
            ("\(a).feed_forward_length", .u32(UInt32(ffn))),
            ("\(a).attention.head_count", .u32(UInt32(heads))),
            ("\(a).attention.head_count_kv", .u32(UInt32(kvHeads))),
            ("\(a).rope.freq_base", .f32(10000)),
            ("\(a).attention.layer_norm_rms_epsilon", .f32(1e-5)),
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string(a == "qwen2" ? "qwen2" : "smollm")),
            ("tokenizer.ggml.tokens", .array(8, tokens.map { .string($0) })),
            ("tokenizer.ggml.token_type", .array(5, tokens.indices.map { .i32($0 < specials.count ? 3 : 1) })),
            ("tokenizer.ggml.merges", .array(8, merges.map { .string($0) })),
            ("tokenizer.ggml.bos_token_id", .u32(1)),
            ("tokenizer.ggml.eos_token_id", .u32(2)),
        ]
        if let template { b.metadata.append(("tokenizer.chat_template", .string(template))) }
        var noise = QuantizationTests.Noise(state: seed)
        func matrix(_ name: String, _ cols: Int, _ rows: Int, type: UInt32, scale: Float = 0.2) {
            let values = (0..<(cols * rows)).map { _ in noise.next() * scale }
            let data: [UInt8]
            switch type {
            case 0: data = values.flatMap { GGUFBuilder.bytes($0.bitPattern) }
            case 1: data = values.flatMap { halfBits($0) }
            case 2: data = QuantizationTests.quantize(values, .q4_0)
            case 3: data = QuantizationTests.quantize(values, .q4_1)
            case 8: data = QuantizationTests.quantize(values, .q8_0)
            default: data = [UInt8](repeating: 0, count: GGMLType(rawValue: type)!.byteCount(elements: values.count)!)
            }
            b.tensors.append(.init(name: name, dims: rows == 1 ? [cols] : [cols, rows], type: type, data: data))
        }
        func norm(_ name: String, _ n: Int) {
            let values = (0..<n).map { _ in 1 + noise.next() * 0.1 }
            b.tensors.append(.init(name: name, dims: [n], type: 0,
                                   data: values.flatMap { GGUFBuilder.bytes($0.bitPattern) }))
        }
        matrix("token_embd.weight", dim, vocab, type: 8, scale: 1)
        norm("output_norm.weight", dim)
        for l in 0..<layers {
            let p = "blk.\(l)."
            norm(p + "attn_norm.weight", dim)
            matrix(p + "attn_q.weight", dim, dim, type: weightType)
            matrix(p + "attn_k.weight", dim, dim / heads * kvHeads, type: weightType)
            matrix(p + "attn_v.weight", dim, dim / heads * kvHeads, type: weightType)
            if architecture == "qwen2" {
                norm(p + "attn_q.bias", dim)
                norm(p + "attn_k.bias", dim / heads * kvHeads)
                norm(p + "attn_v.bias", dim / heads * kvHeads)
            }
            matrix(p + "attn_output.weight", dim, dim, type: weightType)
            norm(p + "ffn_norm.weight", dim)
            matrix(p + "ffn_gate.weight", dim, ffn, type: weightType)
            matrix(p + "ffn_up.weight", dim, ffn, type: weightType)
            matrix(p + "ffn_down.weight", ffn, dim, type: weightType)
        }
        if architecture == "qwen2" { matrix("output.weight", dim, vocab, type: 1) }
        if let dropTensor { b.tensors.removeAll { $0.name == dropTensor } }
        return b.build()
    }

    static func load(_ bytes: [UInt8], threads: Int = 2, maxContext: Int? = nil) throws -> LocalModel {
        let url = try GGUFBuilder.write(bytes, name: "synthetic")
        defer { try? FileManager.default.removeItem(at: url) }  // the mapping keeps the data alive
        return try LocalModel(contentsOf: url, threads: threads, maxContext: maxContext)
    }
}
