import Foundation

/// A token's text and its log-probability.
public struct TokenLogprob: Sendable, Hashable, Codable {
    /// The token, decoded to text.
    public var token: String
    /// Its natural-log probability.
    public var logprob: Double

    /// Creates an entry.
    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }

    /// The `count` most likely tokens of `logits` (log-softmax over the whole vocabulary), most likely first.
    static func top(_ count: Int, of logits: [Float], decode: (Int32) -> String) -> [TokenLogprob] {
        guard count > 0, let largest = logits.max() else { return [] }
        var sum = 0.0
        for value in logits { sum += exp(Double(value - largest)) }
        let logTotal = Double(largest) + log(sum)
        var best: [(Int, Float)] = []
        for (index, value) in logits.enumerated() {
            if best.count < count {
                best.append((index, value))
                if best.count == count { best.sort { $0.1 > $1.1 } }
            } else if value > best[count - 1].1 {
                best[count - 1] = (index, value)
                var j = count - 1
                while j > 0 && best[j].1 > best[j - 1].1 {
                    best.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }
        if best.count < count { best.sort { $0.1 > $1.1 } }
        return best.map { TokenLogprob(token: decode(Int32($0.0)), logprob: Double($0.1) - logTotal) }
    }
}
