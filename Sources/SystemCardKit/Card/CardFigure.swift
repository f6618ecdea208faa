/// One measured figure of a card: a metric (overall or for one group) with its 95% confidence interval.
public struct CardFigure: Sendable, Hashable, Codable {
    /// The metric name (`not_overrefuse`).
    public var name: String
    /// nil for the overall figure; else the metadata field and value it is restricted to.
    public var group: MetricResult.Group?
    public var value: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// Samples that contributed (0: no sample of this kind was run; the value means nothing).
    public var n: Int

    public init(name: String, group: MetricResult.Group? = nil, value: Double, ciLow: Double, ciHigh: Double, n: Int) {
        self.name = name
        self.group = group
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.n = n
    }

    public init(_ result: MetricResult) {
        self.init(
            name: result.name, group: result.group, value: result.value, ciLow: result.ciLow, ciHigh: result.ciHigh,
            n: result.n)
    }

    /// `name` or `name[field=value]`, as indicators and references spell it.
    public var label: String {
        guard let group else { return name }
        return "\(name)[\(group.field)=\(group.value)]"
    }
}
