import Foundation

/// Decompresses gzip files (RFC 1952 around RFC 1951 DEFLATE) in pure Swift, for datasets shipped as
/// `.gz` (SimpleQA's CSV, HumanEval's JSONL). Checks the CRC-32 and length of every member.
enum GzipInflater {
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// The decompressed bytes of every member, concatenated.
    static func decompress(_ data: Data) throws -> Data {
        let bytes = [UInt8](data)
        var offset = 0
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4)
        repeat {
            offset = try member(bytes, at: offset, into: &output)
        } while offset < bytes.count && bytes[offset] == 0x1F
        return Data(output)
    }

    static func member(_ bytes: [UInt8], at start: Int, into output: inout [UInt8]) throws -> Int {
        guard bytes.count >= start + 18, bytes[start] == 0x1F, bytes[start + 1] == 0x8B else {
            throw Failure(description: "not a gzip file")
        }
        guard bytes[start + 2] == 8 else { throw Failure(description: "unsupported gzip compression method") }
        let flags = bytes[start + 3]
        var position = start + 10
        if flags & 0x04 != 0 {  // FEXTRA
            guard position + 2 <= bytes.count else { throw Failure(description: "truncated gzip header") }
            position += 2 + Int(bytes[position]) + Int(bytes[position + 1]) << 8
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT
            while position < bytes.count && bytes[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 0x02 != 0 { position += 2 }  // FHCRC
        guard position < bytes.count else { throw Failure(description: "truncated gzip header") }
        let memberStart = output.count
        var reader = BitReader(bytes: bytes, position: position)
        try inflate(&reader, into: &output)
        position = reader.alignedPosition
        guard position + 8 <= bytes.count else { throw Failure(description: "truncated gzip trailer") }
        let crc = UInt32(littleEndian: bytes, at: position)
        let size = UInt32(littleEndian: bytes, at: position + 4)
        guard crc == CRC32.checksum(output[memberStart...]) else { throw Failure(description: "gzip CRC mismatch") }
        guard size == UInt32(truncatingIfNeeded: output.count - memberStart) else {
            throw Failure(description: "gzip length mismatch")
        }
        return position + 8
    }

    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var bitBuffer: UInt64 = 0
        var bitCount = 0

        init(bytes: [UInt8], position: Int) {
            self.bytes = bytes
            self.position = position
        }

        mutating func need(_ count: Int) throws {
            while bitCount < count {
                guard position < bytes.count else { throw Failure(description: "truncated deflate stream") }
                bitBuffer |= UInt64(bytes[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        mutating func bits(_ count: Int) throws -> Int {
            if count == 0 { return 0 }
            try need(count)
            let value = Int(bitBuffer & ((1 << UInt64(count)) - 1))
            bitBuffer >>= UInt64(count)
            bitCount -= count
            return value
        }

        /// Drops the bits left in the current byte.
        mutating func align() {
            let drop = bitCount % 8
            bitBuffer >>= UInt64(drop)
            bitCount -= drop
        }

        /// The byte position after the stream, giving back whole unread bytes.
        var alignedPosition: Int { position - bitCount / 8 }
    }

    /// A canonical Huffman code, decoded bit by bit via counts per length (fast enough for datasets).
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) throws {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ reader: inout BitReader) throws -> Int {
            var code = 0
            var first = 0
            var index = 0
            for length in 1..<16 {
                code |= try reader.bits(1)
                let count = counts[length]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Failure(description: "invalid Huffman code")
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                             131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                               1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func inflate(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                reader.align()
                let length = try reader.bits(16)
                let complement = try reader.bits(16)
                guard length == ~complement & 0xFFFF else { throw Failure(description: "bad stored block length") }
                for _ in 0..<length { output.append(UInt8(try reader.bits(8))) }
            case 1:
                let literal = try Huffman(
                    lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                        + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))
                let distance = try Huffman(lengths: [Int](repeating: 5, count: 30))
                try block(&reader, literal: literal, distance: distance, into: &output)
            case 2:
                let (literal, distance) = try dynamicTables(&reader)
                try block(&reader, literal: literal, distance: distance, into: &output)
            default:
                throw Failure(description: "invalid deflate block type")
            }
        }
    }

    static func dynamicTables(_ reader: inout BitReader) throws -> (Huffman, Huffman) {
        let literals = try reader.bits(5) + 257
        let distances = try reader.bits(5) + 1
        let codeLengths = try reader.bits(4) + 4
        var lengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengths { lengthLengths[codeLengthOrder[index]] = try reader.bits(3) }
        let lengthCode = try Huffman(lengths: lengthLengths)
        var lengths: [Int] = []
        while lengths.count < literals + distances {
            let symbol = try lengthCode.decode(&reader)
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Failure(description: "repeat with no length") }
                lengths += [Int](repeating: previous, count: 3 + (try reader.bits(2)))
            case 17:
                lengths += [Int](repeating: 0, count: 3 + (try reader.bits(3)))
            default:
                lengths += [Int](repeating: 0, count: 11 + (try reader.bits(7)))
            }
        }
        guard lengths.count == literals + distances else { throw Failure(description: "too many code lengths") }
        return (
            try Huffman(lengths: Array(lengths[..<literals])),
            try Huffman(lengths: Array(lengths[literals...]))
        )
    }

    static func block(
        _ reader: inout BitReader, literal: Huffman, distance: Huffman, into output: inout [UInt8]
    ) throws {
        while true {
            let symbol = try literal.decode(&reader)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < lengthBase.count else { throw Failure(description: "invalid length symbol") }
                let length = lengthBase[index] + (try reader.bits(lengthExtra[index]))
                let distanceSymbol = try distance.decode(&reader)
                guard distanceSymbol < distanceBase.count else { throw Failure(description: "invalid distance") }
                let back = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
                guard back <= output.count else { throw Failure(description: "distance before the start") }
                let from = output.count - back
                for step in 0..<length { output.append(output[from + step]) }
            }
        }
    }

    /// CRC-32 (IEEE) as gzip uses it.
    enum CRC32 {
        static let table: [UInt32] = (0..<256).map { index -> UInt32 in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            return value
        }

        static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return crc ^ 0xFFFF_FFFF
        }
    }
}

extension UInt32 {
    fileprivate init(littleEndian bytes: [UInt8], at offset: Int) {
        self = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
