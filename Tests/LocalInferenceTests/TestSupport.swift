import Foundation
import LocalInference

/// Where the tests look for the SmolLM2 model, as `systemcard model pull` puts it: `$SYSTEMCARD_MODELS_DIR`, else
/// `$SYSTEMCARD_HOME/models`, else `~/.systemcard/models`.
enum TestModel {
    static let fileName = "SmolLM2-135M-Instruct.Q4_1.gguf"

    static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["SYSTEMCARD_MODELS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let home = environment["SYSTEMCARD_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("models")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".systemcard/models")
    }

    static var url: URL { directory.appendingPathComponent(fileName) }

    /// Whether the model file is present. Tests that need it are skipped otherwise: put the file at
    /// ~/.systemcard/models/SmolLM2-135M-Instruct.Q4_1.gguf (`systemcard model pull smollm2`) or point
    /// SYSTEMCARD_MODELS_DIR at its folder.
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The model, loaded once for all tests (generation calls are serialised inside `LocalModel`).
    static let shared: LocalModel? = try? LocalModel(contentsOf: url, threads: nil, maxContext: 4096)

    /// The model with each kernel level this CPU runs (the best level's is `shared`).
    static let byLevel = models(at: url, shared: shared)

    /// The model at `url` with each kernel level this CPU runs, `shared` serving the automatic level.
    static func models(at url: URL, shared: LocalModel?) -> [KernelLevel: LocalModel] {
        Dictionary(uniqueKeysWithValues: KernelLevel.supported.compactMap { level in
            if level == KernelLevel.automatic, let shared { return (level, shared) }
            return (try? LocalModel(contentsOf: url, threads: nil, maxContext: 4096, kernels: level)).map { (level, $0) }
        })
    }
}

/// The llama.cpp reference data written by scripts/local-inference/make_fixtures.py.
struct ReferenceFixture: Decodable {
    struct Message: Decodable {
        var role: String
        var content: String
    }
    struct Logprob: Decodable {
        var id: Int32
        var logprob: Double
    }
    struct Case: Decodable {
        var messages: [Message]
        var prompt: String
        var promptTokens: [Int32]
        var greedyTokens: [Int32]
        var text: String
        var stopped: Bool
        var topLogprobs: [Logprob]
    }
    struct TokenizerCase: Decodable {
        var text: String
        var tokens: [Int32]
        var tokensParseSpecial: [Int32]
    }
    var model: String
    var cases: [Case]
    var tokenizer: [TokenizerCase]

    static func load() throws -> ReferenceFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }
}

/// Writes small GGUF files for parser and model tests.
struct GGUFBuilder {
    enum Value {
        case u8(UInt8), i8(Int8), u16(UInt16), i16(Int16), u32(UInt32), i32(Int32), f32(Float), bool(Bool)
        case string(String), u64(UInt64), i64(Int64), f64(Double)
        case array(UInt32, [Value])
    }
    struct Tensor {
        var name: String
        var dims: [Int]
        var type: UInt32
        var data: [UInt8]
    }

    var version: UInt32 = 3
    var alignment = 32
    var metadata: [(String, Value)] = []
    var tensors: [Tensor] = []

    static func bytes<T: FixedWidthInteger>(_ v: T) -> [UInt8] {
        withUnsafeBytes(of: v.littleEndian) { Array($0) }
    }

    static func string(_ s: String) -> [UInt8] { bytes(UInt64(s.utf8.count)) + Array(s.utf8) }

    static func typeID(_ v: Value) -> UInt32 {
        switch v {
        case .u8: return 0
        case .i8: return 1
        case .u16: return 2
        case .i16: return 3
        case .u32: return 4
        case .i32: return 5
        case .f32: return 6
        case .bool: return 7
        case .string: return 8
        case .array: return 9
        case .u64: return 10
        case .i64: return 11
        case .f64: return 12
        }
    }

    static func encode(_ v: Value) -> [UInt8] {
        switch v {
        case .u8(let x): return [x]
        case .i8(let x): return bytes(x)
        case .u16(let x): return bytes(x)
        case .i16(let x): return bytes(x)
        case .u32(let x): return bytes(x)
        case .i32(let x): return bytes(x)
        case .f32(let x): return bytes(x.bitPattern)
        case .bool(let x): return [x ? 1 : 0]
        case .string(let s): return string(s)
        case .u64(let x): return bytes(x)
        case .i64(let x): return bytes(x)
        case .f64(let x): return bytes(x.bitPattern)
        case .array(let type, let values): return bytes(type) + bytes(UInt64(values.count)) + values.flatMap(encode)
        }
    }

    /// The offset of the tensor data section in `build()`'s output.
    func build() -> [UInt8] {
        var out: [UInt8] = Array("GGUF".utf8) + Self.bytes(version)
        out += Self.bytes(UInt64(tensors.count)) + Self.bytes(UInt64(metadata.count))
        for (key, value) in metadata {
            out += Self.string(key) + Self.bytes(Self.typeID(value)) + Self.encode(value)
        }
        var offset = 0
        var offsets: [Int] = []
        for t in tensors {
            offsets.append(offset)
            offset += (t.data.count + alignment - 1) / alignment * alignment
        }
        for (t, off) in zip(tensors, offsets) {
            out += Self.string(t.name) + Self.bytes(UInt32(t.dims.count))
            for d in t.dims { out += Self.bytes(UInt64(d)) }
            out += Self.bytes(t.type) + Self.bytes(UInt64(off))
        }
        while out.count % alignment != 0 { out.append(0) }
        for t in tensors {
            out += t.data
            while out.count % alignment != 0 { out.append(0) }
        }
        return out
    }

    /// Writes `bytes` to a fresh temporary file and returns its URL.
    static func write(_ bytes: [UInt8], name: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("localinference-\(name)-\(UUID().uuidString).gguf")
        try Data(bytes).write(to: url)
        return url
    }
}

/// Half-precision bits of a float (round to nearest even), for building test blocks.
func halfBits(_ f: Float) -> [UInt8] {
    GGUFBuilder.bytes(Float16(f).bitPattern)
}
