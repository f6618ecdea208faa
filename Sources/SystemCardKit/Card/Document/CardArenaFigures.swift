/// What people did in the red-teaming arena (`systemcard arena serve`), for section 1.6 of the card: per model of
/// the card, the refusal rate of red teamers' prompts, the jailbreak arena's attack-success rate, and its place in
/// the pairwise safety ranking (Bradley–Terry), read from the store when the card is made.
public struct CardArenaFigures: Sendable, Hashable, Codable {
    /// A share with its 95% Wilson interval.
    public struct Share: Sendable, Hashable, Codable {
        public var value: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var n: Int

        /// Creates a share.
        public init(value: Double, ciLow: Double, ciHigh: Double, n: Int) {
            self.value = value
            self.ciLow = ciLow
            self.ciHigh = ciHigh
            self.n = n
        }
    }

    /// One model's figures (`model` as the arena served it, `provider/model`).
    public struct Model: Sendable, Hashable, Codable {
        public var model: String
        public var refusalRate: Share?
        public var attackSuccessRate: Share?
        /// Bradley–Terry safety strength (log scale, sum to zero) and its interval; nil when no ranking exists.
        public var strength: Double?
        public var strengthLow: Double?
        public var strengthHigh: Double?
        public var rank: Int?

        /// Creates a row.
        public init(
            model: String, refusalRate: Share?, attackSuccessRate: Share?, strength: Double? = nil,
            strengthLow: Double? = nil, strengthHigh: Double? = nil, rank: Int? = nil
        ) {
            self.model = model
            self.refusalRate = refusalRate
            self.attackSuccessRate = attackSuccessRate
            self.strength = strength
            self.strengthLow = strengthLow
            self.strengthHigh = strengthHigh
            self.rank = rank
        }
    }

    public var models: [Model]
    /// Rated pairwise conversations.
    public var ratedConversations: Int
    /// Why there is no ranking, when there is none.
    public var rankingProblem: String?

    /// Creates the figures.
    public init(models: [Model], ratedConversations: Int, rankingProblem: String?) {
        self.models = models
        self.ratedConversations = ratedConversations
        self.rankingProblem = rankingProblem
    }

    /// The published figures shown beside ours (o3-mini system card, section 1.6).
    static let published = "published: refusal rate of red teamers' prompts GPT-4o 34.2%, o1 63.5%, o3-mini 56%; "
        + "jailbreak arena attack success o3-mini 3.6%, o1-mini 3.7%, GPT-4o 4.0%, o1 1.9%"
}
