import Foundation
@testable import LocalInference
import Testing

/// How the kernel level is chosen: `$LOCALINFERENCE_SIMD` names a level, capped at what the CPU runs.
struct KernelLevelTests {
    @Test func namedLevelsAreCappedAtTheBestTheCPURuns() {
        #expect(KernelLevel.supported.first == .sse2)
        #expect(KernelLevel.supported == KernelLevel.supported.sorted())
        #expect(KernelLevel.resolve(nil) == KernelLevel.best)
        #expect(KernelLevel.resolve("sse2") == .sse2)
        #expect(KernelLevel.resolve("AVX2") == min(.avx2, KernelLevel.best))
        #expect(KernelLevel.resolve("avx512vnni") == min(.avx512vnni, KernelLevel.best))
        #expect(KernelLevel.resolve("neon-or-typo") == KernelLevel.best)
    }

    @Test(arguments: KernelLevel.allCases)
    func aModelAskedForALevelRunsOneItCanRun(_ level: KernelLevel) throws {
        let model = try LocalModel(contentsOf: Qwen2Fixture.modelURL, threads: 1, kernels: level)
        #expect(model.kernels == min(level, KernelLevel.best))
        #expect(KernelLevel.supported.contains(model.kernels))
    }

    /// Every level computes the same model: on a synthetic model with every quantised type, the first-token logits
    /// of each level are within float rounding (amplified by the 8-bit activations) of the Swift kernels'.
    @Test(arguments: KernelLevel.supported.dropFirst())
    func everyLevelComputesTheSameModel(_ level: KernelLevel) throws {
        let bytes = KQuantModelTests.build(types: [.q4_K, .q5_0, .q6_K, .q5_K, .q5_1])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).gguf")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reference = try LocalModel(contentsOf: url, threads: 2, kernels: .sse2)
        let model = try LocalModel(contentsOf: url, threads: 2, kernels: level)
        for length in [3, 6, 12] {  // short (one-row attention) and long prompts (70+ tokens: the tiled kernels)
            let turns = [ChatTurn(role: "user", content: String(repeating: "hello world, ", count: length))]
            let a = try reference.firstTokenLogits(turns), b = try model.firstTokenLogits(turns)
            let scale = a.map(abs).max() ?? 1
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            print("\(level) vs sse2, \(length * 3)-word prompt: max |logit difference| \(worst) of max |logit| \(scale)")
            #expect(worst <= 0.01 * scale)  // measured: at most 0.12 % of the largest logit
        }
    }
}
