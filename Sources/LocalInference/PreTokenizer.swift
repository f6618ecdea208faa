/// The pre-tokenisation splits of byte-level BPE vocabularies, reproducing llama.cpp (selected by
/// `tokenizer.ggml.pre`): its hand-written versions of the GPT-2, Llama 3, Qwen2 and Qwen3.5 regexes, and the chains of
/// simpler regexes it applies one after the other, each splitting the pieces the previous ones left
/// (`unicode_regex_split`). Character classes follow llama.cpp's: non-ASCII whitespace only matches `\s`, and
/// `\p{L}`, `\p{N}`, `\p{P}`, `\p{M}` are Unicode general categories.
enum PreTokenizer: Sendable, Equatable {
    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// `\p{N}` first (every digit alone), then GPT-2 (StarCoder, SmolLM, Refact, Command-R...).
    case digitsThenGPT2
    /// Llama 3: case-insensitive contractions, `[^\r\n\p{L}\p{N}]?\p{L}+`, `\p{N}{1,3}`, ...
    case llama3
    /// Qwen2: as Llama 3 but single digits.
    case qwen2
    /// Qwen3.5: as Qwen2, with combining marks (`\p{M}`) counted as letters.
    case qwen35
    /// Falcon: runs of punctuation, then GPT-2, then groups of three ASCII digits.
    case falcon
    /// DeepSeek LLM: newlines, Latin/Greek/Cyrillic... letter runs, ASCII and full-width punctuation runs,
    /// trailing whitespace, CJK runs, digit runs.
    case deepseekLLM
    /// DeepSeek Coder: newlines, letter runs, punctuation runs, CJK runs, single digits.
    case deepseekCoder
    /// llama.cpp's default, for vocabularies without `tokenizer.ggml.pre`: punctuation runs, GPT-2, digit runs,
    /// groups of three ASCII digits.
    case standard

    /// `tokenizer.ggml.pre` values whose words found whole in the vocabulary skip the merges (Llama 3).
    static let ignoringMerges: Set<String> = [
        "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "jina-v5-nano",
    ]

    /// The split for a `tokenizer.ggml.pre` value, with llama.cpp's names; nil for a value the engine does not
    /// implement (llama.cpp refuses unknown values too).
    init?(pre: String?) {
        switch pre ?? "" {
        case "", "default":
            self = .standard
        case "gpt-2", "phi-2", "mpt", "olmo", "jais", "trillion", "granite-docling", "exaone4", "gigachat", "a.x-4.0",
            "mellum", "jina-es", "jina-de", "jina-v2-es", "jina-v2-de", "modern-bert":
            self = .gpt2
        case "starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b", "mellum2":
            self = .digitsThenGPT2
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "jina-v5-nano",
            "dbrx", "smaug-bpe":
            self = .llama3
        case "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "stablelm2", "hunyuan", "solar-open", "megrez":
            self = .qwen2
        case "qwen35":
            self = .qwen35
        case "falcon":
            self = .falcon
        case "deepseek-llm":
            self = .deepseekLLM
        case "deepseek-coder":
            self = .deepseekCoder
        default:
            return nil
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
            Self.splitLlama3(text, 0..<text.count, maxDigits: 3, marksAreLetters: false, into: &out)
        case .qwen2:
            Self.splitLlama3(text, 0..<text.count, maxDigits: 1, marksAreLetters: false, into: &out)
        case .qwen35:
            Self.splitLlama3(text, 0..<text.count, maxDigits: 1, marksAreLetters: true, into: &out)
        case .falcon, .deepseekLLM, .deepseekCoder, .standard:
            var pieces = text.isEmpty ? [] : [0..<text.count]
            for step in steps {
                var next: [Range<Int>] = []
                next.reserveCapacity(pieces.count * 2)
                for range in pieces { Self.apply(step, text, range, into: &next) }
                pieces = next
            }
            out = pieces.map { text[$0] }
        }
        return out
    }

    // MARK: Regex chains

    /// One regex of a chain. Its matches in a piece become pieces, and so does the text between them.
    private enum Step {
        /// The GPT-2 regex (llama.cpp's hand-written version).
        case gpt2
        /// `[X]+`
        case runs(@Sendable (Unicode.Scalar) -> Bool)
        /// `[X]`
        case singles(@Sendable (Unicode.Scalar) -> Bool)
        /// `\s?[X]+`
        case spaceThenRuns(@Sendable (Unicode.Scalar) -> Bool)
        /// `\s+$`
        case trailingSpaces
        /// `[0-9][0-9][0-9]`
        case digitTriples
    }

    private var steps: [Step] {
        switch self {
        case .falcon:
            return [.runs { Self.isPunctuationClass($0) || "$+<=>^~|`".unicodeScalars.contains($0) }, .gpt2, .digitTriples]
        case .standard:
            return [
                .runs { Self.isPunctuationClass($0) || "$+<=>^~|".unicodeScalars.contains($0) }, .gpt2,
                .runs(Self.isNumberClass), .digitTriples,
            ]
        case .deepseekLLM:
            return [
                .singles { $0 == "\r" || $0 == "\n" },
                .spaceThenRuns { Self.inRanges($0, Self.deepseekLetters) },
                .spaceThenRuns { !Self.isWideWhitespace($0) && Self.inRanges($0, Self.deepseekPunctuation) },
                .trailingSpaces,
                .runs { Self.inRanges($0, Self.deepseekCJK) },
                .runs(Self.isNumberClass),
            ]
        case .deepseekCoder:
            return [
                .singles { $0 == "\r" || $0 == "\n" },
                .spaceThenRuns(Self.isLetterClass),
                .spaceThenRuns(Self.isPunctuationClass),
                .runs { Self.inRanges($0, Self.deepseekCJK) },
                .singles(Self.isNumberClass),
            ]
        default:
            return [.gpt2]
        }
    }

    private static func apply(
        _ step: Step, _ cpts: [Unicode.Scalar], _ range: Range<Int>, into out: inout [Range<Int>]
    ) {
        let end = range.upperBound
        var matches: [Range<Int>] = []
        switch step {
        case .gpt2:
            var words: [ArraySlice<Unicode.Scalar>] = []
            splitGPT2(cpts, range, into: &words)
            out.append(contentsOf: words.map { $0.startIndex..<$0.endIndex })
            return
        case .runs(let member):
            var p = range.lowerBound
            while p < end {
                guard member(cpts[p]) else {
                    p += 1
                    continue
                }
                let start = p
                while p < end && member(cpts[p]) { p += 1 }
                matches.append(start..<p)
            }
        case .singles(let member):
            for p in range where member(cpts[p]) { matches.append(p..<(p + 1)) }
        case .spaceThenRuns(let member):
            var p = range.lowerBound
            while p < end {
                let start = p
                if isRegexSpace(cpts[p]) && p + 1 < end && member(cpts[p + 1]) {
                    p += 1
                } else if !member(cpts[p]) {
                    p += 1
                    continue
                }
                while p < end && member(cpts[p]) { p += 1 }
                matches.append(start..<p)
            }
        case .trailingSpaces:
            var start = end
            while start > range.lowerBound && isRegexSpace(cpts[start - 1]) { start -= 1 }
            if start < end { matches.append(start..<end) }
        case .digitTriples:
            func digit(_ p: Int) -> Bool { cpts[p].value >= 0x30 && cpts[p].value <= 0x39 }
            var p = range.lowerBound
            while p + 3 <= end {
                if digit(p) && digit(p + 1) && digit(p + 2) {
                    matches.append(p..<(p + 3))
                    p += 3
                } else {
                    p += 1
                }
            }
        }
        var last = range.lowerBound
        for m in matches {
            if m.lowerBound > last { out.append(last..<m.lowerBound) }
            out.append(m)
            last = m.upperBound
        }
        if last < end { out.append(last..<end) }
    }

    /// `\s` as llama.cpp's regexes see it: ASCII whitespace, and every non-ASCII whitespace character (which it
    /// replaces by a vertical tab before matching).
    private static func isRegexSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? (c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D)) : isWhitespace(c)
    }

    private static func isWideWhitespace(_ c: Unicode.Scalar) -> Bool { c.value >= 128 && isWhitespace(c) }

    /// `\p{L}` in a regex: ASCII letters, and non-ASCII letters that are not whitespace.
    private static func isLetterClass(_ c: Unicode.Scalar) -> Bool { !isWideWhitespace(c) && isLetter(c) }

    /// `\p{N}` in a regex.
    private static func isNumberClass(_ c: Unicode.Scalar) -> Bool { !isWideWhitespace(c) && isNumber(c) }

    /// `\p{P}` in a regex: llama.cpp's ASCII punctuation list, and non-ASCII punctuation (category P*).
    private static func isPunctuationClass(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 {
            return (0x21...0x23).contains(v) || (0x25...0x2A).contains(v) || (0x2C...0x2F).contains(v)
                || (0x3A...0x3B).contains(v) || (0x3F...0x40).contains(v) || (0x5B...0x5D).contains(v)
                || v == 0x5F || v == 0x7B || v == 0x7D
        }
        if isWhitespace(c) { return false }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static func inRanges(_ c: Unicode.Scalar, _ ranges: [ClosedRange<UInt32>]) -> Bool {
        ranges.contains { $0.contains(c.value) }
    }

    /// The letter ranges of DeepSeek LLM's second regex (`\s?[A-Za-zµÀ-ÖØ-öø-ƺ...]+`), by code point.
    private static let deepseekLetters: [ClosedRange<UInt32>] = [
        0x41...0x5A, 0x61...0x7A, 0xB5...0xB5, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x1BA, 0x1BC...0x1BF, 0x1C4...0x293,
        0x295...0x2AF, 0x370...0x373, 0x376...0x377, 0x37B...0x37D, 0x37F...0x37F, 0x386...0x386, 0x388...0x38A,
        0x38C...0x38C, 0x38E...0x3A1, 0x3A3...0x3F5, 0x3F7...0x481, 0x48A...0x52F, 0x531...0x556, 0x10A0...0x10C5,
        0x13A0...0x13F5, 0x13F8...0x13FD, 0x1C90...0x1CBA, 0x1CBD...0x1CBF, 0x1D00...0x1D2B, 0x1D6B...0x1D77,
        0x1D79...0x1D9A, 0x1E00...0x1F15, 0x1F18...0x1F1D, 0x1F20...0x1F45, 0x1F48...0x1F4D, 0x1F50...0x1F57,
        0x1F59...0x1F59, 0x1F5B...0x1F5B, 0x1F5D...0x1F5D, 0x1F5F...0x1F7D, 0x1F80...0x1FB4, 0x1FB6...0x1FBC,
        0x1FBE...0x1FBE, 0x1FC2...0x1FC4, 0x1FC6...0x1FCC, 0x1FD0...0x1FD3, 0x1FD6...0x1FDB, 0x1FE0...0x1FEC,
        0x1FF2...0x1FF4, 0x1FF6...0x1FFC, 0x2102...0x2102, 0x2107...0x2107, 0x210A...0x2113, 0x2115...0x2115,
        0x2119...0x211D, 0x2124...0x2124, 0x2126...0x2126, 0x2128...0x2128, 0x212A...0x212D, 0x212F...0x2134,
        0x2139...0x2139, 0x213C...0x213F, 0x2145...0x2149, 0x214E...0x214E, 0x2183...0x2184, 0x2C00...0x2C7B,
        0x2C7E...0x2CE4, 0x2CEB...0x2CEE, 0x2CF2...0x2CF3, 0xA640...0xA66D, 0xA680...0xA69B, 0xA722...0xA76F,
        0xA771...0xA787, 0xA78B...0xA78E, 0xAB70...0xABBF, 0xFB00...0xFB06, 0xFB13...0xFB17, 0xFF21...0xFF3A,
        0xFF41...0xFF5A, 0x10400...0x1044F, 0x104B0...0x104D3, 0x104D8...0x104FB, 0x10C80...0x10CB2,
        0x10CC0...0x10CF2, 0x118A0...0x118DF, 0x1E900...0x1E943,
    ]

    /// DeepSeek LLM's third regex, `\s?[!-/:-~！-／：-～‘-‟　-。]+`.
    private static let deepseekPunctuation: [ClosedRange<UInt32>] = [
        0x21...0x2F, 0x3A...0x7E, 0xFF01...0xFF0F, 0xFF1A...0xFF5E, 0x2018...0x201F, 0x3000...0x3002,
    ]

    /// DeepSeek's CJK regex, `[一-龥ࠀ-一가-퟿]+`.
    private static let deepseekCJK: [ClosedRange<UInt32>] = [0x4E00...0x9FA5, 0x0800...0x4E00, 0xAC00...0xD7FF]

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

    /// `\p{M}`: non-spacing, spacing and enclosing marks.
    static func isMark(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return false }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
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
        _ cpts: [Unicode.Scalar], _ range: Range<Int>, maxDigits: Int, marksAreLetters: Bool,
        into out: inout [ArraySlice<Unicode.Scalar>]
    ) {
        let end = range.upperBound
        var prevEnd = range.lowerBound
        func cpt(_ p: Int) -> UInt32? { p < end ? cpts[p].value : nil }
        // Category of position p: 0 = out of range, 1 = letter (or mark, for Qwen3.5), 2 = number, 3 = whitespace,
        // 4 = other.
        func cat(_ p: Int) -> Int {
            guard p < end else { return 0 }
            let c = cpts[p]
            if isLetter(c) || (marksAreLetters && isMark(c)) { return 1 }
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
