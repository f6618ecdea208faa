/// Reads the numeric `--option` values the persuasion games take.
enum PersuasionOptions {
    /// `options[key]` as a whole number in `range`, or `defaultValue` when absent.
    static func integer(
        _ options: [String: String], _ key: String, evaluation: String, default defaultValue: Int,
        range: ClosedRange<Int>
    ) throws -> Int {
        guard let text = options[key] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw SystemCardError.invalidInput(
                "\(evaluation): --option \(key) must be a whole number from \(range.lowerBound) to "
                    + "\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// The per-conversation wall-clock limit (`--option time-limit=SECONDS`, default 1800). It is a safety
    /// net against a stuck endpoint, not a game rule: waiting for a busy endpoint counts.
    static func timeLimit(_ options: [String: String], evaluation: String) throws -> Int {
        try integer(options, "time-limit", evaluation: evaluation, default: 1800, range: 1...86_400)
    }
}
