/// Q4_K, Q5_K and Q6_K x Q8_K kernels (ggml's ggml_vec_dot_q4_K_q8_K, _q5_K_q8_K, _q6_K_q8_K).
///
/// A super-block holds 256 weights. Q4_K/Q5_K: half `d` and `dmin`, eight 6-bit scales and mins packed in 12 bytes,
/// (Q5_K: 32 bytes of fifth bits,) 128 bytes of nibbles where byte `32j + l` holds element `64j + l` (low nibble)
/// and `64j + 32 + l` (high nibble); value = d * scale * q - dmin * min per 32 elements. Q6_K: 128 bytes of low
/// nibbles, 64 bytes of 2-bit high parts, sixteen signed 8-bit scales (one per 16 elements) and a half `d`;
/// value = d * scale * (q - 32).
///
/// Within every 32 elements the layout is the one of Q4_0 (16 bytes of low nibbles followed by 16 of high
/// nibbles, or two 16-byte halves), so the activations use the same permutation and the weights are unpacked with
/// the same shifts and masks. Products of one scale group (32 elements for Q4_K/Q5_K, 16 for Q6_K) are summed in
/// 16 bits (at most 4 x 31 x 127 or 2 x 32 x 127 per lane), then `madd` (pmaddwd) multiplies the lane sums by the
/// group's scale and widens them to 32 bits in one instruction. The 32-bit sums of a super-block are scaled once
/// in float; Q4_K/Q5_K subtract `dmin * d8 * sum(min * block sum)` from the activations' per-32 sums.
extension QuantKernels {
    typealias Lanes4 = (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>)

    /// The 16-bit lane sums of 32 unpacked weights times 32 permuted activations.
    @inline(__always)
    static func sum16(_ p: Lanes4, _ a: UnsafePointer<Int16>) -> SIMD8<Int16> {
        ((p.0 &* act(a, 0)) &+ (p.1 &* act(a, 1))) &+ ((p.2 &* act(a, 2)) &+ (p.3 &* act(a, 3)))
    }

    /// The eight 6-bit scales (bytes of the `UInt64`) and mins (lanes) of a Q4_K/Q5_K super-block
    /// (ggml's get_scale_min_k4, done four at a time as in its SIMD kernels).
    @inline(__always)
    static func scalesK(_ p: UnsafeRawPointer) -> (UInt64, SIMD8<Int16>) {
        let s0 = p.loadUnaligned(as: UInt32.self).littleEndian
        let s1 = p.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        let s2 = p.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        let low6: UInt32 = 0x3F3F_3F3F, low4: UInt32 = 0x0F0F_0F0F, low2: UInt32 = 0x0303_0303
        let scales = UInt64(s0 & low6) | UInt64((s2 & low4) | (((s0 >> 6) & low2) << 4)) << 32
        let mins = UInt64(s1 & low6) | UInt64(((s2 >> 4) & low4) | (((s1 >> 6) & low2) << 4)) << 32
        return (scales, SIMD8<Int16>(truncatingIfNeeded: unsafeBitCast(mins, to: SIMD8<UInt8>.self)))
    }

    /// Byte `j` of `scales`, in every lane.
    @inline(__always)
    static func splat(_ scales: UInt64, _ j: Int) -> SIMD8<Int16> {
        SIMD8<Int16>(repeating: Int16(truncatingIfNeeded: (scales >> UInt64(8 * j)) & 0xFF))
    }

    /// The low and high nibbles of 32 bytes (`v0`, `v1`): elements 0..<32 and 32..<64 of a 64-element chunk.
    @inline(__always)
    static func nibblesK(_ v0: SIMD8<UInt16>, _ v1: SIMD8<UInt16>) -> (Lanes4, Lanes4) {
        let mask = SIMD8<UInt16>(repeating: 0x0F)
        return (
            (signed(v0 & mask), signed((v0 &>> 8) & mask), signed(v1 & mask), signed((v1 &>> 8) & mask)),
            (signed((v0 &>> 4) & mask), signed(v0 &>> 12), signed((v1 &>> 4) & mask), signed(v1 &>> 12))
        )
    }

    /// Adds the fifth bits of a Q5_K chunk: bit 0 (low nibbles) and bit 1 (high nibbles) of each `qh` byte, whose
    /// bytes are the lanes' low (even elements) and high (odd elements) bytes of `h0` (elements 0..<16) and `h1`.
    @inline(__always)
    static func addFifthBits(_ q: (Lanes4, Lanes4), _ h0: SIMD8<UInt16>, _ h1: SIMD8<UInt16>) -> (Lanes4, Lanes4) {
        let bit4 = SIMD8<UInt16>(repeating: 0x10)
        @inline(__always) func low(_ h: SIMD8<UInt16>) -> (SIMD8<Int16>, SIMD8<Int16>) {
            (signed((h &<< 4) & bit4), signed((h &>> 4) & bit4))
        }
        @inline(__always) func high(_ h: SIMD8<UInt16>) -> (SIMD8<Int16>, SIMD8<Int16>) {
            (signed((h &<< 3) & bit4), signed((h &>> 5) & bit4))
        }
        let (l0, l1) = low(h0), (l2, l3) = low(h1)
        let (u0, u1) = high(h0), (u2, u3) = high(h1)
        return (
            (q.0.0 | l0, q.0.1 | l1, q.0.2 | l2, q.0.3 | l3),
            (q.1.0 | u0, q.1.1 | u1, q.1.2 | u2, q.1.3 | u3)
        )
    }

    /// The four 16-element groups (even and odd lanes each) of Q6_K values (q - 32) that one pair of `ql` loads
    /// (`l0` = ql[l], `l1` = ql[l + 32], 16 bytes each) and one `qh` load (`h` = qh[l]) describe: elements l, l + 32,
    /// l + 64 and l + 96 of a 128-element half.
    @inline(__always)
    static func unpackQ6(_ l0: SIMD8<UInt16>, _ l1: SIMD8<UInt16>, _ h: SIMD8<UInt16>) -> (Lanes4, Lanes4) {
        let mask = SIMD8<UInt16>(repeating: 0x0F), two = SIMD8<UInt16>(repeating: 0x30)
        let bias = SIMD8<Int16>(repeating: 32)
        @inline(__always) func q(_ v: SIMD8<UInt16>) -> SIMD8<Int16> { signed(v) &- bias }
        return (
            (
                q((l0 & mask) | ((h &<< 4) & two)), q(((l0 &>> 8) & mask) | ((h &>> 4) & two)),
                q((l1 & mask) | ((h &<< 2) & two)), q(((l1 &>> 8) & mask) | ((h &>> 6) & two))
            ),
            (
                q(((l0 &>> 4) & mask) | (h & two)), q((l0 &>> 12) | ((h &>> 8) & two)),
                q(((l1 &>> 4) & mask) | ((h &>> 2) & two)), q((l1 &>> 12) | ((h &>> 10) & two))
            )
        )
    }

    /// The 16-bit lane sums of one 16-element Q6_K group (even and odd lanes) times its permuted activations.
    @inline(__always)
    static func sum16(_ even: SIMD8<Int16>, _ odd: SIMD8<Int16>, _ a: UnsafePointer<Int16>) -> SIMD8<Int16> {
        (even &* act(a, 0)) &+ (odd &* act(a, 1))
    }

    /// Signed scale `j` of a Q6_K half, in every lane.
    @inline(__always)
    static func splat(_ scales: UnsafeRawPointer, _ j: Int) -> SIMD8<Int16> {
        SIMD8<Int16>(repeating: Int16(scales.load(fromByteOffset: j, as: Int8.self)))
    }

    // MARK: Q4_K x Q8_K

    /// One Q4_K row (`nb` super-blocks of 144 bytes) against one activation row: `a` its Q8_K values, `d` its
    /// scales, `s` its per-32 sums.
    static func dotQ4_K(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>, s: UnsafePointer<Int16>
    ) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 144
            let (scales, mins) = scalesK(blk + 4)
            let ab = a + 256 * b
            var isum = SIMD4<Int32>(repeating: 0)
            for j in 0..<4 {
                let q = nibblesK(
                    blk.loadUnaligned(fromByteOffset: 16 + 32 * j, as: SIMD8<UInt16>.self),
                    blk.loadUnaligned(fromByteOffset: 32 + 32 * j, as: SIMD8<UInt16>.self))
                isum &+= madd(sum16(q.0, ab + 64 * j), splat(scales, 2 * j))
                isum &+= madd(sum16(q.1, ab + 64 * j + 32), splat(scales, 2 * j + 1))
            }
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))] * d[b]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))] * d[b]
            let msum = madd(mins, UnsafeRawPointer(s + 8 * b).loadUnaligned(as: SIMD8<Int16>.self))
            acc += SIMD4<Float>(isum) * dw - SIMD4<Float>(msum) * mw
        }
        return acc.sum()
    }

    /// One Q4_K row against four activation rows (`stride` elements apart); writes `out[k * outStride]`.
    static func dotQ4_Kx4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        s: UnsafePointer<Int16>, out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        let s1 = s + 8 * nb, s2 = s + 16 * nb, s3 = s + 24 * nb
        for b in 0..<nb {
            let blk = w + b * 144
            let (scales, mins) = scalesK(blk + 4)
            let o = 256 * b
            var i0 = SIMD4<Int32>(repeating: 0), i1 = i0, i2 = i0, i3 = i0
            for j in 0..<4 {
                let q = nibblesK(
                    blk.loadUnaligned(fromByteOffset: 16 + 32 * j, as: SIMD8<UInt16>.self),
                    blk.loadUnaligned(fromByteOffset: 32 + 32 * j, as: SIMD8<UInt16>.self))
                let lo = splat(scales, 2 * j), hi = splat(scales, 2 * j + 1)
                let x = o + 64 * j
                i0 &+= madd(sum16(q.0, a + x), lo) &+ madd(sum16(q.1, a + x + 32), hi)
                i1 &+= madd(sum16(q.0, a1 + x), lo) &+ madd(sum16(q.1, a1 + x + 32), hi)
                i2 &+= madd(sum16(q.0, a2 + x), lo) &+ madd(sum16(q.1, a2 + x + 32), hi)
                i3 &+= madd(sum16(q.0, a3 + x), lo) &+ madd(sum16(q.1, a3 + x + 32), hi)
            }
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            @inline(__always) func sums(_ p: UnsafePointer<Int16>) -> SIMD8<Int16> {
                UnsafeRawPointer(p + 8 * b).loadUnaligned(as: SIMD8<Int16>.self)
            }
            acc0 += SIMD4<Float>(i0) * (dw * d[b]) - SIMD4<Float>(madd(mins, sums(s))) * (mw * d[b])
            acc1 += SIMD4<Float>(i1) * (dw * d1[b]) - SIMD4<Float>(madd(mins, sums(s1))) * (mw * d1[b])
            acc2 += SIMD4<Float>(i2) * (dw * d2[b]) - SIMD4<Float>(madd(mins, sums(s2))) * (mw * d2[b])
            acc3 += SIMD4<Float>(i3) * (dw * d3[b]) - SIMD4<Float>(madd(mins, sums(s3))) * (mw * d3[b])
        }
        out[0] = acc0.sum()
        out[outStride] = acc1.sum()
        out[2 * outStride] = acc2.sum()
        out[3 * outStride] = acc3.sum()
    }

    // MARK: Q5_K x Q8_K

    /// One Q5_K row (`nb` super-blocks of 176 bytes) against one activation row.
    static func dotQ5_K(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>, s: UnsafePointer<Int16>
    ) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 176
            let (scales, mins) = scalesK(blk + 4)
            let ab = a + 256 * b
            var h0 = blk.loadUnaligned(fromByteOffset: 16, as: SIMD8<UInt16>.self)
            var h1 = blk.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt16>.self)
            var isum = SIMD4<Int32>(repeating: 0)
            for j in 0..<4 {
                let q = addFifthBits(
                    nibblesK(
                        blk.loadUnaligned(fromByteOffset: 48 + 32 * j, as: SIMD8<UInt16>.self),
                        blk.loadUnaligned(fromByteOffset: 64 + 32 * j, as: SIMD8<UInt16>.self)),
                    h0, h1)
                isum &+= madd(sum16(q.0, ab + 64 * j), splat(scales, 2 * j))
                isum &+= madd(sum16(q.1, ab + 64 * j + 32), splat(scales, 2 * j + 1))
                h0 &>>= 2
                h1 &>>= 2
            }
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))] * d[b]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))] * d[b]
            let msum = madd(mins, UnsafeRawPointer(s + 8 * b).loadUnaligned(as: SIMD8<Int16>.self))
            acc += SIMD4<Float>(isum) * dw - SIMD4<Float>(msum) * mw
        }
        return acc.sum()
    }

    /// One Q5_K row against four activation rows.
    static func dotQ5_Kx4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        s: UnsafePointer<Int16>, out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        let s1 = s + 8 * nb, s2 = s + 16 * nb, s3 = s + 24 * nb
        for b in 0..<nb {
            let blk = w + b * 176
            let (scales, mins) = scalesK(blk + 4)
            let o = 256 * b
            var h0 = blk.loadUnaligned(fromByteOffset: 16, as: SIMD8<UInt16>.self)
            var h1 = blk.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt16>.self)
            var i0 = SIMD4<Int32>(repeating: 0), i1 = i0, i2 = i0, i3 = i0
            for j in 0..<4 {
                let q = addFifthBits(
                    nibblesK(
                        blk.loadUnaligned(fromByteOffset: 48 + 32 * j, as: SIMD8<UInt16>.self),
                        blk.loadUnaligned(fromByteOffset: 64 + 32 * j, as: SIMD8<UInt16>.self)),
                    h0, h1)
                let lo = splat(scales, 2 * j), hi = splat(scales, 2 * j + 1)
                let x = o + 64 * j
                i0 &+= madd(sum16(q.0, a + x), lo) &+ madd(sum16(q.1, a + x + 32), hi)
                i1 &+= madd(sum16(q.0, a1 + x), lo) &+ madd(sum16(q.1, a1 + x + 32), hi)
                i2 &+= madd(sum16(q.0, a2 + x), lo) &+ madd(sum16(q.1, a2 + x + 32), hi)
                i3 &+= madd(sum16(q.0, a3 + x), lo) &+ madd(sum16(q.1, a3 + x + 32), hi)
                h0 &>>= 2
                h1 &>>= 2
            }
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            @inline(__always) func sums(_ p: UnsafePointer<Int16>) -> SIMD8<Int16> {
                UnsafeRawPointer(p + 8 * b).loadUnaligned(as: SIMD8<Int16>.self)
            }
            acc0 += SIMD4<Float>(i0) * (dw * d[b]) - SIMD4<Float>(madd(mins, sums(s))) * (mw * d[b])
            acc1 += SIMD4<Float>(i1) * (dw * d1[b]) - SIMD4<Float>(madd(mins, sums(s1))) * (mw * d1[b])
            acc2 += SIMD4<Float>(i2) * (dw * d2[b]) - SIMD4<Float>(madd(mins, sums(s2))) * (mw * d2[b])
            acc3 += SIMD4<Float>(i3) * (dw * d3[b]) - SIMD4<Float>(madd(mins, sums(s3))) * (mw * d3[b])
        }
        out[0] = acc0.sum()
        out[outStride] = acc1.sum()
        out[2 * outStride] = acc2.sum()
        out[3 * outStride] = acc3.sum()
    }

    // MARK: Q6_K x Q8_K

    /// One Q6_K row (`nb` super-blocks of 210 bytes) against one activation row.
    static func dotQ6_K(_ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 210
            var isum = SIMD4<Int32>(repeating: 0)
            for half in 0..<2 {
                let ql = blk + 64 * half, qh = blk + 128 + 32 * half, sc = blk + 192 + 8 * half
                for c in 0..<2 {
                    let q = unpackQ6(
                        ql.loadUnaligned(fromByteOffset: 16 * c, as: SIMD8<UInt16>.self),
                        ql.loadUnaligned(fromByteOffset: 32 + 16 * c, as: SIMD8<UInt16>.self),
                        qh.loadUnaligned(fromByteOffset: 16 * c, as: SIMD8<UInt16>.self))
                    // Group k of this half starts at element 32k + 16c; its activations at slot 16c of chunk k.
                    let x = a + 256 * b + 128 * half + 16 * c
                    isum &+= madd(sum16(q.0.0, q.0.1, x), splat(sc, c))
                    isum &+= madd(sum16(q.0.2, q.0.3, x + 32), splat(sc, c + 2))
                    isum &+= madd(sum16(q.1.0, q.1.1, x + 64), splat(sc, c + 4))
                    isum &+= madd(sum16(q.1.2, q.1.3, x + 96), splat(sc, c + 6))
                }
            }
            let dw = lut[Int(blk.loadUnaligned(fromByteOffset: 208, as: UInt16.self))]
            acc += SIMD4<Float>(isum) * (dw * d[b])
        }
        return acc.sum()
    }

    /// One Q6_K row against four activation rows.
    static func dotQ6_Kx4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        for b in 0..<nb {
            let blk = w + b * 210
            var i0 = SIMD4<Int32>(repeating: 0), i1 = i0, i2 = i0, i3 = i0
            for half in 0..<2 {
                let ql = blk + 64 * half, qh = blk + 128 + 32 * half, sc = blk + 192 + 8 * half
                for c in 0..<2 {
                    let q = unpackQ6(
                        ql.loadUnaligned(fromByteOffset: 16 * c, as: SIMD8<UInt16>.self),
                        ql.loadUnaligned(fromByteOffset: 32 + 16 * c, as: SIMD8<UInt16>.self),
                        qh.loadUnaligned(fromByteOffset: 16 * c, as: SIMD8<UInt16>.self))
                    let g0 = splat(sc, c), g1 = splat(sc, c + 2), g2 = splat(sc, c + 4), g3 = splat(sc, c + 6)
                    let x = 256 * b + 128 * half + 16 * c
                    @inline(__always) func row(_ a: UnsafePointer<Int16>) -> SIMD4<Int32> {
                        (madd(sum16(q.0.0, q.0.1, a + x), g0) &+ madd(sum16(q.0.2, q.0.3, a + x + 32), g1))
                            &+ (madd(sum16(q.1.0, q.1.1, a + x + 64), g2) &+ madd(sum16(q.1.2, q.1.3, a + x + 96), g3))
                    }
                    i0 &+= row(a)
                    i1 &+= row(a1)
                    i2 &+= row(a2)
                    i3 &+= row(a3)
                }
            }
            let dw = lut[Int(blk.loadUnaligned(fromByteOffset: 208, as: UInt16.self))]
            acc0 += SIMD4<Float>(i0) * (dw * d[b])
            acc1 += SIMD4<Float>(i1) * (dw * d1[b])
            acc2 += SIMD4<Float>(i2) * (dw * d2[b])
            acc3 += SIMD4<Float>(i3) * (dw * d3[b])
        }
        out[0] = acc0.sum()
        out[outStride] = acc1.sum()
        out[2 * outStride] = acc2.sum()
        out[3 * outStride] = acc3.sum()
    }
}
