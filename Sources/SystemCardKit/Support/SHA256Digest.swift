import Crypto
import Foundation

/// SHA-256 as lowercase hex, for dataset files, cache keys and run ids.
enum SHA256Digest {
    static func hex(_ data: some DataProtocol) -> String {
        hexString(SHA256.hash(data: data))
    }

    static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    /// Hashes a file in 1 MiB chunks.
    static func file(_ url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hexString(hasher.finalize())
    }

    static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
