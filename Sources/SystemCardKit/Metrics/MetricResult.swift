/// A metric's value over a set of samples, with its 95% confidence interval.
public struct MetricResult: Sendable, Hashable, Codable {
    /// The metric's name.
    public var name: String
    /// `nil` for the overall figure; otherwise the metadata field and value this row is restricted to.
    public var group: Group?
    /// The figure: for a metric, the mean over the samples.
    public var value: Double
    /// The lower end of the 95% confidence interval.
    public var ciLow: Double
    /// The upper end of the 95% confidence interval.
    public var ciHigh: Double
    /// Samples that contributed.
    public var n: Int

    /// A metadata field and one of its values: the samples a grouped result covers.
    public struct Group: Sendable, Hashable, Codable {
        /// The metadata field (`category`).
        public var field: String
        /// The field's value.
        public var value: String

        /// Creates a group.
        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// Creates a result; a nil `group` makes it the overall figure.
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
