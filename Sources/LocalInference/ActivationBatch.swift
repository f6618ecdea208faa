/// A batch of activation rows, kept both as floats and quantised to 8-bit blocks of 32 (ggml's Q8_0/Q8_1).
///
/// The quantised values are stored widened to `Int16` and permuted within each block so that the integer
/// kernels can multiply them lane-by-lane with nibbles/bytes unpacked from 16-bit weight lanes:
/// block slot `(i >= 16 ? 16 : 0) + (i & 1) * 8 + (i & 15) >> 1` holds element `i`.
final class ActivationBatch: @unchecked Sendable {
    let maxTokens: Int
    let maxCols: Int
    /// The row length of the current contents.
    private(set) var cols = 0
    /// The number of rows of the current contents.
    private(set) var tokens = 0
    /// The float rows (row `t` at `floats + t * cols`).
    private(set) var floats: UnsafeMutablePointer<Float>
    /// Quantised values, `cols` per row.
    let q: UnsafeMutablePointer<Int16>
    /// Per block: the scale, rounded to half precision.
    let d: UnsafeMutablePointer<Float>
    /// Per block: scale times the sum of the quantised values, rounded to half precision (ggml's Q8_1 `s`).
    let s: UnsafeMutablePointer<Float>

    init(maxTokens: Int, maxCols: Int) {
        self.maxTokens = maxTokens
        self.maxCols = maxCols
        floats = .allocate(capacity: 1)
        q = .allocate(capacity: maxTokens * maxCols)
        d = .allocate(capacity: maxTokens * maxCols / 32 + 1)
        s = .allocate(capacity: maxTokens * maxCols / 32 + 1)
    }

    deinit {
        q.deallocate()
        d.deallocate()
        s.deallocate()
    }

    /// Points the batch at `tokens` float rows of length `cols`; quantises them when `quantize` is true
    /// (`cols` must then be a multiple of 32).
    func load(_ x: UnsafeMutablePointer<Float>, tokens: Int, cols: Int, quantize: Bool) {
        self.floats = x
        self.tokens = tokens
        self.cols = cols
        guard quantize else { return }
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
                    dst[(i >= 16 ? 16 : 0) + (i & 1) * 8 + (i & 15) >> 1] = Int16(truncatingIfNeeded: v)
                }
                d[t * nb + b] = HalfTable.round(scale)
                s[t * nb + b] = HalfTable.round(scale * Float(sum))
            }
        }
    }
}
