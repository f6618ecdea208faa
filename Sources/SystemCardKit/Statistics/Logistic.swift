import Foundation

/// The logistic function and its log-partition, written to neither overflow nor lose precision at large |η|.
enum Logistic {
    /// μ = 1 / (1 + e^−η).
    static func probability(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// log(1 + eˣ): −log(1 − μ) = softplus(η) and −log μ = softplus(−η) = softplus(η) − η.
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }
}
