/// The hyper-parameters of a decoder-only transformer, read from GGUF metadata.
struct ModelConfig: Sendable {
    /// Architectures the engine implements.
    static let supportedArchitectures: Set<String> = ["llama", "qwen2"]

    var architecture: String
    var layerCount: Int
    var embeddingLength: Int
    var feedForwardLength: Int
    var headCount: Int
    var headCountKV: Int
    var headDim: Int
    var ropeDimensions: Int
    var ropeFreqBase: Float
    /// NeoX rope ordering (pairs `i` and `i + d/2`) rather than the "normal" interleaved pairs `2i, 2i+1`.
    var ropeNeox: Bool
    var rmsEpsilon: Float
    var contextLength: Int

    init(file: GGUFFile) throws {
        guard let arch = file.metadata["general.architecture"]?.stringValue else {
            throw LocalInferenceError(.missingMetadata, "missing metadata key general.architecture")
        }
        guard Self.supportedArchitectures.contains(arch) else {
            throw LocalInferenceError(
                .unsupportedArchitecture,
                "unsupported architecture \(arch) (supported: \(Self.supportedArchitectures.sorted().joined(separator: ", ")))")
        }
        architecture = arch
        layerCount = try file.requireInt("\(arch).block_count")
        embeddingLength = try file.requireInt("\(arch).embedding_length")
        feedForwardLength = try file.requireInt("\(arch).feed_forward_length")
        headCount = try file.requireInt("\(arch).attention.head_count")
        headCountKV = file.metadata["\(arch).attention.head_count_kv"]?.intValue ?? headCount
        contextLength = try file.requireInt("\(arch).context_length")
        guard layerCount > 0, layerCount <= 1024, embeddingLength > 0, feedForwardLength > 0, headCount > 0,
            headCountKV > 0, headCount % headCountKV == 0, embeddingLength % headCount == 0, contextLength > 0
        else {
            throw LocalInferenceError(.corrupt, "corrupt file: inconsistent model dimensions in the \(arch) metadata")
        }
        headDim = file.metadata["\(arch).attention.key_length"]?.intValue ?? embeddingLength / headCount
        ropeDimensions = file.metadata["\(arch).rope.dimension_count"]?.intValue ?? headDim
        guard headDim > 0, headDim % 8 == 0, ropeDimensions > 0, ropeDimensions <= headDim, ropeDimensions % 2 == 0 else {
            throw LocalInferenceError(.corrupt, "corrupt file: bad head or rope dimensions")
        }
        ropeFreqBase = Float(file.metadata["\(arch).rope.freq_base"]?.doubleValue ?? 10_000)
        rmsEpsilon = Float(file.metadata["\(arch).attention.layer_norm_rms_epsilon"]?.doubleValue ?? 1e-5)
        ropeNeox = arch != "llama"
    }

    var qDim: Int { headCount * headDim }
    var kvDim: Int { headCountKV * headDim }
}
