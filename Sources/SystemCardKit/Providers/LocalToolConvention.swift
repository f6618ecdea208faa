import Foundation

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
        var calls: [ToolCall] = []
        var remaining = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<tool_call>") {
            remaining += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let close = after.range(of: "</tool_call>")
            let body = String(close.map { after[..<$0.lowerBound] } ?? after).trimmingCharacters(in: .whitespacesAndNewlines)
            calls.append(call(from: body, index: calls.count))
            rest = close.map { after[$0.upperBound...] } ?? ""
        }
        remaining += rest
        return (remaining.trimmingCharacters(in: .whitespacesAndNewlines), calls)
    }

    static func call(from body: String, index: Int) -> ToolCall {
        let id = "local_call_\(index)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let name = object["name"] as? String
        else { return ToolCall(id: id, name: "", arguments: body) }
        var arguments = "{}"
        if let value = object["arguments"] {
            if let text = value as? String {
                arguments = text
            } else if JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            {
                arguments = String(decoding: data, as: UTF8.self)
            }
        }
        return ToolCall(id: id, name: name, arguments: arguments)
    }
}
