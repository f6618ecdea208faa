import Foundation
import LocalInference
import Testing

/// The integer kernels for Q5_0, Q5_1, Q4_K, Q5_K and Q6_K against the float (dequantise-then-dot) path, and the
/// independence of their results from batching and thread count.
struct KQuantKernelTests {
    typealias Noise = QuantizationTests.Noise

    static let types: [GGMLType] = [.q5_0, .q5_1, .q4_K, .q5_K, .q6_K]

    /// `count` random blocks of `type`: arbitrary quant bits, sane half-precision scales (so that dequantised
    /// values stay around ±0.2, as in a model).
    static func randomBlocks(_ type: GGMLType, elements: Int, noise: inout Noise) -> [UInt8] {
        let blocks = elements / type.blockSize
        var out: [UInt8] = []
        for _ in 0..<blocks {
            var block = (0..<type.blockBytes).map { _ in UInt8(truncatingIfNeeded: Int(noise.next() * 1e6)) }
            func set(_ offset: Int, _ value: Float) {
                let h = halfBits(value)
                block[offset] = h[0]
                block[offset + 1] = h[1]
            }
            let r = 1 + noise.next() * 0.5  // 0.5...1.5
            switch type {
            case .q5_0: set(0, 0.012 * r)
            case .q5_1: set(0, 0.012 * r); set(2, -0.18 * r)
            case .q4_K, .q5_K: set(0, 0.0002 * r); set(2, 0.0003 * r)
            case .q6_K: set(208, 0.00005 * r)
            default: break
            }
            out += block
        }
        return out
    }

    /// The activations as the kernels see them, dequantised: ggml's Q8_0/Q8_1 (scale amax / 127 rounded to half)
    /// or Q8_K (the largest magnitude maps to -127, float scale); plus, per 32-block, Q8_1's rounded scaled sum.
    static func quantizedActivations(_ x: [Float], _ type: GGMLType) -> (values: [Double], q8_1Sums: [Float]) {
        var values = [Double](repeating: 0, count: x.count)
        var sums: [Float] = []
        if type.blockSize == 256 {
            for b in stride(from: 0, to: x.count, by: 256) {
                let block = x[b..<(b + 256)]
                guard let signed = block.max(by: { abs($0) < abs($1) }), signed != 0 else { continue }
                let iscale = -127 / signed
                for i in block.indices {
                    values[i] = Double(min(127, (iscale * x[i]).rounded(.toNearestOrEven))) * Double(1 / iscale)
                }
            }
        } else {
            for b in stride(from: 0, to: x.count, by: 32) {
                let amax = x[b..<(b + 32)].map(abs).max()!
                let scale = amax / 127
                let inv: Float = amax != 0 ? 127 / amax : 0
                let d = Float(Float16(scale))
                var sum: Float = 0
                for i in b..<(b + 32) {
                    let q = (x[i] * inv).rounded(.toNearestOrEven)
                    sum += q
                    values[i] = Double(q) * Double(d)
                }
                sums.append(Float(Float16(scale * sum)))
            }
        }
        return (values, sums)
    }

    /// The Q5_1 minimum of each 32-block of a row.
    static func q5_1Mins(_ row: [UInt8]) -> [Float] {
        stride(from: 0, to: row.count, by: 24).map {
            Float(Float16(bitPattern: UInt16(row[$0 + 2]) | UInt16(row[$0 + 3]) << 8))
        }
    }

    @Test(arguments: types, KernelLevel.supported)
    func integerKernelMatchesFloatPath(_ type: GGMLType, _ level: KernelLevel) throws {
        var noise = Noise(state: UInt64(type.rawValue) * 31 + 5)
        let cols = 512
        for trial in 0..<4 {
            let row = Self.randomBlocks(type, elements: cols, noise: &noise)
            let w = Dequantizer.dequantize(type, bytes: row, count: cols)
            #expect(w.count == cols && w.allSatisfy { $0.isFinite && abs($0) < 1 })
            // Vectors with different ranges per block, one with an all-zero super-block, one constant.
            var vectors = (0..<5).map { k in
                (0..<cols).map { i in noise.next() * Float(1 + (i / 64 + k) % 5) }
            }
            vectors[1].replaceSubrange(256..<512, with: repeatElement(0, count: 256))
            vectors[3] = [Float](repeating: trial.isMultiple(of: 2) ? 0.7 : -0.3, count: cols)
            let ours = try #require(QuantizedDot.dot(type, row: row, vectors: vectors, level: level))
            for (k, v) in vectors.enumerated() {
                let exact = zip(w, v).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let magnitude = zip(w, v).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
                let (aq, sums) = Self.quantizedActivations(v, type)

                // 1. Against the float dot product: the only error is the 8-bit quantisation of the vector, at most
                // half a step per element (Q8_K: step = float scale), plus for the 32-blocks the half-precision
                // rounding of the scale (at most 127 x 2^-11 steps) and, for Q5_1, of the scaled sum.
                var bound = 1e-5 * magnitude
                let block = type.blockSize == 256 ? 256 : 32
                for b in stride(from: 0, to: cols, by: block) {
                    let amax = Double(v[b..<(b + block)].map(abs).max()!)
                    let stepError = block == 256 ? 0.5 : 0.5 + 127.0 / 2048
                    bound += w[b..<(b + block)].reduce(0.0) { $0 + abs(Double($1)) } * amax / 127 * stepError
                }
                if type == .q5_1 {
                    for (m, s) in zip(Self.q5_1Mins(row), sums) { bound += Double(abs(m) * abs(s)) / 1024 }
                }
                #expect(abs(Double(ours[k]) - exact) <= bound, "\(type.name) vector \(k): \(ours[k]) vs \(exact)")

                // 2. Against the same quantised activations in double: only float rounding differs (the integer
                // sums are exact), which checks every unpacked bit and scale of the kernel.
                var simulated = zip(w, aq).reduce(0.0) { $0 + Double($1.0) * $1.1 }
                var slack = 2e-6 * magnitude + 1e-6
                if type == .q5_1 {
                    // Q8_1 carries the scaled sum rounded to half; the kernel multiplies the minimum by it.
                    let mins = Self.q5_1Mins(row)
                    for (b, m) in mins.enumerated() {
                        let blockSum = aq[(32 * b)..<(32 * b + 32)].reduce(0, +)
                        simulated += Double(m) * (Double(sums[b]) - blockSum)
                        slack += Double(abs(m) * abs(sums[b])) * 1e-6
                    }
                }
                #expect(abs(Double(ours[k]) - simulated) <= slack,
                        "\(type.name) vector \(k): \(ours[k]) vs \(simulated)")
            }
        }
    }

    @Test(arguments: types, KernelLevel.supported)
    func resultsDoNotDependOnBatchingOrThreads(_ type: GGMLType, _ level: KernelLevel) throws {
        var noise = Noise(state: UInt64(type.rawValue) + 1000)
        let cols = 768, rows = 37
        let matrix = (0..<rows).flatMap { _ in Self.randomBlocks(type, elements: cols, noise: &noise) }
        let vectors = (0..<7).map { _ in (0..<cols).map { _ in noise.next() * 2 } }
        // Seven vectors: one group through the 4-row kernel, three through the 1-row kernel.
        func product(_ vectors: [[Float]], threads: Int) throws -> [[Float]] {
            try #require(
                QuantizedDot.product(type, matrix: matrix, rows: rows, vectors: vectors, threads: threads, level: level))
        }
        let batched = try product(vectors, threads: 1)
        let threaded = try product(vectors, threads: 3)
        #expect(batched == threaded)
        for (k, v) in vectors.enumerated() {
            let alone = try product([v], threads: 2)
            #expect(alone[0] == batched[k], "\(type.name): vector \(k) alone differs from the batch")
        }
        // Row r of the product is the single-row dot product.
        let rowBytes = type.byteCount(elements: cols)!
        let third = Array(matrix[(3 * rowBytes)..<(4 * rowBytes)])
        #expect(try #require(QuantizedDot.dot(type, row: third, vectors: vectors, level: level)) == batched.map { $0[3] })
    }

    /// ggml's own results on random data (Fixtures/kernels.json, made by scripts/local-inference/make_kernel_fixture.py
    /// with the ggml library in the xllamacpp wheel): weights quantised by ggml_quantize_chunk, activations by the CPU
    /// backend's Q8_0/Q8_1/Q8_K quantisers, dot products by its vec_dot kernels. The integer sums are exact on both
    /// sides and the activation quantisation is the same, so only float rounding differs.
    @Test(arguments: KernelLevel.supported)
    func kernelsMatchGgml(_ level: KernelLevel) throws {
        struct Fixture: Decodable {
            struct Case: Decodable {
                var type: String
                var rows: Int
                var cols: Int
                var weights: String
                var expected: [[Float]]
            }
            var cols: Int
            var vectors: String
            var cases: [Case]
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kernels.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let floats = try #require(Data(base64Encoded: fixture.vectors)).withUnsafeBytes {
            Array($0.bindMemory(to: Float.self))
        }
        let vectors = stride(from: 0, to: floats.count, by: fixture.cols).map {
            Array(floats[$0..<($0 + fixture.cols)])
        }
        #expect(fixture.cases.count == 8)
        var worst: Float = 0
        var worstByType: [String: Float] = [:]
        var identical = 0, total = 0
        for c in fixture.cases {
            let type = try #require(GGMLType.allCases.first { $0.name == c.type })
            let matrix = try #require(Data(base64Encoded: c.weights)).map { $0 }
            let ours = try #require(
                QuantizedDot.product(type, matrix: matrix, rows: c.rows, vectors: vectors, threads: 2, level: level))
            let rowBytes = matrix.count / c.rows
            for (t, v) in vectors.enumerated() {
                for r in 0..<c.rows {
                    let w = Dequantizer.dequantize(type, bytes: Array(matrix[(r * rowBytes)..<((r + 1) * rowBytes)]),
                                                   count: c.cols)
                    let magnitude = zip(w, v).reduce(Float(0)) { $0 + abs($1.0 * $1.1) }
                    let difference = abs(ours[t][r] - c.expected[t][r]) / max(magnitude, 1e-6)
                    worst = max(worst, difference)
                    worstByType[c.type] = max(worstByType[c.type] ?? 0, difference)
                    if ours[t][r] == c.expected[t][r] { identical += 1 }
                    total += 1
                    #expect(abs(ours[t][r] - c.expected[t][r]) <= 1e-5 * magnitude + 1e-6,
                            "\(c.type) vector \(t) row \(r): \(ours[t][r]) vs ggml \(c.expected[t][r])")
                }
            }
        }
        print("kernels (\(level)) vs ggml: largest difference \(worst) of the sum of |w * x| (by type: "
            + worstByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            + "); \(identical) of \(total) products bit-identical")
    }

    @Test func dequantizesHandMadeQ5Blocks() {
        // Q5_1: value = d * q + m, the fifth bit of element j is bit j of qh.
        let same: [UInt8] = (0..<16).map { (i: Int) -> UInt8 in UInt8(i) | UInt8(i) << 4 }
        let q5_1 = halfBits(0.5) + halfBits(-4) + GGUFBuilder.bytes(UInt32(0xFFFF_0000)) + same
        let expected5_1: [Float] = (0..<32).map { Float($0 % 16 + ($0 >= 16 ? 16 : 0)) * 0.5 - 4 }
        #expect(Dequantizer.dequantize(.q5_1, bytes: q5_1, count: 32) == expected5_1)

        // Q5_K: d = 1, dmin = 0.5, scales 1...8, mins 0...7, nibbles 3; qh bit 2j (bit 2j + 1) adds 16 to the
        // low (high) nibbles of chunk j: qh = 0b1001_0110 sets sub-blocks 1, 2, 4 and 7.
        var scales = [UInt8](repeating: 0, count: 12)
        let sc: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8], mn: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7]
        for j in 0..<4 {
            scales[j] = sc[j]
            scales[j + 4] = mn[j]
        }
        for j in 4..<8 { scales[j + 4] = (sc[j] & 0x0F) | ((mn[j] & 0x0F) << 4) }
        let q5k = halfBits(1) + halfBits(0.5) + scales + [UInt8](repeating: 0b1001_0110, count: 32)
            + [UInt8](repeating: 0x33, count: 128)
        let out = Dequantizer.dequantize(.q5_K, bytes: q5k, count: 256)
        for j in 0..<8 {
            let q: Float = [1, 2, 4, 7].contains(j) ? 19 : 3
            #expect(out[j * 32] == Float(sc[j]) * q - 0.5 * Float(mn[j]), "sub-block \(j)")
            #expect(out[j * 32 + 31] == out[j * 32])
        }
    }
}

/// A small llama model whose projections are K-quants (256-wide rows), for end-to-end consistency checks.
struct KQuantModelTests {
    static func build(types: [GGMLType]) -> [UInt8] {
        let dim = 256, ffn = 512, heads = 4, kvHeads = 2, layers = types.count
        let tokens = SyntheticModel.tokens
        var b = GGUFBuilder()
        b.metadata = [
            ("general.architecture", .string("llama")),
            ("general.name", .string("synthetic k-quant")),
            ("llama.block_count", .u32(UInt32(layers))),
            ("llama.context_length", .u32(256)),
            ("llama.embedding_length", .u32(UInt32(dim))),
            ("llama.feed_forward_length", .u32(UInt32(ffn))),
            ("llama.attention.head_count", .u32(UInt32(heads))),
            ("llama.attention.head_count_kv", .u32(UInt32(kvHeads))),
            ("llama.rope.freq_base", .f32(10000)),
            ("llama.attention.layer_norm_rms_epsilon", .f32(1e-5)),
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string("smollm")),
            ("tokenizer.ggml.tokens", .array(8, tokens.map { .string($0) })),
            ("tokenizer.ggml.token_type", .array(5, tokens.indices.map {
                .i32($0 < SyntheticModel.specials.count ? 3 : 1)
            })),
            ("tokenizer.ggml.merges", .array(8, SyntheticModel.merges.map { .string($0) })),
            ("tokenizer.ggml.bos_token_id", .u32(1)),
            ("tokenizer.ggml.eos_token_id", .u32(2)),
            ("tokenizer.chat_template", .string(SyntheticModel.chatml)),
        ]
        var noise = QuantizationTests.Noise(state: 17)
        func matrix(_ name: String, _ cols: Int, _ rows: Int, _ type: GGMLType) {
            let data = KQuantKernelTests.randomBlocks(type, elements: cols * rows, noise: &noise)
            b.tensors.append(.init(name: name, dims: [cols, rows], type: type.rawValue, data: data))
        }
        func norm(_ name: String) {
            let values = (0..<dim).map { _ in 1 + noise.next() * 0.1 }
            b.tensors.append(.init(name: name, dims: [dim], type: 0, data: values.flatMap {
                GGUFBuilder.bytes($0.bitPattern)
            }))
        }
        let embedding = (0..<(dim * tokens.count)).map { _ in noise.next() }
        b.tensors.append(.init(name: "token_embd.weight", dims: [dim, tokens.count], type: 8,
                               data: QuantizationTests.quantize(embedding, .q8_0)))
        norm("output_norm.weight")
        for (l, type) in types.enumerated() {
            let p = "blk.\(l)."
            norm(p + "attn_norm.weight")
            matrix(p + "attn_q.weight", dim, dim, type)
            matrix(p + "attn_k.weight", dim, dim / heads * kvHeads, type)
            matrix(p + "attn_v.weight", dim, dim / heads * kvHeads, type == .q4_K ? .q6_K : type)
            matrix(p + "attn_output.weight", dim, dim, type)
            norm(p + "ffn_norm.weight")
            matrix(p + "ffn_gate.weight", dim, ffn, type)
            matrix(p + "ffn_up.weight", dim, ffn, type)
            matrix(p + "ffn_down.weight", ffn, dim, type == .q5_0 ? .q4_K : type)
        }
        return b.build()
    }

    @Test func kQuantModelIsConsistentAcrossThreadsAndBatches() throws {
        let bytes = Self.build(types: [.q4_K, .q5_0, .q6_K, .q5_K, .q5_1])
        let model = try SyntheticModel.load(bytes, threads: 2)
        let single = try SyntheticModel.load(bytes, threads: 1)
        // 70+ prompt tokens: batches of 32 through the 4-row kernels, remainders through the 1-row kernels.
        let long = [ChatTurn(role: "user", content: String(repeating: "hello world, ", count: 6))]
        let logits = try model.firstTokenLogits(long)
        #expect(logits.allSatisfy { $0.isFinite } && Set(logits).count > 10)
        #expect(try single.firstTokenLogits(long) == logits)
        let greedy = try model.greedyTokens(long, count: 8)
        #expect(try single.greedyTokens(long, count: 8) == greedy)
        #expect(try model.greedyTokens(long, count: 8) == greedy)  // with the KV cache reused
    }
}
