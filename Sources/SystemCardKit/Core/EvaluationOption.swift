/// One option an evaluation accepts (`--set small`, `--option turns=4`, or `options:` in a card config),
/// declared once in the evaluation's ``EvaluationDescriptor``.
///
/// The registry checks every given option against these declarations before the evaluation is built, so
/// an unknown name, a value outside a choice or a number out of range is reported the same way for every
/// evaluation, and the evaluation itself reads only valid values from ``EvaluationOptions``.
///
/// ```swift
/// EvaluationOption("set", summary: "Which prompts", choices: ["full", "small"], default: "full")
/// EvaluationOption("turns", summary: "Messages per side", integerIn: 1...100, default: 10)
/// ```
public struct EvaluationOption: Sendable, Hashable {
    /// What values the option takes.
    public enum Kind: Sendable, Hashable {
        /// One of these words.
        case choice([String])
        /// A whole number in this range.
        case integer(ClosedRange<Int>)
        /// Free text the evaluation checks itself (a comma-separated list, a language code, …).
        case text
    }

    /// The option's name (`set`, `turns`), as in `--option NAME=VALUE` or under `options:`.
    public var name: String
    /// One line on what the option selects.
    public var summary: String
    /// What values the option takes.
    public var kind: Kind
    /// The value used when the option is not given (nil: the evaluation decides).
    public var defaultValue: String?

    /// A free-text option.
    public init(_ name: String, summary: String, default defaultValue: String? = nil) {
        self.name = name
        self.summary = summary
        self.kind = .text
        self.defaultValue = defaultValue
    }

    /// An option that takes one of `choices`.
    public init(_ name: String, summary: String, choices: [String], default defaultValue: String) {
        self.name = name
        self.summary = summary
        self.kind = .choice(choices)
        self.defaultValue = defaultValue
    }

    /// An option that takes a whole number in `range`.
    public init(_ name: String, summary: String, integerIn range: ClosedRange<Int>, default defaultValue: Int) {
        self.name = name
        self.summary = summary
        self.kind = .integer(range)
        self.defaultValue = String(defaultValue)
    }

    /// Checks one given value; the message names the evaluation, the option and what it accepts.
    func check(_ value: String, evaluation: String) throws {
        switch kind {
        case .choice(let choices):
            guard choices.contains(value) else {
                throw SystemCardError.invalidInput(
                    "\(evaluation) has no \(name) '\(value)' (\(name)s: \(choices.joined(separator: ", ")))")
            }
        case .integer(let range):
            guard let number = Int(value), range.contains(number) else {
                throw SystemCardError.invalidInput(
                    "\(evaluation): --option \(name) must be a whole number from \(range.lowerBound) to "
                        + "\(range.upperBound), got '\(value)'")
            }
        case .text:
            break
        }
    }
}

/// The options an evaluation was given, checked against its declarations, with defaults filled in.
public struct EvaluationOptions: Sendable, Hashable {
    /// The values given (not the defaults).
    public let given: [String: String]
    private let declared: [String: EvaluationOption]

    init(given: [String: String], declared: [EvaluationOption]) {
        self.given = given
        self.declared = Dictionary(declared.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The given value, else the declared default.
    public subscript(_ name: String) -> String? {
        given[name] ?? declared[name]?.defaultValue
    }

    /// A declared ``EvaluationOption/Kind/integer(_:)`` option's value (already range-checked).
    public func integer(_ name: String) -> Int {
        guard let text = self[name], let value = Int(text) else {
            preconditionFailure("option '\(name)' is not a declared integer option with a default")
        }
        return value
    }
}
