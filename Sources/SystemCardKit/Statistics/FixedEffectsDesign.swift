import Foundation

/// A fixed-effects design matrix for categorical attributes, coded like R's `model.matrix(~ a + b + …)` with
/// treatment contrasts: an intercept column, then for each attribute one 0/1 column per level except its first
/// level (the reference). Columns are named attribute name + level ("languagees"), as R names them, so the
/// coefficients read as log-odds ratios against the reference levels.
struct FixedEffectsDesign: Sendable, Hashable, Codable {
    /// A categorical attribute; its first level is the reference.
    struct Attribute: Sendable, Hashable, Codable {
        var name: String
        var levels: [String]
    }

    var attributes: [Attribute]
    /// "(Intercept)", then one name per non-reference level.
    var columnNames: [String]

    init(attributes: [Attribute]) {
        self.attributes = attributes
        columnNames = ["(Intercept)"] + attributes.flatMap { a in a.levels.dropFirst().map { a.name + $0 } }
    }

    /// The design row of one observation, given its level of each attribute (in `attributes` order).
    func row(_ levels: [String]) throws(MixedEffectsLogisticError) -> [Double] {
        guard levels.count == attributes.count else {
            throw MixedEffectsLogisticError.dimensionMismatch(
                "a row has \(levels.count) attribute levels, the design \(attributes.count) attributes")
        }
        var row: [Double] = [1]
        for (attribute, level) in zip(attributes, levels) {
            guard let index = attribute.levels.firstIndex(of: level) else {
                throw MixedEffectsLogisticError.unknownLevel(attribute: attribute.name, level: level)
            }
            row += attribute.levels.indices.dropFirst().map { $0 == index ? 1 : 0 }
        }
        return row
    }

    /// The design rows of many observations.
    func rows(_ levels: [[String]]) throws(MixedEffectsLogisticError) -> [[Double]] {
        try levels.map { (level) throws(MixedEffectsLogisticError) in try row(level) }
    }

    /// Indices of the columns that are (numerically) linear combinations of the columns before them, by
    /// Gram–Schmidt on the columns: a level never observed, or two attributes that always vary together.
    static func dependentColumns(of rows: [[Double]]) -> [Int] {
        let p = rows.first?.count ?? 0
        var basis: [[Double]] = []
        var dependent: [Int] = []
        for j in 0..<p {
            var column = rows.map { $0[j] }
            let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for _ in 0..<2 {  // twice, for orthogonality in floating point
                for q in basis {
                    let projection = zip(q, column).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in column.indices { column[i] -= projection * q[i] }
                }
            }
            let residual = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm == 0 || residual <= 1e-9 * norm {
                dependent.append(j)
            } else {
                basis.append(column.map { $0 / residual })
            }
        }
        return dependent
    }
}
