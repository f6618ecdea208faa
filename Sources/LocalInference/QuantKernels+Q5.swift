/// Q5_0 x Q8_0 and Q5_1 x Q8_1 kernels (ggml's ggml_vec_dot_q5_0_q8_0 / ggml_vec_dot_q5_1_q8_1).
///
/// A block of 32 weights is a half scale (and, for Q5_1, a half minimum), 32 fifth bits in a `UInt32` (`qh`, bit j
/// for element j) and 16 bytes of nibbles laid out as in Q4_0/Q4_1. The nibbles are unpacked as for Q4 into the
/// lanes of the permuted activations; the fifth bits become bit 4 of the lane that holds their element through a
/// per-lane mask and a 16-bit compare. Products are summed with `madd` (pmaddwd) straight into 32 bits and scaled
/// per block in float.
extension QuantKernels {
    /// Lane `i` of the first mask is set when bit `2i` of `h` is, of the second when bit `2i + 1` is.
    ///
    /// A mask and a 16-bit compare per vector (a per-lane shift or a multiply by per-lane powers of two would
    /// make LLVM split the vector into scalars: SSE2 has no per-lane shifts).
    @inline(__always)
    static func fifthBits(_ h: UInt16) -> (SIMDMask<SIMD8<Int16>>, SIMDMask<SIMD8<Int16>>) {
        let v = SIMD8<UInt16>(repeating: h)
        let even = SIMD8<UInt16>(1 << 0, 1 << 2, 1 << 4, 1 << 6, 1 << 8, 1 << 10, 1 << 12, 1 << 14)
        let odd = even &<< 1
        let e = (v & even) .== even, o = (v & odd) .== odd
        return (e, o)
    }

    /// The 32 5-bit values of a Q5 block in the lane order of the permuted activations, minus `offset` (16 for
    /// Q5_0, 0 for Q5_1): nibbles as for Q4, plus 16 where the fifth bit (`qh` bit j for element j) is set.
    @inline(__always)
    static func unpackQ5(_ blk: UnsafeRawPointer, qh: Int, qs: Int, offset: Int16) -> Lanes4 {
        let p = unpackQ4(blk, offset: qs)
        let h = blk.loadUnaligned(fromByteOffset: qh, as: UInt32.self).littleEndian
        // Elements 0..<16 are the low nibbles (even, odd lanes), 16..<32 the high ones.
        let (h0, h1) = fifthBits(UInt16(truncatingIfNeeded: h))
        let (h2, h3) = fifthBits(UInt16(truncatingIfNeeded: h >> 16))
        let without = SIMD8<Int16>(repeating: -offset), with = SIMD8<Int16>(repeating: 16 - offset)
        return (
            p.0 &+ without.replacing(with: with, where: h0), p.1 &+ without.replacing(with: with, where: h1),
            p.2 &+ without.replacing(with: with, where: h2), p.3 &+ without.replacing(with: with, where: h3)
        )
    }

    /// The 32 signed values (q - 16) of a Q5_0 block.
    @inline(__always)
    static func unpackQ5_0(_ blk: UnsafeRawPointer) -> Lanes4 { unpackQ5(blk, qh: 2, qs: 6, offset: 16) }

    /// The 32-bit dot product of 32 unpacked weights with 32 permuted activations (four 32-bit partial sums).
    @inline(__always)
    static func madd4(
        _ p: (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>), _ a: UnsafePointer<Int16>
    ) -> SIMD4<Int32> {
        (madd(p.0, act(a, 0)) &+ madd(p.1, act(a, 1))) &+ (madd(p.2, act(a, 2)) &+ madd(p.3, act(a, 3)))
    }

    // MARK: Q5_0 x Q8_0

    /// One Q5_0 row (`nb` blocks of 22 bytes) against one activation row.
    static func dotQ5_0(_ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 22
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            acc += SIMD4<Float>(madd4(unpackQ5_0(blk), a + 32 * b)) * (dw * d[b])
        }
        return acc.sum()
    }

    /// One Q5_0 row against four activation rows (`stride` elements apart); writes `out[k * outStride]`.
    static func dotQ5_0x4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        for b in 0..<nb {
            let blk = w + b * 22
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let p = unpackQ5_0(blk)
            let o = 32 * b
            acc0 += SIMD4<Float>(madd4(p, a + o)) * (dw * d[b])
            acc1 += SIMD4<Float>(madd4(p, a1 + o)) * (dw * d1[b])
            acc2 += SIMD4<Float>(madd4(p, a2 + o)) * (dw * d2[b])
            acc3 += SIMD4<Float>(madd4(p, a3 + o)) * (dw * d3[b])
        }
        out[0] = acc0.sum()
        out[outStride] = acc1.sum()
        out[2 * outStride] = acc2.sum()
        out[3 * outStride] = acc3.sum()
    }

    // MARK: Q5_1 x Q8_1

    /// One Q5_1 row (`nb` blocks of 24 bytes) against one activation row.
    static func dotQ5_1(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>, s: UnsafePointer<Float>
    ) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        var macc: Float = 0
        for b in 0..<nb {
            let blk = w + b * 24
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            acc += SIMD4<Float>(madd4(unpackQ5(blk, qh: 4, qs: 8, offset: 0), a + 32 * b)) * (dw * d[b])
            macc += mw * s[b]
        }
        return acc.sum() + macc
    }

    /// One Q5_1 row against four activation rows.
    static func dotQ5_1x4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        s: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        let s1 = s + nb, s2 = s + 2 * nb, s3 = s + 3 * nb
        for b in 0..<nb {
            let blk = w + b * 24
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            let p = unpackQ5(blk, qh: 4, qs: 8, offset: 0)
            let o = 32 * b
            acc0 += SIMD4<Float>(madd4(p, a + o)) * (dw * d[b])
            acc1 += SIMD4<Float>(madd4(p, a1 + o)) * (dw * d1[b])
            acc2 += SIMD4<Float>(madd4(p, a2 + o)) * (dw * d2[b])
            acc3 += SIMD4<Float>(madd4(p, a3 + o)) * (dw * d3[b])
            m0 += mw * s[b]
            m1 += mw * s1[b]
            m2 += mw * s2[b]
            m3 += mw * s3[b]
        }
        out[0] = acc0.sum() + m0
        out[outStride] = acc1.sum() + m1
        out[2 * outStride] = acc2.sum() + m2
        out[3 * outStride] = acc3.sum() + m3
    }
}
