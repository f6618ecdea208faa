/// The keys and values of one sequence, at half precision (stored as floats), one buffer per layer.
///
/// The buffers are allocated for the whole context window but only the pages of the positions used become
/// resident, so an idle or short sequence costs little memory.
final class KVCache {
    let keys: [UnsafeMutablePointer<Float>]
    let values: [UnsafeMutablePointer<Float>]
    /// The tokens whose keys and values are stored, in order (their count is the next position).
    var tokens: [Int32] = []

    init(layers: Int, positions: Int, kvDim: Int) {
        keys = (0..<layers).map { _ in .allocate(capacity: positions * kvDim) }
        values = (0..<layers).map { _ in .allocate(capacity: positions * kvDim) }
    }

    deinit {
        for p in keys { p.deallocate() }
        for p in values { p.deallocate() }
    }
}
