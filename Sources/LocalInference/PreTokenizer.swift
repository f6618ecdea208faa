/// The pre-tokenisation splits of byte-level BPE vocabularies, reproducing llama.cpp's hand-written versions of the
/// Hugging Face regexes (selected by `tokenizer.ggml.pre`).
enum PreTokenizer: Sendable, Equatable {
    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// `\p{N}` first (every digit alone), then GPT-2 (StarCoder, SmolLM, Refact, Command-R...).
    case digitsThenGPT2
    /// Llama 3: case-insensitive contractions, `[^\r\n\p{L}\p{N}]?\p{L}+`, `\p{N}{1,3}`, ...
    case llama3
    /// Qwen2: as Llama 3 but single digits.
    case qwen2

    /// The split for a `tokenizer.ggml.pre` value (GPT-2 for unknown values, as llama.cpp's default).
    init(pre: String?) {
        switch pre ?? "default" {
        case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva":
            self = .digitsThenGPT2
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "smaug-bpe", "dbrx", "deepseek-r1-qwen":
            self = .llama3
        case "qwen2", "stablelm2", "megrez", "hunyuan":
            self = .qwen2
        default:
            self = .gpt2
        }
    }

    /// Splits `text` into words (as arrays of scalars).
    func split(_ text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        switch self {
        case .gpt2:
            Self.splitGPT2(text, 0..<text.count, into: &out)
        case .digitsThenGPT2:
            var start = 0
            for i in 0..<text.count where Self.isNumber(text[i]) {
                if start < i { Self.splitGPT2(text, start..<i, into: &out) }
                out.append(text[i..<(i + 1)])
                start = i + 1
            }
            if start < text.count { Self.splitGPT2(text, start..<text.count, into: &out) }
        case .llama3:
            Self.splitLlama3(text, 0..<text.count, maxDigits: 3, into: &out)
        case .qwen2:
            Self.splitLlama3(text, 0..<text.count, maxDigits: 1, into: &out)
        }
        return out
    }

    // MARK: Character classes

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isNumber(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c.value >= 0x30 && c.value <= 0x39 }
        switch c.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) }
        return c.properties.isWhitespace
    }

    // MARK: Splitters

    private static func splitGPT2(
        _ cpts: [Unicode.Scalar], _ range: Range<Int>, into out: inout [ArraySlice<Unicode.Scalar>]
    ) {
        let end = range.upperBound
        var prevEnd = range.lowerBound
        func cpt(_ p: Int) -> UInt32? { p < end ? cpts[p].value : nil }
        // Category of position p: 0 = out of range, 1 = letter, 2 = number, 3 = whitespace, 4 = other.
        func cat(_ p: Int) -> Int {
            guard p < end else { return 0 }
            let c = cpts[p]
            if isLetter(c) { return 1 }
            if isNumber(c) { return 2 }
            if isWhitespace(c) { return 3 }
            return 4
        }
        func add(_ e: Int) -> Int {
            let len = e - prevEnd
            if len > 0 { out.append(cpts[prevEnd..<e]) }
            prevEnd = e
            return len
        }
        var pos = range.lowerBound
        while pos < end {
            let c = cpts[pos].value
            if c == 0x27, pos + 1 < end {  // '
                let n1 = cpts[pos + 1].value
                if n1 == 0x73 || n1 == 0x74 || n1 == 0x6D || n1 == 0x64 {  // s t m d
                    pos += add(pos + 2)
                    continue
                }
                if pos + 2 < end {
                    let n2 = cpts[pos + 2].value
                    if (n1 == 0x72 && n2 == 0x65) || (n1 == 0x76 && n2 == 0x65) || (n1 == 0x6C && n2 == 0x6C) {
                        pos += add(pos + 3)
                        continue
                    }
                }
            }
            var cat2 = c == 0x20 ? cat(pos + 1) : cat(pos)
            if cat2 == 1 || cat2 == 2 {
                let wanted = cat2
                if c == 0x20 { pos += 1 }
                while cat2 == wanted {
                    pos += 1
                    cat2 = cat(pos)
                }
                _ = add(pos)
                continue
            }
            if cat2 == 4 {
                if c == 0x20 { pos += 1 }
                while cat2 == 4 {
                    pos += 1
                    cat2 = cat(pos)
                }
                _ = add(pos)
                continue
            }
            var spaces = 0
            while cat(pos + spaces) == 3 { spaces += 1 }
            if spaces > 1 && cpt(pos + spaces) != nil {
                pos += spaces - 1
                _ = add(pos)
                continue
            }
            if spaces > 0 {
                pos += spaces
                _ = add(pos)
                continue
            }
            pos += 1
            _ = add(pos)
        }
    }

    private static func splitLlama3(
        _ cpts: [Unicode.Scalar], _ range: Range<Int>, maxDigits: Int, into out: inout [ArraySlice<Unicode.Scalar>]
    ) {
        let end = range.upperBound
        var prevEnd = range.lowerBound
        func cpt(_ p: Int) -> UInt32? { p < end ? cpts[p].value : nil }
        func cat(_ p: Int) -> Int {
            guard p < end else { return 0 }
            let c = cpts[p]
            if isLetter(c) { return 1 }
            if isNumber(c) { return 2 }
            if isWhitespace(c) { return 3 }
            return 4
        }
        func lower(_ v: UInt32) -> UInt32 { (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }
        func add(_ e: Int) -> Int {
            let len = e - prevEnd
            if len > 0 { out.append(cpts[prevEnd..<e]) }
            prevEnd = e
            return len
        }
        var pos = range.lowerBound
        while pos < end {
            let c = cpts[pos].value
            let category = cat(pos)
            if c == 0x27, pos + 1 < end {
                let n1 = lower(cpts[pos + 1].value)
                if n1 == 0x73 || n1 == 0x74 || n1 == 0x6D || n1 == 0x64 {
                    pos += add(pos + 2)
                    continue
                }
                if pos + 2 < end {
                    let n2 = lower(cpts[pos + 2].value)
                    if (n1 == 0x72 && n2 == 0x65) || (n1 == 0x76 && n2 == 0x65) || (n1 == 0x6C && n2 == 0x6C) {
                        pos += add(pos + 3)
                        continue
                    }
                }
            }
            // [^\r\n\p{L}\p{N}]?\p{L}+
            if !(c == 0x0D || c == 0x0A || category == 2) {
                if category == 1 || cat(pos + 1) == 1 {
                    pos += 1
                    while cat(pos) == 1 { pos += 1 }
                    _ = add(pos)
                    continue
                }
            }
            // \p{N}{1,maxDigits}
            if category == 2 {
                var ini = pos
                while cat(pos) == 2 {
                    pos += 1
                    if pos - ini >= maxDigits {
                        _ = add(pos)
                        ini = pos
                    }
                }
                _ = add(pos)
                continue
            }
            // <space>?[^\s\p{L}\p{N}]+[\r\n]*
            var cat2 = c == 0x20 ? cat(pos + 1) : category
            if cat2 == 4 {
                if c == 0x20 { pos += 1 }
                while cat2 == 4 {
                    pos += 1
                    cat2 = cat(pos)
                }
                while let v = cpt(pos), v == 0x0D || v == 0x0A { pos += 1 }
                _ = add(pos)
                continue
            }
            var spaces = 0
            var lastNewlineEnd = 0
            while cat(pos + spaces) == 3 {
                if let v = cpt(pos + spaces), v == 0x0D || v == 0x0A { lastNewlineEnd = pos + spaces + 1 }
                spaces += 1
            }
            if lastNewlineEnd > 0 {
                pos = lastNewlineEnd
                _ = add(pos)
                continue
            }
            if spaces > 1 && cpt(pos + spaces) != nil {
                pos += spaces - 1
                _ = add(pos)
                continue
            }
            if spaces > 0 {
                pos += spaces
                _ = add(pos)
                continue
            }
            pos += 1
            _ = add(pos)
        }
    }
}
