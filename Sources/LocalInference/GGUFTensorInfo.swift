/// The description of one tensor in a GGUF file.
public struct GGUFTensorInfo: Sendable, Equatable {
    /// The tensor name, e.g. "blk.0.attn_q.weight".
    public var name: String
    /// The dimensions, innermost (contiguous) first, as in ggml (`ne[0]` is the row length).
    public var dimensions: [Int]
    /// The element type.
    public var type: GGMLType
    /// The offset of the data from the start of the file.
    public var fileOffset: Int
    /// The size of the data in bytes.
    public var byteCount: Int

    /// The number of elements.
    public var elementCount: Int { dimensions.reduce(1, *) }
    /// The row length (`ne[0]`).
    public var rowLength: Int { dimensions.first ?? 1 }
    /// The number of rows (the product of all dimensions but the first).
    public var rowCount: Int { dimensions.dropFirst().reduce(1, *) }
}
