/// GPT-2's reversible map between bytes and printable Unicode scalars used by byte-level BPE vocabularies.
struct ByteLevelEncoding: Sendable {
    /// `encode[b]` is the scalar standing for byte `b`.
    let encode: [Unicode.Scalar]
    /// The inverse map, by scalar value (all values are below 324).
    let decode: [Int16]

    init() {
        var table = [UInt32](repeating: 0, count: 256)
        var n: UInt32 = 0
        for b in 0..<256 {
            if (33...126).contains(b) || (161...172).contains(b) || (174...255).contains(b) {
                table[b] = UInt32(b)
            } else {
                table[b] = 256 + n
                n += 1
            }
        }
        encode = table.map { Unicode.Scalar($0)! }
        var inverse = [Int16](repeating: -1, count: 512)
        for (b, s) in table.enumerated() { inverse[Int(s)] = Int16(b) }
        decode = inverse
    }

    /// The byte a scalar stands for, or nil if it is not part of the map.
    @inline(__always)
    func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = Int(scalar.value)
        guard v < decode.count, decode[v] >= 0 else { return nil }
        return UInt8(decode[v])
    }
}
