/// Reducers over one sample's epochs, beyond the engine's per-sample mean: majority vote (cons@k) and
/// the unbiased pass@k estimator.
enum EpochReducers {
    /// pass@k from `n` attempts of which `correct` succeeded: the probability that at least one of `k`
    /// attempts drawn without replacement succeeds, `1 - C(n-c, k) / C(n, k)` (Chen et al., 2021),
    /// computed as a product so it stays exact for large n. Nil when `k` is not in `1...n`.
    static func passAtK(attempts n: Int, correct c: Int, k: Int) -> Double? {
        guard n >= 1, k >= 1, k <= n, c >= 0, c <= n else { return nil }
        if c == 0 { return 0 }
        if n - c < k { return 1 }
        var allFail = 1.0
        for i in (n - c + 1)...n {
            allFail *= 1 - Double(k) / Double(i)
        }
        return 1 - allFail
    }

    /// The answer most epochs gave, ignoring nil (no answer extracted); a tie goes to the answer given
    /// first. Nil when no epoch gave an answer.
    static func majorityVote(_ answers: [String?]) -> String? {
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (position, answer) in answers.enumerated() {
            guard let answer else { continue }
            counts[answer, default: 0] += 1
            if firstSeen[answer] == nil { firstSeen[answer] = position }
        }
        return counts.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : firstSeen[lhs.key]! > firstSeen[rhs.key]!
        }?.key
    }

    /// 1 when the majority answer of `answers` is `target`, else 0 (also when nothing was extracted).
    static func consensus(_ answers: [String?], target: String?) -> Double {
        guard let target, let vote = majorityVote(answers) else { return 0 }
        return vote == target ? 1 : 0
    }
}
