import Foundation

/// The Cholesky factor L of a small dense symmetric positive-definite matrix A = L Lᵀ, for solving A x = b and
/// inverting A (the Newton systems and covariance matrices of the statistical fits, a few dozen rows at most).
struct CholeskyFactorization: Sendable {
    /// Lower-triangular factor, row-major; entries above the diagonal are zero.
    private(set) var lower: [[Double]]

    /// Factors `matrix` (only its lower triangle is read); nil when it is not numerically positive definite:
    /// a pivot below `relativeTolerance` times the largest diagonal entry, or anything non-finite.
    init?(_ matrix: [[Double]], relativeTolerance: Double = 1e-13) {
        let n = matrix.count
        let largest = (0..<n).map { abs(matrix[$0][$0]) }.max() ?? 0
        guard n > 0, largest.isFinite, largest > 0 else { return nil }
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var pivot = matrix[j][j]
            for k in 0..<j { pivot -= l[j][k] * l[j][k] }
            guard pivot.isFinite, pivot > relativeTolerance * largest else { return nil }
            let root = pivot.squareRoot()
            l[j][j] = root
            for i in (j + 1)..<max(n, j + 1) {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / root
            }
        }
        lower = l
    }

    /// The solution x of A x = b.
    func solve(_ b: [Double]) -> [Double] {
        let n = lower.count
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= lower[i][k] * y[k] }
            y[i] /= lower[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(n, i + 1) { y[i] -= lower[k][i] * y[k] }
            y[i] /= lower[i][i]
        }
        return y
    }

    /// A⁻¹, made exactly symmetric.
    func inverse() -> [[Double]] {
        let n = lower.count
        var columns: [[Double]] = []
        for j in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            columns.append(solve(unit))
        }
        return (0..<n).map { i in (0..<n).map { j in (columns[j][i] + columns[i][j]) / 2 } }
    }
}
