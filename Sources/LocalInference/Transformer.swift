import Foundation
import LocalInferenceKernels

/// A Llama/Qwen2-style decoder: weights viewed in the mapped file, a KV cache and scratch buffers.
///
/// Not thread-safe: `LocalModel` serialises access.
final class Transformer: @unchecked Sendable {
    let config: ModelConfig
    let file: GGUFFile
    let layers: [LayerWeights]
    let tokenEmbedding: WeightMatrix
    let outputNorm: [Float]
    let output: WeightMatrix
    let vocabSize: Int
    /// The number of positions the KV cache holds.
    let maxPositions: Int
    /// The largest number of prompt tokens processed in one batched pass.
    let maxBatch = 32
    /// llama.cpp's default micro-batch (n_ubatch).
    static let llamaMicroBatch = 512

    /// The largest number of sequences decoded together by `decode(_:slots:)`.
    static let maxSlots = 8

    private let pool: ThreadPool
    /// The matrix kernels in use.
    let kernels: KernelLevel
    /// One KV cache per sequence slot, created on first use; slot 0 serves single-sequence calls.
    private var caches: [KVCache] = []
    /// The tokens held in slot 0's KV cache.
    var cachedTokens: [Int32] { caches.first?.tokens ?? [] }

    // Scratch buffers, `maxBatch` rows each.
    private let x: UnsafeMutablePointer<Float>
    private let xb: UnsafeMutablePointer<Float>
    private let xb2: UnsafeMutablePointer<Float>
    private let q: UnsafeMutablePointer<Float>
    private let k: UnsafeMutablePointer<Float>
    private let v: UnsafeMutablePointer<Float>
    private let att: UnsafeMutablePointer<Float>
    private let gate: UnsafeMutablePointer<Float>
    private let up: UnsafeMutablePointer<Float>
    private let logits: UnsafeMutablePointer<Float>
    private let acts: ActivationBatch
    private let ropeCos: UnsafeMutablePointer<Float>
    private let ropeSin: UnsafeMutablePointer<Float>

    init(file: GGUFFile, threads: Int, maxContext: Int? = nil, kernels: KernelLevel = .automatic) throws {
        self.kernels = min(kernels, KernelLevel.best)
        let config = try ModelConfig(file: file)
        self.config = config
        self.file = file
        let dim = config.embeddingLength

        func tensor(_ name: String, _ shape: [Int]) throws -> GGUFTensorInfo {
            guard let t = file.tensor(named: name) else {
                throw LocalInferenceError(.missingTensor, "missing tensor \(name)")
            }
            guard t.dimensions.count >= shape.count, Array(t.dimensions.prefix(shape.count)) == shape,
                t.dimensions.dropFirst(shape.count).allSatisfy({ $0 == 1 })
            else {
                throw LocalInferenceError(
                    .missingTensor, "tensor \(name) has shape \(t.dimensions), expected \(shape)")
            }
            guard t.type.isComputable else {
                throw LocalInferenceError(
                    .unsupportedTensorType, "unsupported tensor type \(t.type.name) in tensor \(name)")
            }
            return t
        }
        func matrix(_ name: String, cols: Int, rows: Int) throws -> WeightMatrix {
            let t = try tensor(name, [cols, rows])
            guard cols % 32 == 0 || t.type.blockSize == 1 else {
                throw LocalInferenceError(.corrupt, "corrupt file: tensor \(name) rows are not whole blocks")
            }
            return WeightMatrix(
                data: file.data(of: t), type: t.type, rows: rows, cols: cols,
                rowBytes: t.type.byteCount(elements: cols) ?? 0, name: name)
        }
        func vector(_ name: String, _ count: Int) throws -> [Float] {
            let t = try tensor(name, [count])
            var out = [Float](repeating: 0, count: count)
            out.withUnsafeMutableBufferPointer {
                Dequantizer.dequantize(t.type, from: file.data(of: t), count: count, into: $0.baseAddress!)
            }
            return out
        }
        func optionalVector(_ name: String, _ count: Int) throws -> [Float]? {
            file.tensor(named: name) == nil ? nil : try vector(name, count)
        }

        guard let tokensValue = file.metadata["tokenizer.ggml.tokens"]?.arrayValue else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key tokenizer.ggml.tokens")
        }
        guard let embd = file.tensor(named: "token_embd.weight"), embd.dimensions.count >= 2 else {
            throw LocalInferenceError(.missingTensor, "missing tensor token_embd.weight")
        }
        vocabSize = embd.dimensions[1]
        guard vocabSize == tokensValue.count || vocabSize >= tokensValue.count else {
            throw LocalInferenceError(.corrupt, "corrupt file: vocabulary size mismatch")
        }
        tokenEmbedding = try matrix("token_embd.weight", cols: dim, rows: vocabSize)
        outputNorm = try vector("output_norm.weight", dim)
        if file.tensor(named: "output.weight") != nil {
            output = try matrix("output.weight", cols: dim, rows: vocabSize)
        } else {
            output = tokenEmbedding
        }
        var layers: [LayerWeights] = []
        for i in 0..<config.layerCount {
            let p = "blk.\(i)."
            layers.append(
                LayerWeights(
                    attnNorm: try vector(p + "attn_norm.weight", dim),
                    wq: try matrix(p + "attn_q.weight", cols: dim, rows: config.qDim),
                    wk: try matrix(p + "attn_k.weight", cols: dim, rows: config.kvDim),
                    wv: try matrix(p + "attn_v.weight", cols: dim, rows: config.kvDim),
                    wo: try matrix(p + "attn_output.weight", cols: config.qDim, rows: dim),
                    bq: try optionalVector(p + "attn_q.bias", config.qDim),
                    bk: try optionalVector(p + "attn_k.bias", config.kvDim),
                    bv: try optionalVector(p + "attn_v.bias", config.kvDim),
                    ffnNorm: try vector(p + "ffn_norm.weight", dim),
                    wGate: try matrix(p + "ffn_gate.weight", cols: dim, rows: config.feedForwardLength),
                    wUp: try matrix(p + "ffn_up.weight", cols: dim, rows: config.feedForwardLength),
                    wDown: try matrix(p + "ffn_down.weight", cols: config.feedForwardLength, rows: dim)))
        }
        self.layers = layers

        let positions = max(1, min(config.contextLength, maxContext ?? config.contextLength))
        maxPositions = positions
        pool = ThreadPool(threads: threads)
        let wide = max(dim, config.qDim, config.feedForwardLength)
        x = .allocate(capacity: maxBatch * dim)
        xb = .allocate(capacity: maxBatch * wide)
        xb2 = .allocate(capacity: maxBatch * dim)
        q = .allocate(capacity: maxBatch * config.qDim)
        k = .allocate(capacity: maxBatch * config.kvDim)
        v = .allocate(capacity: maxBatch * config.kvDim)
        att = .allocate(capacity: maxBatch * config.qDim)
        gate = .allocate(capacity: maxBatch * config.feedForwardLength)
        up = .allocate(capacity: maxBatch * config.feedForwardLength)
        // One row per decoded sequence; untouched rows are never resident.
        logits = .allocate(capacity: Self.maxSlots * vocabSize)
        acts = ActivationBatch(maxTokens: maxBatch, maxCols: wide)
        ropeCos = .allocate(capacity: maxBatch * config.ropeDimensions / 2)
        ropeSin = .allocate(capacity: maxBatch * config.ropeDimensions / 2)
    }

    deinit {
        for p in [x, xb, xb2, q, k, v, att, gate, up, logits, ropeCos, ropeSin] { p.deallocate() }
    }

    var threadCount: Int { pool.threadCount }

    /// Forgets the KV caches of every slot.
    func reset() {
        for cache in caches { cache.tokens = [] }
    }

    /// The KV cache of `slot` (0..<maxSlots), created on first use. Untouched pages of its large allocations are
    /// never resident: memory grows with the context used.
    private func cache(_ slot: Int) -> KVCache {
        while caches.count <= slot {
            caches.append(KVCache(layers: config.layerCount, positions: maxPositions, kvDim: config.kvDim))
        }
        return caches[slot]
    }

    /// Feeds `tokens` after the cached ones and returns the logits after the last one.
    ///
    /// If the cache already holds a prefix of `tokens` (same conversation), only the new suffix is processed.
    /// `shouldStop` is polled before each batch of rows; when it returns true the cache is left as it was before the
    /// call (its common prefix) and a `cancelled` error is thrown.
    func evaluate(_ tokens: [Int32], reuseCache: Bool, slot: Int = 0, shouldStop: () -> Bool = { false }) throws
        -> [Float]
    {
        let cache = cache(slot)
        guard !tokens.isEmpty else { throw LocalInferenceError(.invalidArgument, "no tokens to evaluate") }
        for t in tokens where t < 0 || Int(t) >= vocabSize {
            throw LocalInferenceError(.invalidArgument, "token id \(t) is outside the vocabulary (\(vocabSize))")
        }
        var start = 0
        if reuseCache {
            let common = zip(cache.tokens, tokens).prefix { $0 == $1 }.count
            start = min(common, tokens.count - 1)  // always recompute at least the last token
        }
        guard tokens.count <= maxPositions else {
            throw LocalInferenceError(
                .contextExceeded,
                "context exceeded: \(tokens.count) tokens do not fit in the context window of \(maxPositions)")
        }
        cache.tokens = Array(tokens[..<start])
        var pos = start
        // llama.cpp splits a prompt into micro-batches of up to 512 tokens and picks its attention kernel by the
        // micro-batch size; the same split is kept here so that the arithmetic (and the greedy tokens) match.
        while pos < tokens.count {
            let microBatch = min(Transformer.llamaMicroBatch, tokens.count - pos)
            // llama.cpp's CPU flash attention runs micro-batches under 64 rows through its one-row kernel; the C
            // kernels do that kernel's arithmetic exactly, so the C levels switch where llama.cpp does. The Swift
            // one-row kernel rounds differently (no fused multiply-adds), and its results agree with llama.cpp's
            // more often when it hands over at 20 rows (measured on the reference fixtures: 9/10 greedy vs 7/10).
            let precise = microBatch >= (kernels >= .avx2 ? 64 : 20)
            let microEnd = pos + microBatch
            while pos < microEnd {
                if shouldStop() {
                    cache.tokens = Array(tokens[..<start])
                    throw LocalInferenceError(
                        .cancelled, "cancelled after \(pos - start) of \(tokens.count - start) prompt tokens")
                }
                let n = min(maxBatch, microEnd - pos)
                forward(
                    Array(tokens[pos..<(pos + n)]), positions: Array(pos..<(pos + n)),
                    caches: Array(repeating: cache, count: n), preciseAttention: precise, singleRow: microBatch == 1,
                    allLogits: false)
                cache.tokens.append(contentsOf: tokens[pos..<(pos + n)])
                pos += n
            }
        }
        return Array(UnsafeBufferPointer(start: logits, count: vocabSize))
    }

    /// Feeds one more token after the cache and returns the next logits.
    func step(_ token: Int32, shouldStop: () -> Bool = { false }) throws -> [Float] {
        try evaluate(cachedTokens + [token], reuseCache: true, shouldStop: shouldStop)
    }

    /// Feeds `tokens[i]` after the KV cache of `slots[i]`, for every `i` in one forward pass, and returns each
    /// sequence's next logits.
    ///
    /// The matrix products take all the rows together, so each weight is read once for the whole batch; attention
    /// runs per sequence over its own cache. Both do exactly the arithmetic of `step(_:)` on each sequence alone
    /// (the kernels give the same result for a row alone or in a batch), so the logits are bit-identical.
    func decode(_ tokens: [Int32], slots: [Int]) throws -> [[Float]] {
        let n = tokens.count
        guard n > 0, n == slots.count, n <= Self.maxSlots, Set(slots).count == n,
            slots.allSatisfy({ (0..<Self.maxSlots).contains($0) })
        else { throw LocalInferenceError(.invalidArgument, "invalid decoding batch") }
        for t in tokens where t < 0 || Int(t) >= vocabSize {
            throw LocalInferenceError(.invalidArgument, "token id \(t) is outside the vocabulary (\(vocabSize))")
        }
        let caches = slots.map { cache($0) }
        for cache in caches where cache.tokens.count + 1 > maxPositions {
            throw LocalInferenceError(
                .contextExceeded,
                "context exceeded: \(cache.tokens.count + 1) tokens do not fit in the context window of "
                    + "\(maxPositions)")
        }
        // Each row is the only new token of its sequence, as when llama.cpp decodes that sequence alone.
        forward(tokens, positions: caches.map { $0.tokens.count }, caches: caches, preciseAttention: false,
                singleRow: true, allLogits: true)
        for (cache, token) in zip(caches, tokens) { cache.tokens.append(token) }
        return (0..<n).map { Array(UnsafeBufferPointer(start: logits + $0 * vocabSize, count: vocabSize)) }
    }

    // MARK: - Forward pass

    /// Runs row `t` (`tokens[t]` at `positions[t]`, keys and values stored in `caches[t]`) through the model.
    /// `singleRow`: each row is alone in its sequence's micro-batch (decoding), which picks llama.cpp's split
    /// attention path over long caches.
    /// With `allLogits`, row `t`'s logits go to `logits + t * vocabSize`; otherwise only the last row's, at `logits`.
    private func forward(
        _ tokens: [Int32], positions: [Int], caches: [KVCache], preciseAttention: Bool, singleRow: Bool,
        allLogits: Bool
    ) {
        let n = tokens.count
        let c = config
        let dim = c.embeddingLength
        for (t, token) in tokens.enumerated() {
            Dequantizer.dequantize(
                tokenEmbedding.type, from: tokenEmbedding.row(Int(token)), count: dim, into: x + t * dim)
        }
        prepareRope(positions: positions)
        for (l, layer) in layers.enumerated() {
            // Attention.
            for t in 0..<n { rmsNorm(x + t * dim, layer.attnNorm, into: xb + t * dim) }
            matmul([(layer.wq, q), (layer.wk, k), (layer.wv, v)], input: xb, tokens: n)
            for t in 0..<n {
                if let b = layer.bq { add(b, to: q + t * c.qDim) }
                if let b = layer.bk { add(b, to: k + t * c.kvDim) }
                if let b = layer.bv { add(b, to: v + t * c.kvDim) }
                rope(q + t * c.qDim, heads: c.headCount, t: t)
                rope(k + t * c.kvDim, heads: c.headCountKV, t: t)
                // The cache is kept at half precision like llama.cpp's default F16 cache.
                let kc = caches[t].keys[l] + positions[t] * c.kvDim
                let vc = caches[t].values[l] + positions[t] * c.kvDim
                for i in stride(from: 0, to: c.kvDim, by: 8) {
                    store(HalfTable.round(load(k + t * c.kvDim + i)), kc + i)
                    store(HalfTable.round(load(v + t * c.kvDim + i)), vc + i)
                }
            }
            attention(layer: l, positions: positions, caches: caches, precise: preciseAttention, singleRow: singleRow)
            matmul([(layer.wo, xb2)], input: att, tokens: n)
            for i in 0..<(n * dim) { x[i] += xb2[i] }
            // Feed-forward (SwiGLU).
            for t in 0..<n { rmsNorm(x + t * dim, layer.ffnNorm, into: xb + t * dim) }
            matmul([(layer.wGate, gate), (layer.wUp, up)], input: xb, tokens: n)
            let ff = c.feedForwardLength
            if kernels >= .avx2 {
                // ggml's vectorised exp, row by row as ggml runs it (a row's tail, if any, through libm's expf).
                for t in 0..<n { li_avx2_swiglu(ff, gate + t * ff, up + t * ff) }
            } else {
                for i in 0..<(n * ff) {
                    let g = gate[i]
                    gate[i] = g / (1 + exp(-g)) * up[i]
                }
            }
            matmul([(layer.wDown, xb2)], input: gate, tokens: n)
            for i in 0..<(n * dim) { x[i] += xb2[i] }
        }
        if allLogits {
            for t in 0..<n { rmsNorm(x + t * dim, outputNorm, into: xb + t * dim) }
            matmul([(output, logits)], input: xb, tokens: n)
        } else {
            // Only the last token's logits are needed.
            rmsNorm(x + (n - 1) * dim, outputNorm, into: xb)
            matmul([(output, logits)], input: xb, tokens: 1)
        }
    }

    private func rmsNorm(_ src: UnsafeMutablePointer<Float>, _ weight: [Float], into dst: UnsafeMutablePointer<Float>) {
        let n = weight.count
        var sum: Double = 0  // ggml sums the squares in double
        for i in 0..<n { sum += Double(src[i] * src[i]) }
        let scale = 1 / (Float(sum / Double(n)) + config.rmsEpsilon).squareRoot()
        weight.withUnsafeBufferPointer { w in
            for i in 0..<n { dst[i] = src[i] * scale * w[i] }
        }
    }

    private func add(_ bias: [Float], to dst: UnsafeMutablePointer<Float>) {
        for i in 0..<bias.count { dst[i] += bias[i] }
    }

    private func prepareRope(positions: [Int]) {
        let half = config.ropeDimensions / 2
        let thetaScale = powf(config.ropeFreqBase, -2 / Float(config.ropeDimensions))
        for (t, position) in positions.enumerated() {
            var theta = Float(position)
            for i in 0..<half {
                ropeCos[t * half + i] = cos(theta)
                ropeSin[t * half + i] = sin(theta)
                theta *= thetaScale
            }
        }
    }

    private func rope(_ vec: UnsafeMutablePointer<Float>, heads: Int, t: Int) {
        let half = config.ropeDimensions / 2
        let cosT = ropeCos + t * half
        let sinT = ropeSin + t * half
        // With FMA (the C kernels' levels), the rotation is fused as llama.cpp's x86 build compiles it:
        // x0 * cos - x1 * sin as fma(x0, cos, -(x1 * sin)), and x0 * sin + x1 * cos as fma(x0, sin, x1 * cos).
        let fused = kernels >= .avx2
        for h in 0..<heads {
            let p = vec + h * config.headDim
            for i in 0..<half {
                let (a, b) = config.ropeNeox ? (i, i + half) : (2 * i, 2 * i + 1)
                let x0 = p[a], x1 = p[b]
                if fused {
                    p[a] = (-(x1 * sinT[i])).addingProduct(x0, cosT[i])
                    p[b] = (x1 * cosT[i]).addingProduct(x0, sinT[i])
                } else {
                    p[a] = x0 * cosT[i] - x1 * sinT[i]
                    p[b] = x0 * sinT[i] + x1 * cosT[i]
                }
            }
        }
    }

    /// Causal attention of each new row over its sequence's cache (row `t` at `positions[t]` sees positions
    /// `0...positions[t]` of `caches[t]`), one (row, head) pair per task.
    ///
    /// Two variants follow llama.cpp's CPU flash-attention kernels: for small micro-batches and decoding
    /// (`precise == false`), Q is rounded to half precision and the softmax is computed online with the weighted sum
    /// of V kept at half precision after every step (`flash_attn_ext_f16_one_chunk`); for micro-batches of 64 rows
    /// or more, float Q and a float accumulator (`flash_attn_ext_tiled`).
    private func attention(
        layer l: Int, positions rowPositions: [Int], caches: [KVCache], precise: Bool, singleRow: Bool
    ) {
        let n = rowPositions.count
        let c = config
        let hd = c.headDim
        let group = c.headCount / c.headCountKV
        let scale = 1 / Float(hd).squareRoot()
        let keys = caches.map { $0.keys[l] }, values = caches.map { $0.values[l] }
        let q = self.q, att = self.att, kernels = self.kernels, maxPositions = self.maxPositions
        let threads = pool.threadCount
        if precise && kernels >= .avx2 {
            // ggml's tiled kernel, for groups of rows of one head (a key tile is packed once per group). Only
            // prompts take this path, so every row reads the same cache.
            let rowsPerTask = 8
            let groups = (n + rowsPerTask - 1) / rowsPerTask
            let counts = rowPositions.map { $0 + 1 }
            let kc = keys[0], vc = values[0]
            pool.run(groups * c.headCount) { task in
                let h = task % c.headCount
                let t0 = task / c.headCount * rowsPerTask
                let rows = min(rowsPerTask, n - t0)
                let kvh = h / group
                counts.withUnsafeBufferPointer { counts in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: 64 * hd + 64 + rows * (hd + 2)) { buffer in
                        li_avx2_attend_tiled(
                            q + t0 * c.qDim + h * hd, c.qDim, rows, counts.baseAddress! + t0, kc + kvh * hd,
                            vc + kvh * hd, c.kvDim, hd, scale, att + t0 * c.qDim + h * hd, c.qDim, buffer.baseAddress!)
                    }
                }
            }
            return
        }
        pool.run(n * c.headCount) { task in
            let t = task / c.headCount
            let h = task % c.headCount
            let kvh = h / group
            let positions = rowPositions[t] + 1
            let kc = keys[t], vc = values[t]
            let qv = q + t * c.qDim + h * hd
            let out = att + t * c.qDim + h * hd
            let kBase = kc + kvh * hd, vBase = vc + kvh * hd
            if precise {
                withUnsafeTemporaryAllocation(of: Float.self, capacity: positions) { scores in
                    var maxScore = -Float.infinity
                    for j in 0..<positions {
                        let s = QuantKernels.dot(qv, kBase + j * c.kvDim, hd) * scale
                        scores[j] = s
                        maxScore = max(maxScore, s)
                    }
                    var sum: Double = 0
                    for j in 0..<positions {
                        let e = exp(scores[j] - maxScore)
                        scores[j] = e
                        sum += Double(e)
                    }
                    let inv = Float(1 / sum)
                    for i in stride(from: 0, to: hd, by: 8) {
                        var acc = SIMD8<Float>(repeating: 0)
                        for j in 0..<positions { acc += load(vBase + j * c.kvDim + i) * scores[j] }
                        store(acc * inv, out + i)
                    }
                }
                return
            }
            if kernels >= .avx2 {
                // llama.cpp attends to its cells rounded up to 256; one query row over 512 or more takes its split
                // path, the cells divided among its threads (taken to be as many as ours).
                let cells = min((positions + 255) / 256 * 256, maxPositions)
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * hd) { buffer in
                    if singleRow && cells >= 512 {
                        li_avx2_attend_one_row_split(
                            qv, kBase, vBase, positions, c.kvDim, hd, scale, cells, threads, out, buffer.baseAddress!)
                    } else {
                        li_avx2_attend_one_row(
                            qv, kBase, vBase, positions, c.kvDim, hd, scale, out, buffer.baseAddress!)
                    }
                }
                return
            }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * hd) { buffer in
                let qh = buffer.baseAddress!
                let acc = qh + hd
                for i in stride(from: 0, to: hd, by: 8) {
                    store(HalfTable.round(load(qv + i)), qh + i)
                    store(SIMD8<Float>(repeating: 0), acc + i)
                }
                var sum: Float = 0
                var maxScore = -Float.infinity
                for j in 0..<positions {
                    let kr = kBase + j * c.kvDim
                    var dot = SIMD8<Float>(repeating: 0)
                    for i in stride(from: 0, to: hd, by: 8) { dot += load(qh + i) * load(kr + i) }
                    let s = dot.sum() * scale
                    var ms: Float = 1
                    var vs: Float = 1
                    if s > maxScore {
                        ms = exp(maxScore - s)
                        maxScore = s
                        for i in stride(from: 0, to: hd, by: 8) { store(HalfTable.round(load(acc + i) * ms), acc + i) }
                    } else {
                        vs = exp(s - maxScore)
                    }
                    let vr = vBase + j * c.kvDim
                    for i in stride(from: 0, to: hd, by: 8) {
                        store(HalfTable.round(load(acc + i) + load(vr + i) * vs), acc + i)
                    }
                    sum = sum * ms + vs
                }
                let inv = 1 / sum
                for i in stride(from: 0, to: hd, by: 8) { store(load(acc + i) * inv, out + i) }
            }
        }
    }

    /// Computes `out = W · input` for each (W, out) pair, for `tokens` input rows, in one parallel job.
    /// Output row `t` of each pair is at `out + t * W.rows`.
    private func matmul(_ jobs: [(WeightMatrix, UnsafeMutablePointer<Float>)], input: UnsafeMutablePointer<Float>,
                        tokens: Int) {
        let cols = jobs[0].0.cols
        let kernels = self.kernels
        acts.load(
            input, tokens: tokens, cols: cols,
            formats: jobs.reduce([]) { $0.union($1.0.activationFormats(at: kernels)) },
            kernels: kernels)
        // Split rows into chunks: enough for load balancing, large enough to amortise scheduling.
        let totalRows = jobs.reduce(0) { $0 + $1.0.rows }
        let targetTasks = pool.threadCount == 1 ? 1 : pool.threadCount * 8
        let chunk = max(16, (totalRows + targetTasks - 1) / targetTasks + 15) & ~15
        var tasks: [(job: Int, start: Int, end: Int)] = []
        for (j, (w, _)) in jobs.enumerated() {
            var r = 0
            while r < w.rows {
                tasks.append((j, r, min(w.rows, r + chunk)))
                r += chunk
            }
        }
        let acts = self.acts
        tasks.withUnsafeBufferPointer { taskList in
            jobs.withUnsafeBufferPointer { jobList in
                pool.run(taskList.count) { i in
                    let task = taskList[i]
                    let (w, out) = jobList[task.job]
                    w.multiply(rows: task.start..<task.end, acts: acts, out: out, level: kernels)
                }
            }
        }
    }
}

@inline(__always)
func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
func load(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}
