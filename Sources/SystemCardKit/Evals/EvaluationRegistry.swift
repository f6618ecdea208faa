/// Every evaluation `systemcard eval NAME` can run.
public enum EvaluationRegistry {
    /// An evaluation's name, one-line summary and constructor (taking `--set` and similar options).
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var make: @Sendable (_ options: [String: String]) throws -> Evaluation
    }

    public static let entries: [Entry] = [
        Entry(name: XSTestEvaluation.name, summary: "Over-refusal on safe look-alike prompts (XSTest)") { options in
            try rejectUnknown(options, allowed: [], evaluation: XSTestEvaluation.name)
            return XSTestEvaluation.make()
        }
    ]

    public static var names: [String] { entries.map(\.name) }

    /// The evaluation called `name`; a clear error listing the known names otherwise.
    public static func evaluation(named name: String, options: [String: String] = [:]) throws -> Evaluation {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown evaluation '\(name)'; available: \(names.joined(separator: ", "))")
        }
        return try entry.make(options)
    }

    static func rejectUnknown(_ options: [String: String], allowed: Set<String>, evaluation: String) throws {
        for key in options.keys where !allowed.contains(key) {
            throw SystemCardError.invalidInput("\(evaluation) has no option '--\(key)'")
        }
    }
}
