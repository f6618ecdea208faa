import SystemCardKit

/// What every command of one `systemcard` process shares.
enum CommandContext {
    /// The evaluations the commands know (a program embedding the CLI may add its own).
    @TaskLocal static var registry = EvaluationRegistry.builtIn
}
