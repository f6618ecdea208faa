import Foundation
import LocalInference
import Testing

/// GGUF parsing on small files written by the tests themselves.
struct GGUFParsingTests {
    static func sampleFile() -> GGUFBuilder {
        var b = GGUFBuilder()
        b.alignment = 64
        b.metadata = [
            ("general.alignment", .u32(64)),
            ("t.u8", .u8(200)), ("t.i8", .i8(-5)), ("t.u16", .u16(60000)), ("t.i16", .i16(-30000)),
            ("t.u32", .u32(4_000_000_000)), ("t.i32", .i32(-2_000_000_000)), ("t.f32", .f32(1.5)),
            ("t.bool", .bool(true)), ("t.string", .string("héllo 👋")), ("t.u64", .u64(1 << 40)),
            ("t.i64", .i64(-(1 << 40))), ("t.f64", .f64(-2.25)),
            ("t.strings", .array(8, [.string("a"), .string(""), .string("ccc")])),
            ("t.ints", .array(5, [.i32(1), .i32(-2), .i32(3)])),
            ("t.nested", .array(9, [.array(4, [.u32(7)]), .array(4, [])])),
        ]
        let f32Data = (0..<8).flatMap { GGUFBuilder.bytes(Float($0).bitPattern) }
        let q8Block = halfBits(0.5) + (0..<32).map { UInt8(bitPattern: Int8($0 - 16)) }
        b.tensors = [
            .init(name: "vec", dims: [8], type: 0, data: f32Data),
            .init(name: "mat", dims: [32, 2], type: 8, data: q8Block + q8Block),
        ]
        return b
    }

    @Test func parsesHeaderMetadataAndTensors() throws {
        let url = try GGUFBuilder.write(Self.sampleFile().build())
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try GGUFFile(contentsOf: url)
        #expect(file.version == 3)
        #expect(file.alignment == 64)
        #expect(file.dataOffset % 64 == 0)
        let m = file.metadata
        #expect(m["t.u8"] == .uint8(200))
        #expect(m["t.i8"] == .int8(-5))
        #expect(m["t.u16"] == .uint16(60000))
        #expect(m["t.i16"] == .int16(-30000))
        #expect(m["t.u32"] == .uint32(4_000_000_000))
        #expect(m["t.i32"] == .int32(-2_000_000_000))
        #expect(m["t.f32"] == .float32(1.5))
        #expect(m["t.bool"] == .bool(true))
        #expect(m["t.string"]?.stringValue == "héllo 👋")
        #expect(m["t.u64"]?.intValue == 1 << 40)
        #expect(m["t.i64"]?.intValue == -(1 << 40))
        #expect(m["t.f64"]?.doubleValue == -2.25)
        #expect(m["t.strings"]?.arrayValue?.compactMap(\.stringValue) == ["a", "", "ccc"])
        #expect(m["t.ints"]?.arrayValue?.compactMap(\.intValue) == [1, -2, 3])
        #expect(m["t.nested"]?.arrayValue?.first?.arrayValue == [.uint32(7)])
        #expect(file.tensors.map(\.name) == ["vec", "mat"])
        let vec = try #require(file.tensor(named: "vec"))
        #expect(vec.type == .f32 && vec.dimensions == [8] && vec.byteCount == 32)
        #expect(vec.fileOffset % 64 == 0)
        let mat = try #require(file.tensor(named: "mat"))
        #expect(mat.type == .q8_0 && mat.rowLength == 32 && mat.rowCount == 2 && mat.byteCount == 68)
        #expect(mat.fileOffset == file.dataOffset + 64)
        let values = Dequantizer.dequantize(.f32, bytes: file.bytes(of: vec), count: 8)
        #expect(values == (0..<8).map(Float.init))
        let q = Dequantizer.dequantize(.q8_0, bytes: file.bytes(of: mat), count: 64)
        #expect(q[0] == -8 && q[31] == 7.5 && q[32] == -8)
    }

    @Test func defaultAlignmentIs32AndVersion2IsAccepted() throws {
        var b = GGUFBuilder()
        b.version = 2
        b.metadata = [("k", .string("v"))]
        b.tensors = [.init(name: "x", dims: [4], type: 0, data: [UInt8](repeating: 0, count: 16))]
        let url = try GGUFBuilder.write(b.build())
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try GGUFFile(contentsOf: url)
        #expect(file.version == 2 && file.alignment == 32 && file.dataOffset % 32 == 0)
    }

    func expectError(_ bytes: [UInt8], _ code: LocalInferenceError.Code, _ fragment: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = try GGUFBuilder.write(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try GGUFFile(contentsOf: url)
            Issue.record("expected \(code) error", sourceLocation: sourceLocation)
        } catch let error as LocalInferenceError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            if let fragment {
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyTruncationGivesAnErrorNotACrash() throws {
        let full = Self.sampleFile().build()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("localinference-trunc-\(UUID()).gguf")
        defer { try? FileManager.default.removeItem(at: url) }
        var count = 0
        for length in stride(from: 0, to: full.count - 1, by: 1) {
            try Data(full[0..<length]).write(to: url)
            do {
                _ = try GGUFFile(contentsOf: url)
                // Cutting only alignment padding after the last tensor's data is harmless.
                #expect(length >= full.count - 64)
            } catch let error as LocalInferenceError {
                #expect([.truncated, .notGGUF].contains(error.code), "\(length): \(error)")
                count += 1
            }
        }
        #expect(count > 300)
    }

    @Test func corruptFilesGiveClearErrors() throws {
        var bytes = Self.sampleFile().build()
        bytes[0] = UInt8(ascii: "X")
        try expectError(bytes, .notGGUF, "bad magic")
        try expectError(Array("GG".utf8), .notGGUF)

        var v1 = GGUFBuilder()
        v1.version = 1
        try expectError(v1.build(), .unsupportedVersion)

        var badType = GGUFBuilder()
        badType.tensors = [.init(name: "weird", dims: [32], type: 99, data: [UInt8](repeating: 0, count: 32))]
        try expectError(badType.build(), .unsupportedTensorType, "unsupported tensor type 99 in tensor weird")

        var past = GGUFBuilder()
        past.tensors = [.init(name: "big", dims: [1024], type: 0, data: [UInt8](repeating: 0, count: 64))]
        try expectError(past.build(), .truncated, "tensor big data")

        var badBlock = GGUFBuilder()
        badBlock.tensors = [.init(name: "odd", dims: [20], type: 8, data: [UInt8](repeating: 0, count: 34))]
        try expectError(badBlock.build(), .corrupt, "odd")

        // A string length far beyond the file.
        var header: [UInt8] = Array("GGUF".utf8) + GGUFBuilder.bytes(UInt32(3))
        header += GGUFBuilder.bytes(UInt64(0)) + GGUFBuilder.bytes(UInt64(1))
        try expectError(header + GGUFBuilder.bytes(UInt64.max / 2), .truncated)
        // An unknown metadata value type.
        try expectError(header + GGUFBuilder.string("key") + GGUFBuilder.bytes(UInt32(77)), .corrupt, "value type 77")
        // Absurd counts.
        var counts: [UInt8] = Array("GGUF".utf8) + GGUFBuilder.bytes(UInt32(3))
        counts += GGUFBuilder.bytes(UInt64.max) + GGUFBuilder.bytes(UInt64(0))
        try expectError(counts, .truncated)
        // A bad bool.
        try expectError(header + GGUFBuilder.string("b") + GGUFBuilder.bytes(UInt32(7)) + [9], .corrupt)
    }

    @Test func missingFileIsReported() {
        #expect(throws: LocalInferenceError.self) {
            _ = try GGUFFile(contentsOf: URL(fileURLWithPath: "/nonexistent/dir/model.gguf"))
        }
        do {
            _ = try LocalModel(contentsOf: URL(fileURLWithPath: "/nonexistent/model.gguf"))
        } catch let error as LocalInferenceError {
            #expect(error.code == .fileNotFound)
            #expect(error.description.contains("not found"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
