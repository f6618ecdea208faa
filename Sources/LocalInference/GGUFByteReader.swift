/// A bounds-checked little-endian cursor over the bytes of a GGUF file.
struct GGUFByteReader {
    let base: UnsafeRawPointer?
    let count: Int
    var offset: Int = 0

    init(base: UnsafeRawPointer?, count: Int) {
        self.base = base
        self.count = count
    }

    var remaining: Int { count - offset }

    private func truncated(_ what: String) -> LocalInferenceError {
        LocalInferenceError(.truncated, "truncated file: \(what) at byte \(offset) runs past the end (\(count) bytes)")
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws -> T {
        let size = MemoryLayout<T>.size
        guard let base, remaining >= size else { throw truncated(what) }
        let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }

    mutating func readFloat(_ what: String) throws -> Float {
        Float(bitPattern: try read(UInt32.self, what))
    }

    mutating func readDouble(_ what: String) throws -> Double {
        Double(bitPattern: try read(UInt64.self, what))
    }

    /// Reads a u64 count and checks that at least `count * minElementSize` bytes remain.
    mutating func readCount(_ what: String, minElementSize: Int) throws -> Int {
        let n = try read(UInt64.self, what)
        guard n <= UInt64(Int.max / max(minElementSize, 1)), Int(n) * minElementSize <= remaining else {
            throw LocalInferenceError(
                .truncated, "truncated file: \(what) claims \(n) elements but only \(remaining) bytes remain")
        }
        return Int(n)
    }

    mutating func readString(_ what: String) throws -> String {
        let n = try readCount("length of \(what)", minElementSize: 1)
        guard let base else { throw truncated(what) }
        let buffer = UnsafeRawBufferPointer(start: base + offset, count: n)
        offset += n
        return String(decoding: buffer, as: UTF8.self)
    }

    mutating func readValue(type: UInt32, _ what: String, depth: Int = 0) throws -> GGUFValue {
        switch type {
        case 0: return .uint8(try read(UInt8.self, what))
        case 1: return .int8(try read(Int8.self, what))
        case 2: return .uint16(try read(UInt16.self, what))
        case 3: return .int16(try read(Int16.self, what))
        case 4: return .uint32(try read(UInt32.self, what))
        case 5: return .int32(try read(Int32.self, what))
        case 6: return .float32(try readFloat(what))
        case 7:
            let b = try read(UInt8.self, what)
            guard b <= 1 else { throw LocalInferenceError(.corrupt, "corrupt file: bool value \(b) for \(what)") }
            return .bool(b == 1)
        case 8: return .string(try readString(what))
        case 9:
            guard depth < 8 else { throw LocalInferenceError(.corrupt, "corrupt file: arrays nested too deep in \(what)") }
            let elementType = try read(UInt32.self, "array type of \(what)")
            let minSize: Int
            switch elementType {
            case 0, 1, 7: minSize = 1
            case 2, 3: minSize = 2
            case 4, 5, 6: minSize = 4
            case 8, 10, 11, 12: minSize = 8
            case 9: minSize = 12
            default:
                throw LocalInferenceError(.corrupt, "corrupt file: unknown array element type \(elementType) in \(what)")
            }
            let n = try readCount("array length of \(what)", minElementSize: minSize)
            var values: [GGUFValue] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(try readValue(type: elementType, what, depth: depth + 1)) }
            return .array(values)
        case 10: return .uint64(try read(UInt64.self, what))
        case 11: return .int64(try read(Int64.self, what))
        case 12: return .float64(try readDouble(what))
        default:
            throw LocalInferenceError(.corrupt, "corrupt file: unknown metadata value type \(type) for \(what)")
        }
    }
}
