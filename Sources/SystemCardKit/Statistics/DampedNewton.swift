import Foundation

/// Minimises a smooth function of a few variables, given its value and gradient, by Newton's method with the
/// Hessian from central differences of the gradient, damped Levenberg–Marquardt style (a multiple of the
/// identity added to the Hessian until the step lowers the function), so that every accepted step is downhill
/// even where the Hessian is indefinite. Used for the outer optimisation of the mixed-model Laplace deviance.
///
/// Converged means the Newton decrement gᵀH⁻¹g (twice the predicted further decrease) fell below `tolerance`
/// with a positive-definite Hessian.
struct DampedNewton: Sendable {
    /// Value and gradient at a point; nil where the function cannot be evaluated (treated as +∞).
    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])?

    /// Largest number of Newton iterations (each costs 2k + 1 gradient evaluations for k variables).
    var maxIterations = 100
    /// Convergence threshold on the Newton decrement gᵀH⁻¹g, in units of the function.
    var tolerance = 1e-10
    /// Finite-difference step for the Hessian (lme4's `deriv12` uses 1e-4 too).
    var step = 1e-4

    struct Result: Sendable {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        /// Hessian at `point`.
        var hessian: [[Double]]
        var iterations: Int
        var converged: Bool
    }

    /// Minimises `objective` from `start`; nil only when it cannot be evaluated at `start`.
    func minimize(from start: [Double], _ objective: Objective) -> Result? {
        guard var current = objective(start) else { return nil }
        var x = start
        var iterations = 0
        while true {
            guard let h = Self.hessian(of: objective, at: x, step: step) else {
                return Result(
                    point: x, value: current.value, gradient: current.gradient,
                    hessian: [], iterations: iterations, converged: false)
            }
            let g = current.gradient
            var converged = false
            var moved = false
            if iterations < maxIterations {
                iterations += 1
                let scale = max(1e-8, (0..<x.count).map { abs(h[$0][$0]) }.max() ?? 1)
                var damping = 0.0
                for _ in 0..<60 {
                    var a = h
                    for i in 0..<x.count { a[i][i] += damping }
                    guard let factor = CholeskyFactorization(a) else {
                        damping = damping == 0 ? 1e-6 * scale : damping * 4
                        continue
                    }
                    let dx = factor.solve(g.map { -$0 })
                    let decrement = -zip(g, dx).reduce(0) { $0 + $1.0 * $1.1 }
                    if damping == 0 && decrement < tolerance {
                        converged = true
                        break
                    }
                    let trial = zip(x, dx).map { $0 + $1 }
                    if let next = objective(trial), next.value <= current.value {
                        x = trial
                        current = next
                        moved = true
                        break
                    }
                    damping = damping == 0 ? 1e-3 * scale : damping * 4
                }
            }
            if converged || !moved {
                // Not moving without meeting the tolerance: the function is flat to rounding here, which counts as
                // convergence when the Hessian is positive definite and the decrement small anyway.
                if !converged, let factor = CholeskyFactorization(h) {
                    converged = zip(g, factor.solve(g)).reduce(0) { $0 + $1.0 * $1.1 } < max(tolerance, 1e-6)
                }
                return Result(
                    point: x, value: current.value, gradient: g, hessian: h, iterations: iterations,
                    converged: converged)
            }
        }
    }

    /// Hessian by central differences of the gradient, symmetrised; nil where the objective fails.
    static func hessian(of objective: Objective, at x: [Double], step delta: Double) -> [[Double]]? {
        let n = x.count
        var columns: [[Double]] = []
        for j in 0..<n {
            var plus = x
            var minus = x
            plus[j] += delta
            minus[j] -= delta
            guard let up = objective(plus), let down = objective(minus) else { return nil }
            columns.append(zip(up.gradient, down.gradient).map { ($0 - $1) / (2 * delta) })
        }
        return (0..<n).map { i in (0..<n).map { j in (columns[j][i] + columns[i][j]) / 2 } }
    }
}
