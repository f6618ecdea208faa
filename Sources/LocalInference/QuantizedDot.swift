/// Dot products of one quantised row with float vectors through the engine's own kernels (for tests and tools).
public enum QuantizedDot {
    /// The dot product of `row` (a row of `vectors[0].count` elements of `type`) with each vector.
    ///
    /// Q4_0, Q4_1 and Q8_0 go through the integer kernels (the vectors are quantised to 8-bit blocks first, as
    /// in inference; with four or more vectors the 4-row kernel is used); other types dequantise the row.
    /// Returns nil if the sizes do not fit the type.
    public static func dot(_ type: GGMLType, row: [UInt8], vectors: [[Float]]) -> [Float]? {
        guard let cols = vectors.first?.count, cols > 0, vectors.allSatisfy({ $0.count == cols }), type.isComputable,
            let bytes = type.byteCount(elements: cols), bytes == row.count
        else { return nil }
        let weight = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        defer { weight.deallocate() }
        row.withUnsafeBytes { weight.copyMemory(from: $0.baseAddress!, byteCount: bytes) }
        let n = vectors.count
        let input = UnsafeMutablePointer<Float>.allocate(capacity: n * cols)
        defer { input.deallocate() }
        for (t, v) in vectors.enumerated() { for i in 0..<cols { input[t * cols + i] = v[i] } }
        let w = WeightMatrix(data: UnsafeRawPointer(weight), type: type, rows: 1, cols: cols, rowBytes: bytes, name: "row")
        let acts = ActivationBatch(maxTokens: n, maxCols: cols)
        acts.load(input, tokens: n, cols: cols, quantize: w.usesIntegerKernel)
        var out = [Float](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { Transformer.matmulRows(w, rows: 0..<1, acts: acts, out: $0.baseAddress!) }
        return out
    }
}
