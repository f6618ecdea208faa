/// The automated attack methods and their budgets.
enum AttackMethod: String, Sendable, CaseIterable {
    /// PAIR (Chao et al. 2023): parallel streams, each an attacker refining one single-turn prompt from the
    /// target's response and the judge's score.
    case pair
    /// TAP (Mehrotra et al. 2023): a tree of PAIR-style refinements, pruned off-topic prompts before querying and
    /// kept to the best `width` by score after.
    case tap
    /// Crescendo (Russinovich et al. 2024): one multi-turn conversation escalating from innocent questions; a
    /// refused turn is removed from the target's memory and retried (backtracking).
    case crescendo
}

/// How far an attack may go for one behaviour.
struct AttackBudget: Sendable, Hashable {
    /// Target model calls at most (every attempt, refused and backtracked ones included).
    var maxQueries = 20
    /// Tokens at most (prompt and completion) of every call the attack makes for one behaviour: the target's, the
    /// attacker's and the judge's; nil: no token budget. The attempt that crosses it is the last.
    var maxTokens: Int?
    /// PAIR streams; TAP branching factor.
    var streams = 3
    /// PAIR iterations per stream; TAP depth; Crescendo turns (backtracked turns not counted).
    var depth = 5
    /// TAP: leaves kept per level.
    var width = 4
    /// Crescendo: refused turns that may be removed and retried.
    var maxBacktracks = 10
}
