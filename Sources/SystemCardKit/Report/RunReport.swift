import Foundation

/// The machine-readable result of a run (`--output json`): one object with the run id, counts and every
/// metric as `{value, ci_low, ci_high, n}`.
public struct RunReport: Sendable, Codable, Hashable {
    struct Figure: Sendable, Codable, Hashable {
        var value: Double
        var ci_low: Double
        var ci_high: Double
        var n: Int
    }

    struct Counts: Sendable, Codable, Hashable {
        var samples: Int
        var scored: Int
        var errors: Int
        var missing: Int
    }

    var run_id: String
    var evaluation: String
    var evaluation_version: String
    var model: String
    var base_url: String
    var grader: String
    var grader_version: String
    var grader_model: String?
    var status: String
    var counts: Counts
    var usage: TokenUsage
    var grader_usage: TokenUsage
    /// Overall figures by metric name.
    var metrics: [String: Figure]
    /// Figures by metric name, then `field=value`.
    var metrics_by_group: [String: [String: Figure]]
    /// How developer messages reached the endpoint (`native`, `folded`: sample counts).
    var developer_role: [String: Int]
    var developer_role_folded: Bool
    var dataset_files: [DatasetFileDigest]
    /// The mitigations around the evaluated model (`safety-spec@1`, …); absent without any.
    var mitigations: [String]?
    /// What the mitigations did and cost; absent without any.
    var mitigation_effect: MitigationReport?
    var published_references: [PublishedFigure]
    /// Calls and tokens by role (`model`, `grader`, `mark`…), with each role's model.
    var usage_by_role: [String: RoleUsage]
    /// The run's cost at the prices given (dollars, by role, and the models without a price); absent when no result
    /// recorded its usage by role.
    var cost: CostReport?

    struct CostReport: Sendable, Codable, Hashable {
        var dollars: Double
        var by_role: [String: Double]
        var unpriced: [String]
        var prices_date: String
    }

    struct MitigationReport: Sendable, Codable, Hashable {
        /// Results in which a mitigation acted.
        var acted: Int
        /// How often each action happened (`output-filter: weapons`).
        var actions: [String: Int]
        /// The mitigations' own model calls, tokens and wall time.
        var calls: Int
        var usage: TokenUsage
        var milliseconds: Int
    }

    /// Creates the report of `run` with its summary and the evaluation's published figures.
    public init(run: RunRecord, summary: RunSummary, references: [PublishedFigure] = [], prices: PriceTable = PriceTable()) {
        run_id = run.id
        evaluation = run.evaluation
        evaluation_version = run.evaluationVersion
        model = run.model
        base_url = run.baseURL
        grader = run.configuration.grader
        grader_version = run.configuration.graderVersion
        grader_model = run.configuration.graderModel?.spec
        status = run.status.rawValue
        counts = Counts(samples: summary.samples, scored: summary.scored, errors: summary.errors, missing: summary.missing)
        usage = summary.usage
        grader_usage = summary.graderUsage
        var overall: [String: Figure] = [:]
        var grouped: [String: [String: Figure]] = [:]
        for metric in summary.metrics {
            let figure = Figure(value: metric.value, ci_low: metric.ciLow, ci_high: metric.ciHigh, n: metric.n)
            if let group = metric.group {
                grouped[metric.name, default: [:]]["\(group.field)=\(group.value)"] = figure
            } else {
                overall[metric.name] = figure
            }
        }
        metrics = overall
        metrics_by_group = grouped
        developer_role = summary.developerRole
        developer_role_folded = summary.developerRoleFolded
        dataset_files = run.configuration.datasetFiles
        mitigations = run.configuration.mitigations
        if mitigations != nil {
            mitigation_effect = MitigationReport(
                acted: summary.mitigatedResults, actions: summary.mitigationActions, calls: summary.mitigationCalls,
                usage: summary.mitigationUsage, milliseconds: summary.mitigationMilliseconds)
        }
        published_references = references
        usage_by_role = summary.usageByRole
        if !summary.usageByRole.isEmpty {
            let cost = summary.cost(at: prices)
            self.cost = CostReport(
                dollars: cost.dollars, by_role: cost.byRole, unpriced: cost.unpriced.sorted(),
                prices_date: PriceTable.defaultsDate)
        }
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        String(decoding: try JSONCoding.prettyEncoder.encode(self), as: UTF8.self)
    }
}
