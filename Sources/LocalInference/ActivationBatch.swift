import LocalInferenceKernels

/// A batch of activation rows, kept as floats and quantised to 8 bits the way ggml quantises the right-hand side
/// of a product: blocks of 32 (Q8_0/Q8_1) and/or super-blocks of 256 (Q8_K), as the weights in use need.
///
/// The quantised values are stored widened to `Int16` and permuted within each 32 values so that the integer
/// kernels can multiply them lane-by-lane with nibbles/bytes unpacked from 16-bit weight lanes:
/// slot `(i >= 16 ? 16 : 0) + (i & 1) * 8 + (i & 15) >> 1` holds element `i` of the 32 (`slot(_:)`). The same
/// permutation serves the 32-element blocks and every 32-element part of a 256-element super-block.
final class ActivationBatch: @unchecked Sendable {
    let maxTokens: Int
    let maxCols: Int
    /// The row length of the current contents.
    private(set) var cols = 0
    /// The number of rows of the current contents.
    private(set) var tokens = 0
    /// The kernel level the current contents were quantised for (the byte forms differ between levels).
    private(set) var kernels = KernelLevel.sse2
    /// The float rows (row `t` at `floats + t * cols`).
    private(set) var floats: UnsafeMutablePointer<Float>

    /// Q8_0/Q8_1 values, `cols` per row.
    let q: UnsafeMutablePointer<Int16>
    /// Per 32-block: the scale, rounded to half precision.
    let d: UnsafeMutablePointer<Float>
    /// Per 32-block: scale times the sum of the quantised values, rounded to half precision (ggml's Q8_1 `s`).
    let s: UnsafeMutablePointer<Float>
    /// Per 32-block: 8 times the sums of the quantised values in each of the four lanes of a `madd4` over the block
    /// (lane `k` sums elements `8 * j + 2 * k` and `8 * j + 2 * k + 1` of the stored order, for `j` in 0..<4), so that
    /// Q4_1's unsigned nibbles can go through the signed `madd4` as `nibble - 8` and get the same lane values.
    let laneSums: UnsafeMutablePointer<Int32>
    /// Q8_0/Q8_1 values as bytes in their natural order, `cols` per row: ggml's layout, read by the C kernels
    /// (filled instead of `q` and `laneSums` when the batch is loaded for them; plus 128 for `.avx512vnni`).
    let bytes: UnsafeMutablePointer<Int8>

    /// Q8_K values, `cols` per row.
    let kq: UnsafeMutablePointer<Int16>
    /// Per 256-block: the float scale (ggml's Q8_K `d`, negative when the largest magnitude is positive).
    let kd: UnsafeMutablePointer<Float>
    /// Per 256-block: the sums of each 32 consecutive quantised values, 8 per block (ggml's `bsums` added in
    /// pairs; each fits in 16 bits).
    let ksums: UnsafeMutablePointer<Int16>

    /// Q8_K values as bytes in natural order, `cols` per row (the C K-quant kernels).
    let kbytes: UnsafeMutablePointer<Int8>
    /// Per 256-block: ggml's `bsums`, the sums of each 16 values (the C K-quant kernels).
    let kbsums: UnsafeMutablePointer<Int16>

    init(maxTokens: Int, maxCols: Int) {
        self.maxTokens = maxTokens
        self.maxCols = maxCols
        floats = .allocate(capacity: 1)
        q = .allocate(capacity: maxTokens * maxCols)
        d = .allocate(capacity: maxTokens * maxCols / 32 + 1)
        s = .allocate(capacity: maxTokens * maxCols / 32 + 1)
        laneSums = .allocate(capacity: 4 * (maxTokens * maxCols / 32 + 1))
        bytes = .allocate(capacity: maxTokens * maxCols)
        kq = .allocate(capacity: maxTokens * maxCols)
        kd = .allocate(capacity: maxTokens * maxCols / 256 + 1)
        ksums = .allocate(capacity: maxTokens * maxCols / 32 + 8)
        kbytes = .allocate(capacity: maxTokens * maxCols)
        kbsums = .allocate(capacity: maxTokens * maxCols / 16 + 16)
    }

    deinit {
        q.deallocate()
        d.deallocate()
        s.deallocate()
        laneSums.deallocate()
        bytes.deallocate()
        kq.deallocate()
        kd.deallocate()
        ksums.deallocate()
        kbytes.deallocate()
        kbsums.deallocate()
    }

    /// The storage slot of element `i` (0..<32) within its 32 values.
    @inline(__always)
    static func slot(_ i: Int) -> Int { (i >= 16 ? 16 : 0) + (i & 1) * 8 + (i & 15) >> 1 }

    /// Points the batch at `tokens` float rows of length `cols` and quantises them to `formats` (Q8_0/Q8_1 needs
    /// `cols` to be a multiple of 32, Q8_K a multiple of 256; a format that does not fit is skipped). The byte forms
    /// for the C kernels are quantised in C to the same values (`.q8_0Bytes` holds each value plus 128 at `kernels`
    /// `.avx512vnni`, for vpdpbusd).
    func load(
        _ x: UnsafeMutablePointer<Float>, tokens: Int, cols: Int, formats: ActivationFormats,
        kernels: KernelLevel = .sse2
    ) {
        self.kernels = kernels
        self.floats = x
        self.tokens = tokens
        self.cols = cols
        if cols % 32 == 0 {
            if formats.contains(.q8_0) { quantizeQ8_0(x) }
            if formats.contains(.q8_0Bytes) {
                if kernels == .avx512vnni {
                    li_vnni_quantize_q8(x, tokens, cols, bytes, d, s)
                } else {
                    li_avx2_quantize_q8(x, tokens, cols, bytes, d, s)
                }
            }
        }
        if cols % 256 == 0 {
            // Both forms compute the same scales into `kd`.
            if formats.contains(.q8_K) { quantizeQ8_K(x) }
            if formats.contains(.q8_KBytes) { li_avx2_quantize_q8k(x, tokens, cols, kbytes, kd, kbsums) }
        }
    }

    /// ggml's quantize_row_q8_1 (and q8_0: the same values and scale): scale = amax / 127, round to nearest even.
    private func quantizeQ8_0(_ x: UnsafeMutablePointer<Float>) {
        let nb = cols / 32
        for t in 0..<tokens {
            for b in 0..<nb {
                let src = x + t * cols + b * 32
                let dst = q + t * cols + b * 32
                var amax: Float = 0
                for i in 0..<32 { amax = max(amax, abs(src[i])) }
                let scale = amax / 127
                let inv: Float = amax != 0 ? 127 / amax : 0
                var sum: Int32 = 0
                for i in 0..<32 {
                    let v = Int32((src[i] * inv).rounded(.toNearestOrEven))
                    sum += v
                    dst[Self.slot(i)] = Int16(truncatingIfNeeded: v)
                }
                d[t * nb + b] = HalfTable.round(scale)
                s[t * nb + b] = HalfTable.round(scale * Float(sum))
                let lanes = laneSums + 4 * (t * nb + b)
                for k in 0..<4 {
                    var laneSum: Int32 = 0
                    for j in 0..<4 { laneSum += Int32(dst[8 * j + 2 * k]) + Int32(dst[8 * j + 2 * k + 1]) }
                    lanes[k] = 8 * laneSum
                }
            }
        }
    }

    /// ggml's quantize_row_q8_K_ref: the value of largest magnitude maps to -127, scale = 1 / (-127 / max).
    private func quantizeQ8_K(_ x: UnsafeMutablePointer<Float>) {
        let nb = cols / 256
        for t in 0..<tokens {
            for b in 0..<nb {
                let src = x + t * cols + b * 256
                let dst = kq + t * cols + b * 256
                let sums = ksums + (t * nb + b) * 8
                var amax: Float = 0
                var signed: Float = 0
                for i in 0..<256 {
                    let ax = abs(src[i])
                    if ax > amax {
                        amax = ax
                        signed = src[i]
                    }
                }
                guard amax != 0 else {
                    kd[t * nb + b] = 0
                    for i in 0..<256 { dst[i] = 0 }
                    for j in 0..<8 { sums[j] = 0 }
                    continue
                }
                let iscale = -127 / signed
                for j in 0..<8 {
                    var sum: Int32 = 0
                    for i in 0..<32 {
                        let v = min(127, Int32((iscale * src[32 * j + i]).rounded(.toNearestOrEven)))
                        sum += v
                        dst[32 * j + Self.slot(i)] = Int16(truncatingIfNeeded: v)
                    }
                    sums[j] = Int16(truncatingIfNeeded: sum)
                }
                kd[t * nb + b] = 1 / iscale
            }
        }
    }
}
