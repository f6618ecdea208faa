import Foundation

/// A parsed, memory-mapped GGUF file: header, metadata and tensor directory.
///
/// Tensor data is not copied: `tensorData(_:)` returns pointers into the mapping, which lives as long as this object.
public final class GGUFFile: @unchecked Sendable {
    /// The GGUF format version (2 or 3).
    public let version: Int
    /// All metadata key/value pairs.
    public let metadata: [String: GGUFValue]
    /// The tensors in file order.
    public let tensors: [GGUFTensorInfo]
    /// The alignment of tensor data (general.alignment, default 32).
    public let alignment: Int
    /// The offset of the tensor data section from the start of the file.
    public let dataOffset: Int
    /// The file size in bytes.
    public var fileSize: Int { mapping.count }

    private let mapping: MappedFile
    private let tensorIndex: [String: Int]

    /// Opens and parses the GGUF file at `url`.
    public convenience init(contentsOf url: URL) throws {
        try self.init(mapping: MappedFile(path: url.path))
    }

    init(mapping: MappedFile) throws {
        self.mapping = mapping
        var r = GGUFByteReader(base: mapping.base, count: mapping.count)
        guard mapping.count >= 4 else {
            throw LocalInferenceError(.notGGUF, "not a GGUF file: only \(mapping.count) bytes")
        }
        let magic = try r.read(UInt32.self, "magic")
        guard magic == 0x4655_4747 else {
            throw LocalInferenceError(
                .notGGUF, "not a GGUF file: bad magic 0x\(String(magic, radix: 16)) (expected \"GGUF\")")
        }
        let version = try r.read(UInt32.self, "version")
        guard version == 2 || version == 3 else {
            throw LocalInferenceError(.unsupportedVersion, "unsupported GGUF version \(version) (2 and 3 are)")
        }
        self.version = Int(version)
        let tensorCount = try r.readCount("tensor count", minElementSize: 24)
        let kvCount = try r.readCount("metadata count", minElementSize: 13)

        var metadata: [String: GGUFValue] = [:]
        metadata.reserveCapacity(kvCount)
        for i in 0..<kvCount {
            let key = try r.readString("metadata key #\(i)")
            let type = try r.read(UInt32.self, "type of metadata \(key)")
            metadata[key] = try r.readValue(type: type, "metadata \(key)")
        }
        self.metadata = metadata

        var alignment = 32
        if let a = metadata["general.alignment"] {
            guard let v = a.intValue, v > 0, v <= 1 << 20, v & (v - 1) == 0 else {
                throw LocalInferenceError(.corrupt, "corrupt file: general.alignment must be a power of two")
            }
            alignment = v
        }
        self.alignment = alignment

        var infos: [(String, [Int], UInt32, Int)] = []
        infos.reserveCapacity(tensorCount)
        for i in 0..<tensorCount {
            let name = try r.readString("name of tensor #\(i)")
            let nDims = try r.read(UInt32.self, "dimension count of tensor \(name)")
            guard nDims >= 1, nDims <= 4 else {
                throw LocalInferenceError(.corrupt, "corrupt file: tensor \(name) has \(nDims) dimensions")
            }
            var dims: [Int] = []
            var total = 1
            for _ in 0..<nDims {
                let d = try r.read(UInt64.self, "dimensions of tensor \(name)")
                guard d <= UInt64(Int32.max) else {
                    throw LocalInferenceError(.corrupt, "corrupt file: tensor \(name) has dimension \(d)")
                }
                let (t, o) = total.multipliedReportingOverflow(by: Int(d))
                guard !o, t <= 1 << 40 else {
                    throw LocalInferenceError(.corrupt, "corrupt file: tensor \(name) is too large")
                }
                total = t
                dims.append(Int(d))
            }
            let type = try r.read(UInt32.self, "type of tensor \(name)")
            let offset = try r.read(UInt64.self, "offset of tensor \(name)")
            guard offset <= UInt64(Int.max / 2) else {
                throw LocalInferenceError(.truncated, "truncated file: tensor \(name) data offset \(offset) is past the end")
            }
            infos.append((name, dims, type, Int(offset)))
        }
        let headerEnd = r.offset
        let dataOffset = (headerEnd + alignment - 1) / alignment * alignment
        self.dataOffset = dataOffset

        var tensors: [GGUFTensorInfo] = []
        var index: [String: Int] = [:]
        for (name, dims, rawType, offset) in infos {
            guard let type = GGMLType(rawValue: rawType) else {
                throw LocalInferenceError(.unsupportedTensorType, "unsupported tensor type \(rawType) in tensor \(name)")
            }
            let elements = dims.reduce(1, *)
            guard dims[0] % type.blockSize == 0, let bytes = type.byteCount(elements: elements) else {
                throw LocalInferenceError(
                    .corrupt,
                    "corrupt file: tensor \(name) row length \(dims[0]) is not a multiple of the \(type.name) block size")
            }
            guard offset % alignment == 0 else {
                throw LocalInferenceError(.corrupt, "corrupt file: tensor \(name) data offset \(offset) is not aligned")
            }
            let start = dataOffset + offset
            guard start <= mapping.count, bytes <= mapping.count - start else {
                throw LocalInferenceError(
                    .truncated,
                    "truncated file: tensor \(name) data (\(bytes) bytes at \(start)) runs past the end of the file "
                        + "(\(mapping.count) bytes)")
            }
            guard index[name] == nil else {
                throw LocalInferenceError(.corrupt, "corrupt file: duplicate tensor \(name)")
            }
            index[name] = tensors.count
            tensors.append(GGUFTensorInfo(name: name, dimensions: dims, type: type, fileOffset: start, byteCount: bytes))
        }
        self.tensors = tensors
        self.tensorIndex = index
    }

    /// The tensor named `name`, if present.
    public func tensor(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// A pointer to the data of `tensor` inside the mapping (valid while this object lives).
    func data(of tensor: GGUFTensorInfo) -> UnsafeRawPointer {
        mapping.base! + tensor.fileOffset
    }

    /// The bytes of `tensor`, copied (for tests and tools).
    public func bytes(of tensor: GGUFTensorInfo) -> [UInt8] {
        guard tensor.byteCount > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: data(of: tensor), count: tensor.byteCount))
    }

    /// A metadata value that must be present.
    func require(_ key: String) throws -> GGUFValue {
        guard let v = metadata[key] else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key \(key)")
        }
        return v
    }

    /// An integer metadata value that must be present.
    func requireInt(_ key: String) throws -> Int {
        guard let v = try require(key).intValue else {
            throw LocalInferenceError(.missingMetadata, "metadata key \(key) is not an integer")
        }
        return v
    }
}
