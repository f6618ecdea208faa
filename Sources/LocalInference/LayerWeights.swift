/// The weights of one transformer block.
struct LayerWeights: @unchecked Sendable {
    var attnNorm: [Float]
    var wq: WeightMatrix
    var wk: WeightMatrix
    var wv: WeightMatrix
    var wo: WeightMatrix
    var bq: [Float]?
    var bk: [Float]?
    var bv: [Float]?
    var ffnNorm: [Float]
    var wGate: WeightMatrix
    var wUp: WeightMatrix
    var wDown: WeightMatrix
}
