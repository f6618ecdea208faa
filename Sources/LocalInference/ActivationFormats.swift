/// The quantised forms of an `ActivationBatch` that the integer kernels read (ggml's `vec_dot_type`s).
struct ActivationFormats: OptionSet, Sendable {
    let rawValue: UInt8

    /// 32-element blocks with a half-precision scale and scaled sum (ggml's Q8_0 and Q8_1), read by the
    /// Q4_0, Q4_1, Q5_0, Q5_1 and Q8_0 kernels.
    static let q8_0 = ActivationFormats(rawValue: 1 << 0)

    /// 256-element super-blocks with a float scale and the sums of each 32 values (ggml's Q8_K), read by the
    /// Q4_K, Q5_K and Q6_K kernels.
    static let q8_K = ActivationFormats(rawValue: 1 << 1)

    /// Q8_0/Q8_1 as bytes in natural order with the same scales, for the C kernels (`ActivationBatch.bytes`;
    /// each value plus 128 at `.avx512vnni`).
    static let q8_0Bytes = ActivationFormats(rawValue: 1 << 2)

    /// Q8_K as bytes in natural order with ggml's sums of 16, for the C K-quant kernels
    /// (`ActivationBatch.kbytes`, `kbsums`; the scale in `kd`).
    static let q8_KBytes = ActivationFormats(rawValue: 1 << 3)
}
