import Foundation
import LocalInference
import Testing

/// Dequantisation of hand-made blocks and the integer dot-product kernels against float references.
struct QuantizationTests {
    @Test func dequantizesHandMadeBlocks() {
        // F16 and BF16.
        #expect(Dequantizer.dequantize(.f16, bytes: halfBits(1) + halfBits(-2.5) + [0x01, 0x00], count: 3)
            == [1, -2.5, 0x1p-24])
        #expect(Dequantizer.dequantize(.bf16, bytes: [0x80, 0x3F, 0x00, 0xC0], count: 2) == [1, -2])

        // Q8_0: d = 0.25, q = -16...15.
        let q8Values: [UInt8] = (0..<32).map { (i: Int) -> UInt8 in UInt8(bitPattern: Int8(i - 16)) }
        let q8: [UInt8] = halfBits(0.25) + q8Values
        #expect(Dequantizer.dequantize(.q8_0, bytes: q8, count: 32) == (0..<32).map { Float($0 - 16) * 0.25 })

        // Q4_0: byte j holds element j (low nibble) and j + 16 (high nibble); value = d * (q - 8).
        let nibbles: [UInt8] = (0..<16).map { (i: Int) -> UInt8 in UInt8(i) | UInt8(15 - i) << 4 }
        let q4_0: [UInt8] = halfBits(2) + nibbles
        let low: [Float] = (0..<16).map { (i: Int) -> Float in Float(i - 8) * 2 }
        let high: [Float] = (0..<16).map { (i: Int) -> Float in Float(15 - i - 8) * 2 }
        let expected4_0 = low + high
        #expect(Dequantizer.dequantize(.q4_0, bytes: q4_0, count: 32) == expected4_0)

        // Q4_1: value = d * q + m.
        let same: [UInt8] = (0..<16).map { (i: Int) -> UInt8 in UInt8(i) | UInt8(i) << 4 }
        let q4_1: [UInt8] = halfBits(0.5) + halfBits(-1) + same
        let expected4_1 = (0..<32).map { Float($0 % 16) * 0.5 - 1 }
        #expect(Dequantizer.dequantize(.q4_1, bytes: q4_1, count: 32) == expected4_1)

        // Q5_0: the fifth bit of element j is bit j of qh; value = d * (q - 16).
        let qh: UInt32 = 0xFFFF_0000  // elements 16...31 get the high bit
        let q5: [UInt8] = halfBits(1) + GGUFBuilder.bytes(qh) + same
        let expected5: [Float] = (0..<16).map { (i: Int) -> Float in Float(i - 16) } + (0..<16).map { Float($0) }
        #expect(Dequantizer.dequantize(.q5_0, bytes: q5, count: 32) == expected5)
    }

    @Test func dequantizesKQuantBlocks() {
        // Q4_K: d = 1, dmin = 0.5, sub-block scales 1...8 and mins 0...7 (6-bit packed), all nibbles = 3.
        var scales = [UInt8](repeating: 0, count: 12)
        let sc: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8], mn: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7]
        for j in 0..<4 {
            scales[j] = sc[j]
            scales[j + 4] = mn[j]
        }
        for j in 4..<8 { scales[j + 4] = (sc[j] & 0x0F) | ((mn[j] & 0x0F) << 4) }
        let q4k = halfBits(1) + halfBits(0.5) + scales + [UInt8](repeating: 0x33, count: 128)
        let out = Dequantizer.dequantize(.q4_K, bytes: q4k, count: 256)
        for j in 0..<8 {
            #expect(out[j * 32] == Float(sc[j]) * 3 - 0.5 * Float(mn[j]), "sub-block \(j)")
            #expect(out[j * 32 + 31] == out[j * 32])
        }

        // Q6_K: ql = 0x21 (low nibbles 1, high 2), qh = 0b11100100 (2-bit fields 0, 1, 2, 3), scales 1...16, d = 0.5.
        let q6 = [UInt8](repeating: 0x21, count: 128) + [UInt8](repeating: 0b1110_0100, count: 64)
            + (1...16).map { UInt8($0) } + halfBits(0.5)
        let y = Dequantizer.dequantize(.q6_K, bytes: q6, count: 256)
        // First half, l = 0: q1 = (1 | 0 << 4) - 32, q2 = (1 | 1 << 4) - 32, q3 = (2 | 2 << 4) - 32, q4 = (2 | 3 << 4) - 32.
        #expect(y[0] == 0.5 * 1 * Float(1 - 32))
        #expect(y[32] == 0.5 * 3 * Float(17 - 32))
        #expect(y[64] == 0.5 * 5 * Float(34 - 32))
        #expect(y[96] == 0.5 * 7 * Float(50 - 32))
        #expect(y[16] == 0.5 * 2 * Float(1 - 32))  // second scale of the first group
        #expect(y[128] == 0.5 * 9 * Float(1 - 32))  // second half uses scales 9...
    }

    /// A seeded pseudo-random float generator for reproducible test data.
    struct Noise {
        var state: UInt64
        mutating func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
        }
    }

    /// Quantises floats to Q4_0, Q4_1 or Q8_0 (ggml's reference rounding).
    static func quantize(_ x: [Float], _ type: GGMLType) -> [UInt8] {
        var out: [UInt8] = []
        for b in stride(from: 0, to: x.count, by: 32) {
            let v = Array(x[b..<(b + 32)])
            switch type {
            case .q8_0:
                let amax = v.map(abs).max()!
                let d = amax / 127
                out += halfBits(d) + v.map { UInt8(bitPattern: Int8(d == 0 ? 0 : ($0 / d).rounded())) }
            case .q4_0:
                let m = v.max { abs($0) < abs($1) }!
                let d = m / -8
                let q = v.map { UInt8(min(15, max(0, Int(d == 0 ? 8 : ($0 / d + 8.5).rounded(.down))))) }
                out += halfBits(d) + (0..<16).map { q[$0] | q[$0 + 16] << 4 }
            default:
                let lo = v.min()!, hi = v.max()!
                let d = (hi - lo) / 15
                let q = v.map { UInt8(min(15, max(0, Int(d == 0 ? 0 : (($0 - lo) / d).rounded())))) }
                out += halfBits(d) + halfBits(lo) + (0..<16).map { q[$0] | q[$0 + 16] << 4 }
            }
        }
        return out
    }

    @Test(arguments: [GGMLType.q4_0, .q4_1, .q8_0], KernelLevel.supported)
    func quantizedDotMatchesFloatReference(_ type: GGMLType, _ level: KernelLevel) throws {
        var noise = Noise(state: UInt64(type.rawValue) + 7)
        let cols = 256
        let weights = (0..<cols).map { _ in noise.next() }
        let row = Self.quantize(weights, type)
        let dequantized = Dequantizer.dequantize(type, bytes: row, count: cols)
        let vectors = (0..<5).map { _ in (0..<cols).map { _ in noise.next() * 3 } }
        let ours = try #require(QuantizedDot.dot(type, row: row, vectors: vectors, level: level))
        for (v, value) in zip(vectors, ours) {
            let reference = zip(dequantized, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let scale = zip(dequantized, v).reduce(Float(0)) { $0 + abs($1.0 * $1.1) }
            // The only error is the 8-bit quantisation of the vector (about 0.4 % of each element).
            #expect(abs(value - reference) <= 0.01 * scale, "\(type.name): \(value) vs \(reference)")
        }
        // The 4-row kernel gives exactly the one-row kernel's results.
        let singles = try vectors.map {
            try #require(QuantizedDot.dot(type, row: row, vectors: [$0], level: level))[0]
        }
        #expect(Array(ours.prefix(4)) == Array(singles.prefix(4)))
        #expect(ours[4] == singles[4])
    }

    /// The float types are converted row by row inside the product (the quantised ones go through the integer
    /// kernels: KQuantKernelTests).
    @Test(arguments: [GGMLType.f32, .f16, .bf16])
    func floatPathMatchesFloatReference(_ type: GGMLType) throws {
        var noise = Noise(state: 99)
        let cols = 256
        let values = (0..<cols).map { _ in noise.next() }
        let row: [UInt8]
        switch type {
        case .f32: row = values.flatMap { GGUFBuilder.bytes($0.bitPattern) }
        case .f16: row = values.flatMap { halfBits($0) }
        default: row = values.flatMap { GGUFBuilder.bytes(UInt16($0.bitPattern >> 16)) }
        }
        let dequantized = Dequantizer.dequantize(type, bytes: row, count: cols)
        #expect(dequantized.count == cols && dequantized.allSatisfy { $0.isFinite })
        let v = (0..<cols).map { _ in noise.next() }
        let ours = try #require(QuantizedDot.dot(type, row: row, vectors: [v]))[0]
        let reference = zip(dequantized, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(ours - reference) <= 1e-4 * max(1, abs(reference)))
    }
}
