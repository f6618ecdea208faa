/// Products of quantised rows with float vectors through the engine's own kernels (for tests and tools).
public enum QuantizedDot {
    /// The dot product of `row` (a row of `vectors[0].count` elements of `type`) with each vector.
    ///
    /// The quantised types go through the integer kernels (the vectors are quantised to Q8_0/Q8_1 or Q8_K first,
    /// as in inference; with four or more vectors the 4-row kernel is used for each group of four); the float types
    /// convert the row. Returns nil if the sizes do not fit the type.
    public static func dot(
        _ type: GGMLType, row: [UInt8], vectors: [[Float]], level: KernelLevel = .automatic
    ) -> [Float]? {
        product(type, matrix: row, rows: 1, vectors: vectors, threads: 1, level: level).map { $0.map { $0[0] } }
    }

    /// The product of a `rows` x `vectors[0].count` matrix of `type` (rows stored one after the other) with each
    /// vector, computed as in inference: all vectors in one batch, rows split in chunks over `threads` threads.
    ///
    /// Returns one array of `rows` values per vector, or nil if the sizes do not fit the type. `level` picks the
    /// kernels (a level the CPU cannot run is lowered to one it can).
    public static func product(
        _ type: GGMLType, matrix: [UInt8], rows: Int, vectors: [[Float]], threads: Int,
        level: KernelLevel = .automatic
    ) -> [[Float]]? {
        let level = min(level, KernelLevel.best)
        guard let cols = vectors.first?.count, cols > 0, rows > 0, vectors.allSatisfy({ $0.count == cols }),
            type.isComputable, let rowBytes = type.byteCount(elements: cols), rowBytes * rows == matrix.count
        else { return nil }
        let weight = UnsafeMutableRawPointer.allocate(byteCount: matrix.count, alignment: 16)
        defer { weight.deallocate() }
        matrix.withUnsafeBytes { weight.copyMemory(from: $0.baseAddress!, byteCount: matrix.count) }
        let n = vectors.count
        let input = UnsafeMutablePointer<Float>.allocate(capacity: n * cols)
        defer { input.deallocate() }
        for (t, v) in vectors.enumerated() { for i in 0..<cols { input[t * cols + i] = v[i] } }
        let w = WeightMatrix(
            data: UnsafeRawPointer(weight), type: type, rows: rows, cols: cols, rowBytes: rowBytes, name: "matrix")
        let acts = ActivationBatch(maxTokens: n, maxCols: cols)
        acts.load(input, tokens: n, cols: cols, formats: w.activationFormats(at: level), kernels: level)
        let out = UnsafeMutablePointer<Float>.allocate(capacity: n * rows)
        defer { out.deallocate() }
        let pool = ThreadPool(threads: threads)
        let chunk = max(1, (rows + 4 * threads - 1) / (4 * threads))
        pool.run((rows + chunk - 1) / chunk) { i in
            w.multiply(rows: (i * chunk)..<min(rows, (i + 1) * chunk), acts: acts, out: out, level: level)
        }
        return (0..<n).map { t in Array(UnsafeBufferPointer(start: out + t * rows, count: rows)) }
    }
}
