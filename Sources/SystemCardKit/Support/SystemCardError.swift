/// A failure the user can act on. `kind` decides the process exit code; `message` says what went wrong
/// and, where possible, what to do about it.
public struct SystemCardError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure, which decides the exit code.
    public enum Kind: String, Sendable, Equatable {
        /// Wrong option, unknown name, malformed file: fix the input (exit code 2).
        case invalidInput
        /// The model endpoint refused every request in a way retries cannot fix (bad key, unknown model).
        case endpoint
        /// The run stopped early because the endpoint kept failing; finished samples are saved.
        case runFailed
        /// The database could not be opened or written.
        case store
        /// The user interrupted the run; finished samples are saved.
        case interrupted
        /// The run stopped because its next calls could pass `--max-cost`; finished samples are saved.
        case costLimit
    }

    /// What kind of failure.
    public var kind: Kind
    /// What went wrong and, where possible, what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// An ``Kind/invalidInput`` error: the user must fix the input.
    public static func invalidInput(_ message: String) -> SystemCardError { .init(.invalidInput, message) }
}
