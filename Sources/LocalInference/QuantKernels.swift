/// Integer dot-product kernels between quantised weight rows and `ActivationBatch` rows.
///
/// Weights are read 16 bytes at a time as eight 16-bit lanes; nibbles or bytes are unpacked with shifts and masks
/// into `Int16` lanes and multiplied with the (pre-permuted, pre-widened) activations: either with `madd`
/// (pmaddwd: products added in pairs straight into 32 bits) or, where a scale per group of 16 or 32 elements follows
/// (K-quants), summed in 16 bits first (no overflow: at most 4 x 31 x 127 per lane) and widened. Q4_1's unsigned
/// nibbles go through `madd` as `nibble - 8` (LLVM's code for `madd` on the unsigned nibbles is poor), with the
/// activations' `laneSums` added back. Sums are scaled per block in float. Everything stays within SSE2 on x86-64
/// (the baseline target), and maps to NEON on arm64. Other types: QuantKernels+Q5.swift, QuantKernels+KQuants.swift.
enum QuantKernels {
    @inline(__always)
    static func act(_ a: UnsafePointer<Int16>, _ i: Int) -> SIMD8<Int16> {
        UnsafeRawPointer(a + 8 * i).loadUnaligned(as: SIMD8<Int16>.self)
    }

    /// Multiplies eight 16-bit lanes pairwise into 32 bits and adds adjacent pairs: `pmaddwd` on x86-64 (SSE2),
    /// which LLVM selects for exactly this pattern. Exact for any 16-bit inputs except two -32768 x -32768 pairs.
    @inline(__always)
    static func madd(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        let x = SIMD8<Int32>(truncatingIfNeeded: a) &* SIMD8<Int32>(truncatingIfNeeded: b)
        return x.evenHalf &+ x.oddHalf
    }

    /// Reinterprets unsigned lanes (all below 32768 here) as signed ones.
    @inline(__always)
    static func signed(_ v: SIMD8<UInt16>) -> SIMD8<Int16> { unsafeBitCast(v, to: SIMD8<Int16>.self) }

    // MARK: Q4_1 x Q8_1

    @inline(__always)
    static func unpackQ4(_ blk: UnsafeRawPointer, offset: Int)
        -> (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>)
    {
        let mask = SIMD8<UInt16>(repeating: 0x0F)
        let v = blk.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt16>.self)
        return (
            unsafeBitCast(v & mask, to: SIMD8<Int16>.self),
            unsafeBitCast((v &>> 8) & mask, to: SIMD8<Int16>.self),
            unsafeBitCast((v &>> 4) & mask, to: SIMD8<Int16>.self),
            unsafeBitCast(v &>> 12, to: SIMD8<Int16>.self)
        )
    }

    /// Q4_1 nibbles minus 8 (signed, as Q4_0's), for `madd`; adding the activation's `laneSums` gives exactly
    /// the lane sums of the products with the unsigned nibbles.
    @inline(__always)
    static func unpackQ4_1(_ blk: UnsafeRawPointer) -> (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>) {
        let p = unpackQ4(blk, offset: 4)
        let eight = SIMD8<Int16>(repeating: 8)
        return (p.0 &- eight, p.1 &- eight, p.2 &- eight, p.3 &- eight)
    }

    /// `madd4` (QuantKernels+Q5.swift) again, in this file: debug builds compile the module file by file, and a
    /// call to another file's function in this loop is not inlined (three times slower end to end).
    @inline(__always)
    static func maddQ4_1(
        _ p: (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>), _ a: UnsafePointer<Int16>
    ) -> SIMD4<Int32> {
        (madd(p.0, act(a, 0)) &+ madd(p.1, act(a, 1))) &+ (madd(p.2, act(a, 2)) &+ madd(p.3, act(a, 3)))
    }

    @inline(__always)
    static func lanes(_ sums: UnsafePointer<Int32>, _ b: Int) -> SIMD4<Int32> {
        UnsafeRawPointer(sums + 4 * b).loadUnaligned(as: SIMD4<Int32>.self)
    }

    /// One Q4_1 row (`nb` blocks) against one activation row, through `madd4` on `nibble - 8` plus the row's
    /// `laneSums` (see `dotQ4_1x4`).
    static func dotQ4_1(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>, s: UnsafePointer<Float>,
        laneSums l: UnsafePointer<Int32>
    ) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        var macc: Float = 0
        for b in 0..<nb {
            let blk = w + b * 20
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            acc += SIMD4<Float>(maddQ4_1(unpackQ4_1(blk), a + 32 * b) &+ lanes(l, b)) * (dw * d[b])
            macc += mw * s[b]
        }
        return acc.sum() + macc
    }

    /// One Q4_1 row against four activation rows (`stride` elements apart); writes `out[k * outStride]`.
    ///
    /// Goes through `madd4` on `nibble - 8` plus the activation rows' `laneSums` (four rows of `4 * nb` values):
    /// exactly the integer lanes of the products with the unsigned nibbles (as the kernel computed them before, in
    /// 16 bits), so the same results, in about 10 % less CPU time end to end at 8 rows.
    static func dotQ4_1x4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        s: UnsafePointer<Float>, laneSums l: UnsafePointer<Int32>, out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        let s1 = s + nb, s2 = s + 2 * nb, s3 = s + 3 * nb
        let l1 = l + 4 * nb, l2 = l + 8 * nb, l3 = l + 12 * nb
        for b in 0..<nb {
            let blk = w + b * 20
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let mw = lut[Int(blk.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
            let p = unpackQ4_1(blk)
            let o = 32 * b
            acc0 += SIMD4<Float>(maddQ4_1(p, a + o) &+ lanes(l, b)) * (dw * d[b])
            acc1 += SIMD4<Float>(maddQ4_1(p, a1 + o) &+ lanes(l1, b)) * (dw * d1[b])
            acc2 += SIMD4<Float>(maddQ4_1(p, a2 + o) &+ lanes(l2, b)) * (dw * d2[b])
            acc3 += SIMD4<Float>(maddQ4_1(p, a3 + o) &+ lanes(l3, b)) * (dw * d3[b])
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

    // MARK: Q4_0 x Q8_0

    @inline(__always)
    static func unpackQ4_0(_ blk: UnsafeRawPointer) -> (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>) {
        let p = unpackQ4(blk, offset: 2)
        let eight = SIMD8<Int16>(repeating: 8)
        return (p.0 &- eight, p.1 &- eight, p.2 &- eight, p.3 &- eight)
    }

    /// One Q4_0 row against one activation row.
    static func dotQ4_0(_ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 18
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            acc += SIMD4<Float>(madd4(unpackQ4_0(blk), a + 32 * b)) * (dw * d[b])
        }
        return acc.sum()
    }

    /// One Q4_0 row against four activation rows.
    static func dotQ4_0x4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        for b in 0..<nb {
            let blk = w + b * 18
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let p = unpackQ4_0(blk)
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

    // MARK: Q8_0 x Q8_0

    @inline(__always)
    static func unpackQ8(_ blk: UnsafeRawPointer) -> (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>) {
        let v0 = blk.loadUnaligned(fromByteOffset: 2, as: SIMD8<Int16>.self)
        let v1 = blk.loadUnaligned(fromByteOffset: 18, as: SIMD8<Int16>.self)
        return ((v0 &<< 8) &>> 8, v0 &>> 8, (v1 &<< 8) &>> 8, v1 &>> 8)
    }



    /// One Q8_0 row against one activation row.
    static func dotQ8_0(_ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, d: UnsafePointer<Float>) -> Float {
        let lut = HalfTable.shared.table
        var acc = SIMD4<Float>(repeating: 0)
        for b in 0..<nb {
            let blk = w + b * 34
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            acc += SIMD4<Float>(madd4(unpackQ8(blk), a + 32 * b)) * (dw * d[b])
        }
        return acc.sum()
    }

    /// One Q8_0 row against four activation rows.
    static func dotQ8_0x4(
        _ w: UnsafeRawPointer, nb: Int, a: UnsafePointer<Int16>, stride: Int, d: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, outStride: Int
    ) {
        let lut = HalfTable.shared.table
        var acc0 = SIMD4<Float>(repeating: 0), acc1 = acc0, acc2 = acc0, acc3 = acc0
        let a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let d1 = d + nb, d2 = d + 2 * nb, d3 = d + 3 * nb
        for b in 0..<nb {
            let blk = w + b * 34
            let dw = lut[Int(blk.loadUnaligned(as: UInt16.self))]
            let p = unpackQ8(blk)
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

    // MARK: Float

    /// A float dot product of length `n`.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc0 = SIMD8<Float>(repeating: 0), acc1 = acc0
        var i = 0
        while i + 16 <= n {
            acc0 += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            acc1 += UnsafeRawPointer(x + i + 8).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(y + i + 8).loadUnaligned(as: SIMD8<Float>.self)
            i += 16
        }
        var r = (acc0 + acc1).sum()
        while i < n {
            r += x[i] * y[i]
            i += 1
        }
        return r
    }
}
