import Foundation

/// A snapshot of a run in progress, for the live progress line.
public struct RunProgress: Sendable {
    /// The evaluation's name (a card run reads `xstest × model`).
    public var evaluation: String
    /// Sample-epochs this invocation has to do (finished ones from earlier invocations excluded).
    public var total: Int
    /// Sample-epochs already finished before this invocation (resumed).
    public var resumed: Int
    /// Sample-epochs this invocation has finished, scored or errored.
    public var completed: Int
    /// Sample-epochs of this invocation that errored.
    public var errors: Int
    /// Requests retried so far by the planner's providers (0 when the runner was not made by a
    /// ``RunPlanner``).
    public var retries: Int
    /// Seconds since this invocation started the run.
    public var elapsed: Double

    /// Samples per second so far.
    public var rate: Double { elapsed > 0 ? Double(completed) / elapsed : 0 }

    /// Seconds left at the current rate, when it can be estimated.
    public var eta: Double? {
        guard rate > 0 else { return nil }
        return Double(total - completed) / rate
    }

    /// `xstest 120/450 26.7% 35.2/s errors 0 retries 3 ETA 9s`.
    public var line: String {
        let percent = total > 0 ? Double(completed) * 100 / Double(total) : 100
        var text = "\(evaluation) \(completed)/\(total) \(String(format: "%.1f", percent))% "
            + "\(String(format: "%.1f", rate))/s errors \(errors)"
        if retries > 0 { text += " retries \(retries)" }
        if resumed > 0 { text += " (resumed \(resumed))" }
        if let eta, completed < total { text += " ETA \(Self.duration(eta))" }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", (whole % 3600) / 60))m"
    }
}
