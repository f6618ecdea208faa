/// Block-by-block dequantisation of ggml tensor rows to `Float`.
///
/// Used for embedding lookups, for the generic (non-integer) matrix path and by tests; the model is never
/// dequantised as a whole.
public enum Dequantizer {
    /// Dequantises `count` elements (a whole number of blocks) of `type` starting at `src` into `dst`.
    public static func dequantize(
        _ type: GGMLType, from src: UnsafeRawPointer, count: Int, into dst: UnsafeMutablePointer<Float>
    ) {
        let lut = HalfTable.shared.table
        @inline(__always) func half(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float {
            lut[Int(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))]
        }
        let nb = count / type.blockSize
        switch type {
        case .f32:
            for i in 0..<count { dst[i] = src.loadUnaligned(fromByteOffset: 4 * i, as: Float.self) }
        case .f16:
            for i in 0..<count { dst[i] = half(src, 2 * i) }
        case .bf16:
            for i in 0..<count {
                dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16)
            }
        case .q8_0:
            for b in 0..<nb {
                let blk = src + b * 34
                let d = half(blk)
                for j in 0..<32 { dst[b * 32 + j] = d * Float(blk.load(fromByteOffset: 2 + j, as: Int8.self)) }
            }
        case .q4_0:
            for b in 0..<nb {
                let blk = src + b * 18
                let d = half(blk)
                for j in 0..<16 {
                    let q = blk.load(fromByteOffset: 2 + j, as: UInt8.self)
                    dst[b * 32 + j] = d * Float(Int(q & 0x0F) - 8)
                    dst[b * 32 + j + 16] = d * Float(Int(q >> 4) - 8)
                }
            }
        case .q4_1:
            for b in 0..<nb {
                let blk = src + b * 20
                let d = half(blk)
                let m = half(blk, 2)
                for j in 0..<16 {
                    let q = blk.load(fromByteOffset: 4 + j, as: UInt8.self)
                    dst[b * 32 + j] = d * Float(q & 0x0F) + m
                    dst[b * 32 + j + 16] = d * Float(q >> 4) + m
                }
            }
        case .q5_0:
            for b in 0..<nb {
                let blk = src + b * 22
                let d = half(blk)
                let qh = blk.loadUnaligned(fromByteOffset: 2, as: UInt32.self).littleEndian
                for j in 0..<16 {
                    let q = UInt32(blk.load(fromByteOffset: 6 + j, as: UInt8.self))
                    let h0 = ((qh >> UInt32(j)) << 4) & 0x10
                    let h1 = (qh >> UInt32(j + 12)) & 0x10
                    dst[b * 32 + j] = d * Float(Int32((q & 0x0F) | h0) - 16)
                    dst[b * 32 + j + 16] = d * Float(Int32((q >> 4) | h1) - 16)
                }
            }
        case .q5_1:
            for b in 0..<nb {
                let blk = src + b * 24
                let d = half(blk)
                let m = half(blk, 2)
                let qh = blk.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
                for j in 0..<16 {
                    let q = UInt32(blk.load(fromByteOffset: 8 + j, as: UInt8.self))
                    let h0 = ((qh >> UInt32(j)) << 4) & 0x10
                    let h1 = (qh >> UInt32(j + 12)) & 0x10
                    dst[b * 32 + j] = d * Float((q & 0x0F) | h0) + m
                    dst[b * 32 + j + 16] = d * Float((q >> 4) | h1) + m
                }
            }
        case .q5_K:
            for b in 0..<nb {
                let blk = src + b * 176
                let d = half(blk)
                let dmin = half(blk, 2)
                let scales = blk + 4
                let qh = blk + 16
                var q = blk + 48
                var y = dst + b * 256
                for pair in 0..<4 {
                    let (sc1, m1) = scaleMinK4(2 * pair, scales)
                    let (sc2, m2) = scaleMinK4(2 * pair + 1, scales)
                    let d1 = d * Float(sc1), mm1 = dmin * Float(m1)
                    let d2 = d * Float(sc2), mm2 = dmin * Float(m2)
                    let u1 = UInt8(1) << UInt8(2 * pair), u2 = UInt8(2) << UInt8(2 * pair)
                    for l in 0..<32 {
                        let h = qh.load(fromByteOffset: l, as: UInt8.self)
                        let v = q.load(fromByteOffset: l, as: UInt8.self)
                        y[l] = d1 * Float((v & 0x0F) + (h & u1 != 0 ? 16 : 0)) - mm1
                        y[32 + l] = d2 * Float((v >> 4) + (h & u2 != 0 ? 16 : 0)) - mm2
                    }
                    q += 32
                    y += 64
                }
            }
        case .q4_K:
            for b in 0..<nb {
                let blk = src + b * 144
                let d = half(blk)
                let dmin = half(blk, 2)
                let scales = blk + 4
                var q = blk + 16
                var y = dst + b * 256
                for pair in 0..<4 {
                    let (sc1, m1) = scaleMinK4(2 * pair, scales)
                    let (sc2, m2) = scaleMinK4(2 * pair + 1, scales)
                    let d1 = d * Float(sc1), mm1 = dmin * Float(m1)
                    let d2 = d * Float(sc2), mm2 = dmin * Float(m2)
                    for l in 0..<32 { y[l] = d1 * Float(q.load(fromByteOffset: l, as: UInt8.self) & 0x0F) - mm1 }
                    for l in 0..<32 { y[32 + l] = d2 * Float(q.load(fromByteOffset: l, as: UInt8.self) >> 4) - mm2 }
                    q += 32
                    y += 64
                }
            }
        case .q6_K:
            for b in 0..<nb {
                let blk = src + b * 210
                var ql = blk
                var qh = blk + 128
                var sc = blk + 192
                let d = half(blk, 208)
                var y = dst + b * 256
                for _ in 0..<2 {
                    for l in 0..<32 {
                        let isc = l / 16
                        let l0 = Int(ql.load(fromByteOffset: l, as: UInt8.self))
                        let l32 = Int(ql.load(fromByteOffset: l + 32, as: UInt8.self))
                        let h = Int(qh.load(fromByteOffset: l, as: UInt8.self))
                        let q1 = ((l0 & 0xF) | ((h & 3) << 4)) - 32
                        let q2 = ((l32 & 0xF) | (((h >> 2) & 3) << 4)) - 32
                        let q3 = ((l0 >> 4) | (((h >> 4) & 3) << 4)) - 32
                        let q4 = ((l32 >> 4) | (((h >> 6) & 3) << 4)) - 32
                        y[l] = d * Float(sc.load(fromByteOffset: isc, as: Int8.self)) * Float(q1)
                        y[l + 32] = d * Float(sc.load(fromByteOffset: isc + 2, as: Int8.self)) * Float(q2)
                        y[l + 64] = d * Float(sc.load(fromByteOffset: isc + 4, as: Int8.self)) * Float(q3)
                        y[l + 96] = d * Float(sc.load(fromByteOffset: isc + 6, as: Int8.self)) * Float(q4)
                    }
                    y += 128
                    ql += 64
                    qh += 32
                    sc += 8
                }
            }
        default:
            for i in 0..<count { dst[i] = 0 }  // never reached: callers check `isComputable`
        }
    }

    /// Dequantises a whole number of blocks held in a byte array (convenience for tests and tools).
    public static func dequantize(_ type: GGMLType, bytes: [UInt8], count: Int) -> [Float] {
        guard count > 0, let needed = type.byteCount(elements: count), needed <= bytes.count, type.isComputable else {
            return []
        }
        var out = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { dst in
                guard let src = raw.baseAddress, let dstBase = dst.baseAddress else { return }
                dequantize(type, from: src, count: count, into: dstBase)
            }
        }
        return out
    }

    /// The 6-bit scale and min of sub-block `j` of a Q4_K/Q5_K block (ggml's get_scale_min_k4).
    @inline(__always)
    static func scaleMinK4(_ j: Int, _ q: UnsafeRawPointer) -> (UInt8, UInt8) {
        @inline(__always) func b(_ i: Int) -> UInt8 { q.load(fromByteOffset: i, as: UInt8.self) }
        if j < 4 {
            return (b(j) & 63, b(j + 4) & 63)
        }
        return ((b(j + 4) & 0x0F) | ((b(j - 4) >> 6) << 4), (b(j + 4) >> 4) | ((b(j) >> 6) << 4))
    }
}
