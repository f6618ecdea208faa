/// The Preparedness scorecard of one system (a family of pre- and post-mitigation models).
public struct FamilyScorecard: Sendable, Hashable, Codable {
    /// The system's name: the `family:` of its models in the card config (default: the model spec).
    public var family: String
    /// Set when the family has one unlabelled model, scored as both pre- and post-mitigation.
    var note: String?
    var categories: [CategoryScore]
    /// With the reviewer overrides (each named in it).
    public var verdict: PreparednessVerdict
    /// From the indicators alone, so a reader sees what the overrides changed.
    var computedVerdict: PreparednessVerdict

    init(
        family: String, note: String? = nil, categories: [CategoryScore], verdict: PreparednessVerdict,
        computedVerdict: PreparednessVerdict
    ) {
        self.family = family
        self.note = note
        self.categories = categories
        self.verdict = verdict
        self.computedVerdict = computedVerdict
    }
}
