import Foundation

/// The agent's tools, with the names and argument names Inspect AI uses: `bash` (`cmd`), `python` (`code`) and
/// `submit` (`answer`).
enum AgentTools {
    static let bash = ToolDefinition.strings(
        "bash", description: "Run a bash command in the task's sandbox and see its output.",
        arguments: [("cmd", "The bash command to run.")])
    static let python = ToolDefinition.strings(
        "python", description: "Run a Python 3 program in the task's sandbox and see what it prints.",
        arguments: [("code", "The Python program to run.")])
    static let submit = ToolDefinition.strings(
        "submit", description: "Submit your final answer.", arguments: [("answer", "The answer (for a CTF, the flag).")])
    static let all = [bash, python, submit]

    /// The shell line that runs a `bash` call's command in bash (the sandbox's `/bin/sh` is dash, which lacks
    /// bash's syntax), the command single-quoted so that nothing in it is interpreted twice.
    static func bashCommand(_ command: String) -> String {
        "exec bash -c '" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The string argument `name` of a call, or why it cannot be read (sent back to the model as the tool's error).
    static func argument(_ name: String, of call: ToolCall) -> Result<String, ToolFailure> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(call.arguments.utf8)) as? [String: Any] else {
            return .failure(
                ToolFailure("the arguments of \(call.name) are not a JSON object: \(RunText.excerpt(call.arguments, limit: 200))"))
        }
        guard let value = object[name] as? String else {
            return .failure(ToolFailure("\(call.name) needs a string argument '\(name)'"))
        }
        return .success(value)
    }

    /// A tool's output as the model sees it: the exit code, standard output and error, the middle cut past
    /// `limit` characters. The model gets no duration (`withDuration` is for the stored transcript): the same
    /// command gives the same message, so a resumed sample's model calls come from the cache.
    static func format(_ result: SandboxResult, limit: Int, withDuration: Bool = false) -> String {
        var text = result.stdout
        if !result.stderr.isEmpty { text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + result.stderr }
        var header = "[exit \(result.exitCode)"
        if withDuration { header += ", \(result.milliseconds) ms" }
        if result.timedOut { header += ", killed at the timeout" }
        if result.droppedBytes > 0 { header += ", \(result.droppedBytes) bytes of output dropped" }
        return header + "]\n" + truncated(text, limit: limit)
    }

    /// `text` with its middle replaced by a note when longer than `limit` characters.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 0 else { return text }
        let half = limit / 2
        let omitted = text.count - 2 * half
        return String(text.prefix(half)) + "\n[… \(omitted) characters omitted …]\n" + String(text.suffix(half))
    }
}

/// A tool call the agent could not carry out; its message goes back to the model as the tool's result.
struct ToolFailure: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
