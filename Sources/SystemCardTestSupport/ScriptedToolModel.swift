import Foundation

/// A tiny GGUF model that always answers with one tool call, in the format of its own (Llama 3 style) chat template,
/// for end-to-end tests of the embedded engine's tool calling: the template is rendered by the engine's Jinja
/// interpreter, the answer parsed by the template's format, the call run by the agent.
///
/// The weights make it a deterministic bigram model: every layer is zero, so the logits depend on the last token
/// alone; after the newline that ends the assistant header it writes `answer` (one user-defined token), then
/// `<|eot_id|>`. The answer is not in the ChatML `<tool_call>` convention, so only the template's own format reads
/// it as a call.
public enum ScriptedToolModel {
    /// A Llama-3-style template written for these tests: tools listed as JSON in the system turn, calls as
    /// `{"name": …, "parameters": …}`, results in `ipython` turns.
    public static let template = """
        {{- bos_token }}
        {%- if messages[0].role == 'system' %}
            {%- set system = messages[0].content %}
            {%- set rest = messages[1:] %}
        {%- else %}
            {%- set system = '' %}
            {%- set rest = messages %}
        {%- endif %}
        {{- '<|start_header_id|>system<|end_header_id|>\\n\\n' + system }}
        {%- if tools is not none %}
            {{- '\\nCall a function by answering {"name": function name, "parameters": {argument: value}}. Functions:' }}
            {%- for t in tools %}
                {{- '\\n' + t | tojson(indent=2) }}
            {%- endfor %}
        {%- endif %}
        {{- '<|eot_id|>' }}
        {%- for m in rest %}
            {%- if m.role == 'tool' %}
                {{- '<|start_header_id|>ipython<|end_header_id|>\\n\\n' + m.content | tojson + '<|eot_id|>' }}
            {%- elif m.tool_calls %}
                {%- if m.tool_calls | length != 1 %}{{ raise_exception('one call at a time') }}{% endif %}
                {%- set call = m.tool_calls[0].function %}
                {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n{"name": "' + call.name + '", "parameters": ' + call.arguments | tojson + '}<|eot_id|>' }}
            {%- else %}
                {{- '<|start_header_id|>' + m.role + '<|end_header_id|>\\n\\n' + m.content | trim + '<|eot_id|>' }}
            {%- endif %}
        {%- endfor %}
        {%- if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}
        """

    static let specials = ["<|begin_of_text|>", "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>"]

    /// GPT-2's byte-to-unicode map: the byte tokens of a byte-level BPE vocabulary.
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

    /// The model file's bytes. `answer` is what the model writes every turn (e.g. a tool call in the template's
    /// format).
    public static func gguf(answer: String) -> Data {
        let tokens = specials + byteTokens + [answer]
        let vocab = tokens.count
        let newline = specials.count + 10  // the byte token of "\n"
        let answerID = vocab - 1
        let eot = 1
        let dim = 16, ffn = 16
        var w = GGUFWriter()
        w.metadata = [
            ("general.architecture", .string("llama")),
            ("general.name", .string("scripted tool model")),
            ("llama.block_count", .u32(1)),
            ("llama.context_length", .u32(4096)),
            ("llama.embedding_length", .u32(UInt32(dim))),
            ("llama.feed_forward_length", .u32(UInt32(ffn))),
            ("llama.attention.head_count", .u32(2)),
            ("llama.attention.head_count_kv", .u32(2)),
            ("llama.rope.freq_base", .f32(10000)),
            ("llama.attention.layer_norm_rms_epsilon", .f32(1e-5)),
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string("llama-bpe")),
            ("tokenizer.ggml.tokens", .strings(tokens)),
            ("tokenizer.ggml.token_type", .i32s(tokens.indices.map { $0 < specials.count ? 3 : $0 == answerID ? 4 : 1 })),
            ("tokenizer.ggml.merges", .strings([])),
            ("tokenizer.ggml.bos_token_id", .u32(0)),
            ("tokenizer.ggml.eos_token_id", .u32(UInt32(eot))),
            ("tokenizer.chat_template", .string(template)),
        ]
        // Token embeddings: the newline is basis vector 0, the answer basis vector 1; every other token is zero.
        var embedding = [Float](repeating: 0, count: dim * vocab)
        embedding[newline * dim + 0] = 1
        embedding[answerID * dim + 1] = 1
        // Output rows: the answer follows the newline, the end of turn follows the answer.
        var output = [Float](repeating: 0, count: dim * vocab)
        output[answerID * dim + 0] = 10
        output[eot * dim + 1] = 10
        w.tensor("token_embd.weight", [dim, vocab], embedding)
        w.tensor("output.weight", [dim, vocab], output)
        w.tensor("output_norm.weight", [dim], [Float](repeating: 1, count: dim))
        let zero = { (n: Int) in [Float](repeating: 0, count: n) }
        w.tensor("blk.0.attn_norm.weight", [dim], [Float](repeating: 1, count: dim))
        for name in ["attn_q", "attn_k", "attn_v", "attn_output"] { w.tensor("blk.0.\(name).weight", [dim, dim], zero(dim * dim)) }
        w.tensor("blk.0.ffn_norm.weight", [dim], [Float](repeating: 1, count: dim))
        w.tensor("blk.0.ffn_gate.weight", [dim, ffn], zero(dim * ffn))
        w.tensor("blk.0.ffn_up.weight", [dim, ffn], zero(dim * ffn))
        w.tensor("blk.0.ffn_down.weight", [ffn, dim], zero(dim * ffn))
        return w.data()
    }
}

/// Writes GGUF version 3 files with F32 tensors.
struct GGUFWriter {
    enum Value {
        case u32(UInt32), f32(Float), string(String), strings([String]), i32s([Int])
    }

    var metadata: [(String, Value)] = []
    private var tensors: [(name: String, dims: [Int], values: [Float])] = []

    mutating func tensor(_ name: String, _ dims: [Int], _ values: [Float]) {
        precondition(dims.reduce(1, *) == values.count)
        tensors.append((name, dims, values))
    }

    func data() -> Data {
        var out = Data("GGUF".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) {
            u64(UInt64(s.utf8.count))
            out.append(contentsOf: Array(s.utf8))
        }
        u32(3)
        u64(UInt64(tensors.count))
        u64(UInt64(metadata.count))
        for (key, value) in metadata {
            string(key)
            switch value {
            case .u32(let v): u32(4); u32(v)
            case .f32(let v): u32(6); u32(v.bitPattern)
            case .string(let s): u32(8); string(s)
            case .strings(let items):
                u32(9); u32(8); u64(UInt64(items.count))
                for item in items { string(item) }
            case .i32s(let items):
                u32(9); u32(5); u64(UInt64(items.count))
                for item in items { u32(UInt32(bitPattern: Int32(item))) }
            }
        }
        var offset: UInt64 = 0
        for t in tensors {
            string(t.name)
            u32(UInt32(t.dims.count))
            for d in t.dims { u64(UInt64(d)) }
            u32(0)  // F32
            u64(offset)
            offset += UInt64(t.values.count * 4)
            offset = (offset + 31) / 32 * 32
        }
        while out.count % 32 != 0 { out.append(0) }
        for t in tensors {
            for v in t.values { u32(v.bitPattern) }
            while out.count % 32 != 0 { out.append(0) }
        }
        return out
    }
}
