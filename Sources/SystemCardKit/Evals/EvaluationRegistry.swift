/// Every evaluation `systemcard eval NAME` (and `systemcard card`) can run.
///
/// Each evaluation defines its own `entry` next to its code; adding one is a line in ``entries``.
public enum EvaluationRegistry {
    /// An evaluation's name, one-line summary, the options it takes and its constructor.
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        /// Option names it accepts (`set`, `techniques`, `languages`, …); anything else is an error.
        public var options: Set<String>
        public var make: @Sendable (_ options: [String: String]) throws -> Evaluation

        public init(
            name: String, summary: String, options: Set<String>,
            make: @escaping @Sendable (_ options: [String: String]) throws -> Evaluation
        ) {
            self.name = name
            self.summary = summary
            self.options = options
            self.make = make
        }
    }

    public static let entries: [Entry] = [
        XSTestEvaluation.entry,
        DisallowedContentEvaluation.entry,
        StrongREJECTEvaluation.entry,
        SimpleQAEvaluation.entry,
        MMLUEvaluation.entry,
        MMMLUEvaluation.entry,
        BBQEvaluation.entry,
        MakeMePayEvaluation.entry,
        MakeMeSayEvaluation.entry,
        InstructionHierarchyEvaluation.entry,
        TutorJailbreakEvaluation.entry,
        PhraseProtectionEvaluation.entry,
        PasswordProtectionEvaluation.entry,
    ]

    public static var names: [String] { entries.map(\.name) }

    /// The evaluation called `name` built with `options`; a clear error for an unknown name or option.
    public static func evaluation(named name: String, options: [String: String] = [:]) throws -> Evaluation {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown evaluation '\(name)'; available: \(names.joined(separator: ", "))")
        }
        for key in options.keys.sorted() where !entry.options.contains(key) {
            let accepted = entry.options.isEmpty ? "none" : entry.options.sorted().map { "--\($0)" }.joined(separator: ", ")
            throw SystemCardError.invalidInput("\(name) has no option --\(key) (it accepts: \(accepted))")
        }
        return try entry.make(options)
    }
}
