/// A byte-level BPE tokenizer ("gpt2" tokenizer model) built from GGUF metadata, matching llama.cpp.
final class BPETokenizer: @unchecked Sendable {
    /// Token texts, by id.
    let tokens: [String]
    /// Token types (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte), by id.
    let types: [Int32]
    let bosToken: Int32?
    let eosToken: Int32?
    let addBOS: Bool
    let preTokenizer: PreTokenizer
    /// Whether a word found whole in the vocabulary skips the merges (Llama 3).
    let ignoreMerges: Bool

    private let vocab: [String: Int32]
    private let mergeRanks: [String: Int]
    private let bytes = ByteLevelEncoding()
    /// Tokens matched in raw text before BPE, longest first: (text as UTF-8, id, is control/unknown).
    private let specials: [([UInt8], Int32, Bool)]
    /// Decoded bytes of every token.
    private let pieces: [[UInt8]]

    static let typeNormal: Int32 = 1
    static let typeUnknown: Int32 = 2
    static let typeControl: Int32 = 3
    static let typeUserDefined: Int32 = 4
    static let typeByte: Int32 = 6

    /// Token texts llama.cpp treats as end of generation, and therefore as control tokens (`llama_vocab::load`).
    static let endOfGenerationTexts: Set<String> = [
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>", "<|calls|>", "<end_of_turn>",
        "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]", "<|end_of_text|>",
        "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>", "<｜end▁of▁sentence｜>", "[e~[",
    ]

    init(metadata: [String: GGUFValue]) throws {
        let model = metadata["tokenizer.ggml.model"]?.stringValue
        guard let model else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key tokenizer.ggml.model")
        }
        guard model == "gpt2" else {
            throw LocalInferenceError(
                .unsupportedTokenizer, "unsupported tokenizer model \(model) (only byte-level BPE \"gpt2\" is)")
        }
        guard let tokenValues = metadata["tokenizer.ggml.tokens"]?.arrayValue else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key tokenizer.ggml.tokens")
        }
        guard let mergeValues = metadata["tokenizer.ggml.merges"]?.arrayValue else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key tokenizer.ggml.merges")
        }
        var tokens: [String] = []
        tokens.reserveCapacity(tokenValues.count)
        for v in tokenValues {
            guard let s = v.stringValue else {
                throw LocalInferenceError(.corrupt, "corrupt file: tokenizer.ggml.tokens holds a non-string")
            }
            tokens.append(s)
        }
        self.tokens = tokens
        let typeValues = metadata["tokenizer.ggml.token_type"]?.arrayValue ?? []
        var types = typeValues.map { Int32(truncatingIfNeeded: $0.intValue ?? 1) }
        if types.count != tokens.count { types = [Int32](repeating: 1, count: tokens.count) }
        // As llama.cpp: end-of-generation texts are control tokens whatever type the file gives them.
        for (i, t) in tokens.enumerated() where types[i] != Self.typeControl && Self.endOfGenerationTexts.contains(t) {
            types[i] = Self.typeControl
        }
        self.types = types

        var vocab: [String: Int32] = [:]
        vocab.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() where vocab[t] == nil { vocab[t] = Int32(i) }
        self.vocab = vocab
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(mergeValues.count)
        for (i, m) in mergeValues.enumerated() {
            guard let s = m.stringValue else { continue }
            if ranks[s] == nil { ranks[s] = i }
        }
        mergeRanks = ranks

        func tokenID(_ key: String) -> Int32? {
            guard let v = metadata[key]?.intValue, v >= 0, v < tokens.count else { return nil }
            return Int32(v)
        }
        bosToken = tokenID("tokenizer.ggml.bos_token_id")
        eosToken = tokenID("tokenizer.ggml.eos_token_id")
        let preName = metadata["tokenizer.ggml.pre"]?.stringValue
        guard let pre = PreTokenizer(pre: preName) else {
            throw LocalInferenceError(
                .unsupportedTokenizer, "unsupported pre-tokenizer \(preName ?? "") (tokenizer.ggml.pre)")
        }
        preTokenizer = pre
        // As llama.cpp: the Llama 3 family adds BOS unless the file says otherwise.
        ignoreMerges = PreTokenizer.ignoringMerges.contains(preName ?? "")
        let addBOSDefault = ignoreMerges
        addBOS = (metadata["tokenizer.ggml.add_bos_token"]?.boolValue ?? addBOSDefault) && bosToken != nil

        var specials: [([UInt8], Int32, Bool)] = []
        for (i, t) in types.enumerated()
        where t == Self.typeControl || t == Self.typeUserDefined || t == Self.typeUnknown {
            let text = Array(tokens[i].utf8)
            if !text.isEmpty { specials.append((text, Int32(i), t != Self.typeUserDefined)) }
        }
        specials.sort { $0.0.count > $1.0.count }  // stable: ties keep id order
        self.specials = specials

        let encoding = bytes
        pieces = zip(tokens, types).map { text, type in
            if type == Self.typeNormal || type == Self.typeUnknown {
                var out: [UInt8] = []
                for s in text.unicodeScalars {
                    if let b = encoding.byte(for: s) {
                        out.append(b)
                    } else {
                        out.append(contentsOf: Array(String(s).utf8))
                    }
                }
                return out
            }
            return Array(text.utf8)
        }
    }

    /// Whether `id` is a control token (e.g. `<|im_end|>`).
    func isControl(_ id: Int32) -> Bool { id >= 0 && Int(id) < types.count && types[Int(id)] == Self.typeControl }

    /// The id of a token given by its exact text.
    func id(of text: String) -> Int32? { vocab[text] }

    /// Tokenises `text`; with `parseSpecial`, control tokens written in the text (e.g. `<|im_start|>`) are
    /// recognised (user-defined tokens always are).
    func tokenize(_ text: String, parseSpecial: Bool, addBOS: Bool? = nil) -> [Int32] {
        var result: [Int32] = []
        if addBOS ?? self.addBOS, let bos = bosToken { result.append(bos) }
        // Partition the raw text around special tokens, longest special first (as llama.cpp).
        enum Fragment { case text([UInt8]), token(Int32) }
        var fragments: [Fragment] = [.text(Array(text.utf8))]
        for (special, id, isControl) in specials {
            if isControl && !parseSpecial { continue }
            var next: [Fragment] = []
            for fragment in fragments {
                guard case .text(let raw) = fragment, raw.count >= special.count else {
                    next.append(fragment)
                    continue
                }
                var start = 0
                var i = 0
                while i + special.count <= raw.count {
                    if raw[i] == special[0] && raw[i..<(i + special.count)].elementsEqual(special) {
                        if start < i { next.append(.text(Array(raw[start..<i]))) }
                        next.append(.token(id))
                        i += special.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                if start < raw.count { next.append(.text(Array(raw[start..<raw.count]))) }
            }
            fragments = next
        }
        for fragment in fragments {
            switch fragment {
            case .token(let id): result.append(id)
            case .text(let raw): encodeText(raw, into: &result)
            }
        }
        return result
    }

    private func encodeText(_ raw: [UInt8], into result: inout [Int32]) {
        let scalars = Array(String(decoding: raw, as: UTF8.self).unicodeScalars)
        for word in preTokenizer.split(scalars) {
            var encoded = ""
            for s in word {
                for b in String(s).utf8 { encoded.unicodeScalars.append(bytes.encode[Int(b)]) }
            }
            if ignoreMerges, let id = vocab[encoded] {
                result.append(id)
                continue
            }
            for symbol in bpe(encoded) {
                if let id = vocab[symbol] {
                    result.append(id)
                } else {
                    // Unknown merge result: fall back to one token per byte.
                    for s in symbol.unicodeScalars {
                        if let id = vocab[String(s)] { result.append(id) }
                    }
                }
            }
        }
    }

    /// Applies the merges to one byte-encoded word, lowest rank first (leftmost on ties).
    private func bpe(_ word: String) -> [String] {
        var symbols = word.unicodeScalars.map { String($0) }
        if symbols.count < 2 { return symbols }
        var ranks: [Int] = (0..<(symbols.count - 1)).map { rank(symbols[$0], symbols[$0 + 1]) }
        while true {
            var best = Int.max
            var bestIndex = -1
            for (i, r) in ranks.enumerated() where r < best {
                best = r
                bestIndex = i
            }
            if bestIndex < 0 { break }
            symbols[bestIndex] += symbols[bestIndex + 1]
            symbols.remove(at: bestIndex + 1)
            ranks.remove(at: bestIndex)
            if bestIndex < ranks.count { ranks[bestIndex] = rank(symbols[bestIndex], symbols[bestIndex + 1]) }
            if bestIndex > 0 { ranks[bestIndex - 1] = rank(symbols[bestIndex - 1], symbols[bestIndex]) }
        }
        return symbols
    }

    private func rank(_ a: String, _ b: String) -> Int {
        mergeRanks[a + " " + b] ?? Int.max
    }

    /// The bytes of one token (control tokens as their text when `renderSpecial`, else nothing).
    func piece(_ id: Int32, renderSpecial: Bool = true) -> [UInt8] {
        guard id >= 0, Int(id) < pieces.count else { return [] }
        if types[Int(id)] == Self.typeControl && !renderSpecial { return [] }
        return pieces[Int(id)]
    }

    /// Decodes tokens to text; bytes are joined before UTF-8 decoding, so characters split across tokens survive.
    func detokenize(_ ids: [Int32], renderSpecial: Bool = true) -> String {
        var out: [UInt8] = []
        for id in ids { out.append(contentsOf: piece(id, renderSpecial: renderSpecial)) }
        return String(decoding: out, as: UTF8.self)
    }
}
