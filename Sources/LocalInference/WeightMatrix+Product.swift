import LocalInferenceKernels

/// Rows of a matrix-vector (or matrix-batch) product through the kernel for the weight type.
extension WeightMatrix {
    /// Computes rows `rows` of `W · x` for every row `x` of `acts` (which must hold the formats in
    /// `activationFormats(at: level)`): output element (t, r) goes to `out[t * self.rows + r]`.
    ///
    /// Four activation rows at a time go through the 4-row kernels, the rest through the 1-row kernels; both do
    /// the same arithmetic per output element, so the results do not depend on batching or on how rows are split
    /// between threads.
    ///
    /// Above `level` `.sse2`, the types the C kernels handle go through them (`li_avx2_rows`, `li_vnni_rows`,
    /// `li_avx2_krows`), which read the activations' byte forms (`activationFormats(at:)`).
    func multiply(rows: Range<Int>, acts: ActivationBatch, out: UnsafeMutablePointer<Float>, level: KernelLevel) {
        let stride = self.rows
        let cols = self.cols
        precondition(acts.kernels == level, "activations quantised for another kernel level")
        if level.handles(type) {
            let kernel = level == .avx512vnni ? li_vnni_rows : li_avx2_rows
            kernel(
                Int32(type.rawValue), data, rowBytes, rows.lowerBound, rows.upperBound, cols / 32, acts.bytes,
                acts.d, acts.s, acts.tokens, out, stride)
            return
        }
        if level.handlesKQuant(type) {
            li_avx2_krows(
                Int32(type.rawValue), data, rowBytes, rows.lowerBound, rows.upperBound, cols / 256, acts.kbytes,
                acts.kd, acts.kbsums, acts.tokens, out, stride)
            return
        }
        switch activationFormats {
        case .q8_0:
            let nb = cols / 32
            eachRow(rows, tokens: acts.tokens) { r, t in
                let wr = row(r), a = acts.q + t * cols, d = acts.d + t * nb, s = acts.s + t * nb
                let o = out + t * stride + r
                switch type {
                case .q4_0: QuantKernels.dotQ4_0x4(wr, nb: nb, a: a, stride: cols, d: d, out: o, outStride: stride)
                case .q4_1:
                    QuantKernels.dotQ4_1x4(
                        wr, nb: nb, a: a, stride: cols, d: d, s: s, laneSums: acts.laneSums + 4 * t * nb, out: o,
                        outStride: stride)
                case .q5_0: QuantKernels.dotQ5_0x4(wr, nb: nb, a: a, stride: cols, d: d, out: o, outStride: stride)
                case .q5_1:
                    QuantKernels.dotQ5_1x4(wr, nb: nb, a: a, stride: cols, d: d, s: s, out: o, outStride: stride)
                default: QuantKernels.dotQ8_0x4(wr, nb: nb, a: a, stride: cols, d: d, out: o, outStride: stride)
                }
            } one: { r, t in
                let wr = row(r), a = acts.q + t * cols, d = acts.d + t * nb, s = acts.s + t * nb
                switch type {
                case .q4_0: out[t * stride + r] = QuantKernels.dotQ4_0(wr, nb: nb, a: a, d: d)
                case .q4_1:
                    out[t * stride + r] = QuantKernels.dotQ4_1(
                        wr, nb: nb, a: a, d: d, s: s, laneSums: acts.laneSums + 4 * t * nb)
                case .q5_0: out[t * stride + r] = QuantKernels.dotQ5_0(wr, nb: nb, a: a, d: d)
                case .q5_1: out[t * stride + r] = QuantKernels.dotQ5_1(wr, nb: nb, a: a, d: d, s: s)
                default: out[t * stride + r] = QuantKernels.dotQ8_0(wr, nb: nb, a: a, d: d)
                }
            }
        case .q8_K:
            let nb = cols / 256
            eachRow(rows, tokens: acts.tokens) { r, t in
                let wr = row(r), a = acts.kq + t * cols, d = acts.kd + t * nb, s = acts.ksums + t * 8 * nb
                let o = out + t * stride + r
                switch type {
                case .q4_K:
                    QuantKernels.dotQ4_Kx4(wr, nb: nb, a: a, stride: cols, d: d, s: s, out: o, outStride: stride)
                case .q5_K:
                    QuantKernels.dotQ5_Kx4(wr, nb: nb, a: a, stride: cols, d: d, s: s, out: o, outStride: stride)
                default: QuantKernels.dotQ6_Kx4(wr, nb: nb, a: a, stride: cols, d: d, out: o, outStride: stride)
                }
            } one: { r, t in
                let wr = row(r), a = acts.kq + t * cols, d = acts.kd + t * nb, s = acts.ksums + t * 8 * nb
                switch type {
                case .q4_K: out[t * stride + r] = QuantKernels.dotQ4_K(wr, nb: nb, a: a, d: d, s: s)
                case .q5_K: out[t * stride + r] = QuantKernels.dotQ5_K(wr, nb: nb, a: a, d: d, s: s)
                default: out[t * stride + r] = QuantKernels.dotQ6_K(wr, nb: nb, a: a, d: d)
                }
            }
        default:
            withUnsafeTemporaryAllocation(of: Float.self, capacity: cols) { buffer in
                let converted = buffer.baseAddress!
                for r in rows {
                    Dequantizer.dequantize(type, from: row(r), count: cols, into: converted)
                    for t in 0..<acts.tokens {
                        out[t * stride + r] = QuantKernels.dot(converted, acts.floats + t * cols, cols)
                    }
                }
            }
        }
    }

    /// Calls `four(r, t)` for every weight row `r` and every fourth activation row `t` that has three more after it,
    /// and `one(r, t)` for the remaining activation rows, one weight row after the other. (Tiles of weight rows, so
    /// that a tile's blocks and four activation rows stay in L1 together, measured no faster.)
    @inline(__always)
    private func eachRow(
        _ rows: Range<Int>, tokens n: Int, four: (Int, Int) -> Void, one: (Int, Int) -> Void
    ) {
        for r in rows {
            var t = 0
            while t + 4 <= n {
                four(r, t)
                t += 4
            }
            while t < n {
                one(r, t)
                t += 1
            }
        }
    }
}
