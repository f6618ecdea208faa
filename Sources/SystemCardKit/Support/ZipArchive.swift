import Foundation

/// Reads the files of a ZIP archive (what Inspect AI's `.eval` logs are): stored, DEFLATE (decoded in Swift) and
/// Zstandard entries (method 93, Inspect's default; decoded by the system's `libzstd.so.1`, which Debian's apt
/// itself depends on). Every entry's CRC-32 is checked. ZIP64 and encrypted archives are refused.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: Int
        var compressedSize: Int
        var size: Int
        var crc: UInt32
        var localHeader: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        // The end-of-central-directory record: the last PK\5\6 within the final 64 KiB + 22 bytes.
        var end = -1
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 65_557) {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 5, bytes[position + 3] == 6 {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else { throw Failure(description: "not a ZIP archive (no end of central directory)") }
        let count = Int(Self.u16(bytes, end + 10))
        var offset = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, offset != 0xFFFF_FFFF else { throw Failure(description: "ZIP64 archives are not supported") }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, Self.u32(bytes, offset) == 0x0201_4B50 else {
                throw Failure(description: "corrupt central directory")
            }
            let flags = Self.u16(bytes, offset + 8)
            guard flags & 1 == 0 else { throw Failure(description: "encrypted ZIP entries are not supported") }
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let extraLength = Int(Self.u16(bytes, offset + 30))
            let commentLength = Int(Self.u16(bytes, offset + 32))
            guard offset + 46 + nameLength <= bytes.count else { throw Failure(description: "corrupt central directory") }
            entries.append(Entry(
                name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                method: Int(Self.u16(bytes, offset + 10)), compressedSize: Int(Self.u32(bytes, offset + 20)),
                size: Int(Self.u32(bytes, offset + 24)), crc: Self.u32(bytes, offset + 16),
                localHeader: Int(Self.u32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The names of the entries, in archive order.
    var names: [String] { entries.map(\.name) }

    /// The bytes of the entry called `name`, or nil when there is none.
    func data(_ name: String) throws -> Data? {
        guard let entry = entries.last(where: { $0.name == name }) else { return nil }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else {
            throw Failure(description: "\(name): corrupt local header")
        }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(description: "\(name): truncated") }
        let compressed = Array(bytes[start..<(start + entry.compressedSize)])
        var output: [UInt8]
        switch entry.method {
        case 0:
            output = compressed
        case 8:
            output = []
            output.reserveCapacity(entry.size)
            var reader = GzipInflater.BitReader(bytes: compressed, position: 0)
            try GzipInflater.inflate(&reader, into: &output)
        case 93:
            output = try Zstandard.decompress(compressed, size: entry.size)
        default:
            throw Failure(description: "\(name): compression method \(entry.method) is not supported")
        }
        guard output.count == entry.size, GzipInflater.CRC32.checksum(output) == entry.crc else {
            throw Failure(description: "\(name): CRC or length mismatch")
        }
        return Data(output)
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
