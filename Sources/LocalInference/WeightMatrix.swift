/// A 2-D weight tensor viewed in place inside the mapped file: `rows` rows of `cols` elements of `type`.
struct WeightMatrix: @unchecked Sendable {
    let data: UnsafeRawPointer
    let type: GGMLType
    let rows: Int
    let cols: Int
    let rowBytes: Int
    let name: String

    /// The quantised activations the integer kernel for this type reads (ggml's `vec_dot_type`); empty for the
    /// float types, whose rows are converted to float inside the product.
    var activationFormats: ActivationFormats {
        switch type {
        case .q4_0, .q4_1, .q5_0, .q5_1, .q8_0: return .q8_0
        case .q4_K, .q5_K, .q6_K: return .q8_K
        default: return []
        }
    }

    /// The quantised activations the kernel for this type reads at `level`: the C kernels' forms for the types
    /// they handle, `activationFormats` otherwise.
    func activationFormats(at level: KernelLevel) -> ActivationFormats {
        if level.handles(type) { return .q8_0Bytes }
        if level.handlesKQuant(type) { return .q8_KBytes }
        return activationFormats
    }

    /// Whether an integer kernel handles this type (the others are converted to float row by row).
    var usesIntegerKernel: Bool { !activationFormats.isEmpty }

    /// A pointer to row `r`.
    @inline(__always)
    func row(_ r: Int) -> UnsafeRawPointer { data + r * rowBytes }
}
