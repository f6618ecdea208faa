/// A 2-D weight tensor viewed in place inside the mapped file: `rows` rows of `cols` elements of `type`.
struct WeightMatrix: @unchecked Sendable {
    let data: UnsafeRawPointer
    let type: GGMLType
    let rows: Int
    let cols: Int
    let rowBytes: Int
    let name: String

    /// Whether the integer kernels handle this type (the others are dequantised row by row).
    var usesIntegerKernel: Bool { type == .q4_0 || type == .q4_1 || type == .q8_0 }

    /// A pointer to row `r`.
    @inline(__always)
    func row(_ r: Int) -> UnsafeRawPointer { data + r * rowBytes }
}
