/// Pairwise comparisons aggregated per pair of models, with the Bradley–Terry log-likelihood, score and Fisher
/// information. Building one checks that the maximum-likelihood strengths exist and are unique (Ford's
/// condition): the models are connected by comparisons, and for every split of them into two groups each group
/// beat (or tied) the other at least once.
struct BradleyTerryData: Sendable {
    /// Model names, sorted.
    let models: [String]
    /// wins[i][j]: how often model i beat model j, a tie counting half.
    let wins: [[Double]]
    /// counts[i][j]: comparisons between models i and j (symmetric).
    let counts: [[Double]]

    init(_ comparisons: [PairwiseComparison]) throws(BradleyTerryError) {
        if let same = comparisons.first(where: { $0.first == $0.second }) {
            throw BradleyTerryError.selfComparison(model: same.first)
        }
        models = Array(Set(comparisons.flatMap { [$0.first, $0.second] })).sorted()
        let k = models.count
        guard k >= 2 else { throw BradleyTerryError.tooFewModels }
        let index = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($1, $0) })
        var wins = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var counts = wins
        for comparison in comparisons {
            let a = index[comparison.first]!
            let b = index[comparison.second]!
            counts[a][b] += 1
            counts[b][a] += 1
            switch comparison.outcome {
            case .firstWins: wins[a][b] += 1
            case .secondWins: wins[b][a] += 1
            case .tie:
                wins[a][b] += 0.5
                wins[b][a] += 0.5
            }
        }
        self.wins = wins
        self.counts = counts

        let connected = Self.reachability(k) { counts[$0][$1] > 0 }
        let components = Self.classes(connected).map { $0.map { models[$0] } }
        guard components.count == 1 else { throw BradleyTerryError.disconnected(components: components) }
        let winless = (0..<k).filter { i in wins[i].allSatisfy { $0 == 0 } }
        guard winless.isEmpty else { throw BradleyTerryError.neverWins(models: winless.map { models[$0] }) }
        let lossless = (0..<k).filter { i in (0..<k).allSatisfy { wins[$0][i] == 0 } }
        guard lossless.isEmpty else { throw BradleyTerryError.neverLoses(models: lossless.map { models[$0] }) }
        // i reaches j when a chain "i beat (or tied) …, who beat … j" exists; the maximum exists iff all do.
        let beats = Self.reachability(k) { wins[$0][$1] > 0 }
        let groups = Self.classes(beats)
        if groups.count > 1 {
            // A group that no outsider ever beat: no edge into it from outside.
            let unbeaten = groups.first { group in
                (0..<k).allSatisfy { j in group.contains(j) || group.allSatisfy { wins[j][$0] == 0 } }
            } ?? groups[0]
            throw BradleyTerryError.unbeatenGroup(models: unbeaten.map { models[$0] })
        }
    }

    /// Σ over ordered pairs of wᵢⱼ log logistic(sᵢ − sⱼ).
    func logLikelihood(_ s: [Double]) -> Double {
        var sum = 0.0
        for i in models.indices {
            for j in models.indices where wins[i][j] > 0 {
                sum -= wins[i][j] * Logistic.softplus(s[j] - s[i])
            }
        }
        return sum
    }

    /// ∂ℓ/∂sᵢ = winsᵢ − Σⱼ nᵢⱼ pᵢⱼ.
    func score(_ s: [Double]) -> [Double] {
        models.indices.map { i in
            models.indices.reduce(0) { sum, j in
                counts[i][j] == 0
                    ? sum : sum + wins[i][j] - counts[i][j] * Logistic.probability(s[i] - s[j])
            }
        }
    }

    /// Fisher information (= −Hessian): Σⱼ nᵢⱼ pᵢⱼ(1 − pᵢⱼ) on the diagonal, −nᵢⱼ pᵢⱼ(1 − pᵢⱼ) off it.
    func information(_ s: [Double]) -> [[Double]] {
        let k = models.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in 0..<k where j != i && counts[i][j] > 0 {
                let p = Logistic.probability(s[i] - s[j])
                let w = counts[i][j] * p * (1 - p)
                matrix[i][i] += w
                matrix[i][j] -= w
            }
        }
        return matrix
    }

    /// Transitive closure of `edge` (reflexive), by Warshall's algorithm.
    private static func reachability(_ k: Int, _ edge: (Int, Int) -> Bool) -> [[Bool]] {
        var reach = (0..<k).map { i in (0..<k).map { j in i == j || edge(i, j) } }
        for m in 0..<k {
            for i in 0..<k where reach[i][m] {
                for j in 0..<k where reach[m][j] { reach[i][j] = true }
            }
        }
        return reach
    }

    /// Classes of mutually reachable indices (strongly connected components), in index order.
    private static func classes(_ reach: [[Bool]]) -> [[Int]] {
        var seen = Set<Int>()
        var result: [[Int]] = []
        for i in reach.indices where !seen.contains(i) {
            let members = reach.indices.filter { reach[i][$0] && reach[$0][i] }
            seen.formUnion(members)
            result.append(members)
        }
        return result
    }
}
