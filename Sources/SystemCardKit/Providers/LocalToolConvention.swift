import Foundation
import LocalInference

/// How the embedded engine offers tools to a model that has no tool API: a ChatML convention most small
/// instruction-tuned models were trained on. The tools are listed in the system message as JSON; the model
/// answers a call as `<tool_call>{"name": …, "arguments": {…}}</tool_call>`; results come back in a user turn
/// inside `<tool_response>…</tool_response>`.
enum LocalToolConvention {
    /// The conversation as plain role/content turns, with the tools described and calls and results written out.
    static func messages(for request: ModelRequest) -> [ChatMessage] {
        guard !request.tools.isEmpty || request.messages.contains(where: { $0.role == .tool || $0.toolCalls != nil })
        else { return request.messages }
        var messages: [ChatMessage] = []
        for message in request.messages {
            switch message.role {
            case .tool:
                let response = "<tool_response>\n\(message.content)\n</tool_response>"
                // Consecutive results go in one user turn.
                if let last = messages.last, last.role == .user, last.content.hasPrefix("<tool_response>") {
                    messages[messages.count - 1].content += "\n" + response
                } else {
                    messages.append(.user(response))
                }
            case .assistant:
                let calls = (message.toolCalls ?? []).map { call in
                    "<tool_call>\n{\"name\": \(CanonicalJSON.string(call.name)), \"arguments\": \(call.arguments.isEmpty ? "{}" : call.arguments)}\n</tool_call>"
                }
                messages.append(.assistant(([message.content] + calls).filter { !$0.isEmpty }.joined(separator: "\n")))
            default:
                messages.append(ChatMessage(role: message.role, content: message.content))
            }
        }
        guard !request.tools.isEmpty else { return messages }
        var listing = "You can call these tools. Each is described by a JSON object:\n<tools>\n"
        for tool in request.tools { listing += CanonicalJSON.tool(tool) + "\n" }
        listing += "</tools>\nTo call a tool, answer with a JSON object naming it and its arguments between tags:\n"
            + "<tool_call>\n{\"name\": \"tool name\", \"arguments\": {\"argument\": \"value\"}}\n</tool_call>"
        if case .tool(let name)? = request.toolChoice { listing += "\nCall the tool \(name) now." }
        if request.toolChoice == .required { listing += "\nCall at least one tool now." }
        if let index = messages.firstIndex(where: { $0.role == .system }) {
            messages[index].content += "\n\n" + listing
        } else {
            messages.insert(.system(listing), at: 0)
        }
        return messages
    }

    /// The text without its tool-call blocks, and the calls (a block that is not a JSON object with a name
    /// becomes a call of no tool, which the agent answers with an error).
    static func parse(_ text: String) -> (text: String, calls: [ToolCall]) {
        parse(text, format: .hermes)
    }

    /// The answer's tool calls as the model's format writes them.
    static func parse(_ text: String, format: ToolCallFormat) -> (text: String, calls: [ToolCall]) {
        let (remaining, calls) = format.parse(text)
        return (remaining, calls.map { ToolCall(id: $0.id, name: $0.name, arguments: $0.arguments) })
    }

    // MARK: - The model's own template

    /// The conversation as the engine's turns, tool calls and results kept as such, for a model whose own chat
    /// template renders tools (``LocalModel/toolCallFormat``). A result names the tool of the call it answers.
    static func templateTurns(for messages: [ChatMessage]) -> [ChatTurn] {
        var toolNames: [String: String] = [:]
        for message in messages { for call in message.toolCalls ?? [] { toolNames[call.id] = call.name } }
        return messages.map { message in
            ChatTurn(
                role: message.role.rawValue, content: message.content,
                toolCalls: (message.toolCalls ?? []).map { ChatToolCall(id: $0.id, name: $0.name, arguments: $0.arguments) },
                toolCallID: message.role == .tool ? message.toolCallID : nil,
                toolName: message.role == .tool ? message.toolCallID.flatMap { toolNames[$0] } : nil)
        }
    }

    /// The request's tools as the JSON objects chat templates are given, in the order users write them:
    /// `{"type": "function", "function": {"name": …, "description": …, "parameters": {…}}}`. A tool choice that
    /// names a tool keeps only that tool (the template has no other way to be told); `none` offers none.
    static func templateTools(for request: ModelRequest) -> [String] {
        var tools = request.tools
        if case .tool(let name)? = request.toolChoice { tools = tools.filter { $0.name == name } }
        if request.toolChoice == ToolChoice.none { tools = [] }
        return tools.map { tool in
            "{\"type\": \"function\", \"function\": {\"name\": \(CanonicalJSON.string(tool.name)), "
                + "\"description\": \(CanonicalJSON.string(tool.description)), "
                + "\"parameters\": \(CanonicalJSON.value(tool.parameters))}}"
        }
    }
}
