/// A lookup table converting every IEEE half-precision bit pattern to `Float`.
///
/// The baseline x86-64 target has no F16C instructions, so per-block scale conversions go through this
/// 256 KiB table. It is built once and never modified (immutable shared state).
final class HalfTable: @unchecked Sendable {
    /// The shared table.
    static let shared = HalfTable()

    /// `table[Int(bits)]` is the value of the half with those bits.
    let table: UnsafeMutablePointer<Float>

    private init() {
        table = .allocate(capacity: 65536)
        for i in 0..<65536 { table[i] = HalfTable.convert(UInt16(i)) }
    }

    /// Converts half-precision bits to a `Float` arithmetically.
    static func convert(_ h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = Int((h >> 10) & 0x1F)
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * (1.0 / 16_777_216.0)  // 2^-24
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 31 {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | (UInt32(exponent + 112) << 23) | (mantissa << 13))
    }

    /// Rounds a `Float` to the nearest half (ties to even) and returns its bits.
    static func bits(_ f: Float) -> UInt16 {
        let x = f.bitPattern
        let sign = UInt16((x >> 16) & 0x8000)
        let exponent = Int((x >> 23) & 0xFF)
        var mantissa = x & 0x7F_FFFF
        if exponent == 255 {
            return sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0)
        }
        let e = exponent - 127 + 15
        if e >= 31 { return sign | 0x7C00 }
        if e <= 0 {
            if e < -10 { return sign }
            mantissa |= 0x80_0000
            let shift = UInt32(14 - e)
            var half = mantissa >> shift
            let rem = mantissa & ((1 << shift) - 1)
            let midpoint: UInt32 = 1 << (shift - 1)
            if rem > midpoint || (rem == midpoint && (half & 1) == 1) { half += 1 }
            return sign | UInt16(half)
        }
        var half = UInt32(e) << 10 | (mantissa >> 13)
        let rem = mantissa & 0x1FFF
        if rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1) { half += 1 }
        return sign | UInt16(half)  // a carry into the exponent is the correct rounding
    }

    /// Rounds a `Float` to half precision and back.
    @inline(__always)
    static func round(_ f: Float) -> Float { convert(bits(f)) }

    /// Rounds eight floats to half precision (ties to even) and back, without tables: the mantissa is rounded at
    /// bit 13 for normal halves; half subnormals (below 2^-14) are rounded to multiples of 2^-24 by an addition.
    /// Overflow to infinity is not modelled (the values rounded here are far below 65504).
    @inline(__always)
    static func round(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
        let odd = (bits &>> 13) & 1
        let rounded = (bits &+ 0x0FFF &+ odd) & ~0x1FFF
        let normal = unsafeBitCast(rounded, to: SIMD8<Float>.self)
        let magnitude = unsafeBitCast(bits & 0x7FFF_FFFF, to: SIMD8<Float>.self)
        let tinyMagnitude = unsafeBitCast((magnitude + 0.5) - 0.5, to: SIMD8<UInt32>.self)
        let tiny = unsafeBitCast(tinyMagnitude | (bits & 0x8000_0000), to: SIMD8<Float>.self)
        return normal.replacing(with: tiny, where: magnitude .< 0x1p-14)
    }
}
