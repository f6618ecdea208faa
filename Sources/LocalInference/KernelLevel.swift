import Foundation
import LocalInferenceKernels

/// Which matrix kernels the engine runs: the portable Swift SIMD ones, or C ones for CPU features chosen at run
/// time.
///
/// The package is compiled for the baseline x86-64 (SSE2), so kernels for newer instructions live in the C target
/// `LocalInferenceKernels` with per-function target attributes and are called only when the CPU has them.
/// Every level gives the same results to float rounding (the integer sums are exact); the AVX2 level does ggml's
/// own float arithmetic, so its products match llama.cpp's on the same CPU.
public enum KernelLevel: String, CaseIterable, Sendable, Comparable {
    /// The Swift SIMD kernels: SSE2 on x86-64 (NEON on arm64). Every weight type.
    case sse2
    /// AVX2, FMA and F16C: the 32-element block types (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0) and Q4_K, Q6_K; the others
    /// (Q5_K, the float types) run at `sse2`.
    case avx2
    /// `avx2` with the integer sums formed by AVX-512 VNNI's `vpdpbusd` (on 256-bit vectors): one instruction for
    /// AVX2's three, the same sums.
    case avx512vnni

    /// The levels this CPU can run, lowest first.
    public static let supported: [KernelLevel] = Array(allCases.prefix(Int(li_cpu_level()) + 1))

    /// The highest level this CPU can run.
    public static var best: KernelLevel { supported.last ?? .sse2 }

    /// The level a model uses unless told otherwise: `$LOCALINFERENCE_SIMD` (`sse2`, `avx2`, `avx512vnni`) when set to a level
    /// this CPU can run, a lower one if it cannot, otherwise the best one.
    public static let automatic: KernelLevel = resolve(ProcessInfo.processInfo.environment["LOCALINFERENCE_SIMD"])

    /// The level `name` asks for, capped at what the CPU can run; nil or an unknown name gives the best one.
    static func resolve(_ name: String?) -> KernelLevel {
        guard let name, let level = KernelLevel(rawValue: name.lowercased()) else { return best }
        return min(level, best)
    }

    public static func < (a: KernelLevel, b: KernelLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether this level's block kernels handle weights of `type` (otherwise the Swift kernels do).
    func handles(_ type: GGMLType) -> Bool {
        self != .sse2 && li_block_kernels_support(Int32(type.rawValue)) != 0
    }

    /// Whether this level's K-quant kernels handle weights of `type` (Q4_K, Q6_K; Q5_K stays in Swift).
    func handlesKQuant(_ type: GGMLType) -> Bool {
        self != .sse2 && li_kquant_kernels_support(Int32(type.rawValue)) != 0
    }
}
