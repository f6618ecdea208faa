import Foundation

/// Chooses the next token from logits: greedy, or temperature + nucleus (top-p) sampling with a seeded generator.
struct Sampler {
    let temperature: Float
    let topP: Float
    private var rng: SeededGenerator

    init(options: SamplingOptions) {
        temperature = Float(options.temperature)
        topP = Float(min(max(options.topP, 0), 1))
        rng = SeededGenerator(seed: options.seed ?? UInt64.random(in: 0...UInt64.max))
    }

    /// The index of the largest logit (the first one on ties).
    static func argmax(_ logits: [Float]) -> Int32 {
        var best = 0
        var bestValue = -Float.infinity
        for (i, v) in logits.enumerated() where v > bestValue {
            bestValue = v
            best = i
        }
        return Int32(best)
    }

    mutating func sample(_ logits: [Float]) -> Int32 {
        if temperature <= 0 || !temperature.isFinite { return Self.argmax(logits) }
        let maxLogit = logits.max() ?? 0
        var probs = logits.map { exp(($0 - maxLogit) / temperature) }
        let total = probs.reduce(0, +)
        guard total > 0, total.isFinite else { return Self.argmax(logits) }
        for i in probs.indices { probs[i] /= total }
        var candidates: [Int]
        if topP < 1 {
            candidates = probs.indices.sorted { probs[$0] > probs[$1] }
            var cumulative: Float = 0
            var keep = 0
            for index in candidates {
                cumulative += probs[index]
                keep += 1
                if cumulative >= topP { break }
            }
            candidates = Array(candidates.prefix(max(keep, 1)))
        } else {
            candidates = Array(probs.indices)
        }
        let mass = candidates.reduce(Float(0)) { $0 + probs[$1] }
        var r = Float(Double(rng.next() >> 11) * 0x1p-53) * mass
        for index in candidates {
            r -= probs[index]
            if r < 0 { return Int32(index) }
        }
        return Int32(candidates.last ?? 0)
    }
}
