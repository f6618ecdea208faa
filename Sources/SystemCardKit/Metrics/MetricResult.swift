/// A metric's value over a set of samples, with its 95% confidence interval.
public struct MetricResult: Sendable, Hashable, Codable {
    public var name: String
    /// `nil` for the overall figure; otherwise the metadata field and value this row is restricted to.
    public var group: Group?
    public var value: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// Samples that contributed.
    public var n: Int

    public struct Group: Sendable, Hashable, Codable {
        public var field: String
        public var value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    public init(name: String, group: Group? = nil, value: Double, ciLow: Double, ciHigh: Double, n: Int) {
        self.name = name
        self.group = group
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.n = n
    }

    /// `name` or `name[field=value]`.
    public var label: String {
        guard let group else { return name }
        return "\(name)[\(group.field)=\(group.value)]"
    }
}
