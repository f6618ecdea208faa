import Foundation

/// A tool call in a conversation: the assistant asked for `name` with `arguments` (JSON object text).
public struct ChatToolCall: Sendable, Equatable {
    /// The call's id, which the tool's result names.
    public var id: String
    /// The tool's name; empty when the model wrote a call that names no tool (the caller answers it with an error).
    public var name: String
    /// The arguments as JSON text (as the model wrote them when they are not a JSON object).
    public var arguments: String

    /// Creates a tool call.
    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// How a model writes tool calls in its answer, recognised from its chat template; the answer's text is parsed back
/// into ``ChatToolCall``s accordingly.
public enum ToolCallFormat: String, Sendable {
    /// `<tool_call>{"name": …, "arguments": {…}}</tool_call>` blocks (Hermes, Qwen 2.5 and 3, SmolLM3 and the
    /// ChatML convention the engine uses for templates without tools).
    case hermes
    /// `<tool_call><function=name><parameter=key>value</parameter>…</function></tool_call>` (Qwen3-Coder, Qwen 3.5,
    /// GLM 4.6, Nemotron 3): parameters become string arguments.
    case xmlFunction
    /// `[TOOL_CALLS][{"name": …, "arguments": {…}}, …]` (Mistral).
    case mistral
    /// A bare JSON object `{"name": …, "parameters": {…}}`, possibly after `<|python_tag|>` (Llama 3.1 to 3.3).
    case llama3
    /// Any of the above; a template that offers tools in another way (the answer is searched for tagged calls, then
    /// for a JSON object naming a tool).
    case generic

    /// The format a chat template writes tool calls in, or nil when the template does not mention tools.
    public init?(template: String) {
        guard template.contains("tools") || template.contains("tool_calls") else { return nil }
        if template.contains("<function=") {
            self = .xmlFunction
        } else if template.contains("<tool_call>") {
            self = .hermes
        } else if template.contains("[TOOL_CALLS]") {
            self = .mistral
        } else if template.contains("<|start_header_id|>") {
            self = .llama3
        } else {
            self = .generic
        }
    }

    /// The answer without its tool calls, and the calls, numbered `local_call_0`, `local_call_1`, …. A call that is
    /// not a JSON object with a name becomes a call of no tool carrying the text, so the caller can answer it with an
    /// error instead of failing the sample.
    public func parse(_ text: String) -> (text: String, calls: [ChatToolCall]) {
        switch self {
        case .hermes: return Self.parseTagged(text)
        case .xmlFunction: return Self.parseXMLFunctions(text)
        case .mistral: return Self.parseMistral(text)
        case .llama3: return Self.parseBareJSON(text, allowPythonTag: true)
        case .generic:
            if text.contains("<tool_call>") { return Self.parseTagged(text) }
            if text.contains("[TOOL_CALLS]") { return Self.parseMistral(text) }
            return Self.parseBareJSON(text, allowPythonTag: true)
        }
    }

    private static func parseTagged(_ text: String) -> (text: String, calls: [ChatToolCall]) {
        var calls: [ChatToolCall] = []
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

    private static func parseXMLFunctions(_ text: String) -> (text: String, calls: [ChatToolCall]) {
        var calls: [ChatToolCall] = []
        var remaining = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<function=") {
            var before = rest[..<open.lowerBound]
            if let tag = before.range(of: "<tool_call>", options: .backwards) { before = before[..<tag.lowerBound] }
            remaining += before
            let after = rest[open.upperBound...]
            let close = after.range(of: "</function>")
            let body = close.map { after[..<$0.lowerBound] } ?? after
            let id = "local_call_\(calls.count)"
            if let nameEnd = body.firstIndex(of: ">") {
                let name = String(body[..<nameEnd]).trimmingCharacters(in: .whitespaces)
                var arguments: [(String, String)] = []
                var parameters = body[body.index(after: nameEnd)...]
                while let p = parameters.range(of: "<parameter=") {
                    let afterP = parameters[p.upperBound...]
                    guard let keyEnd = afterP.firstIndex(of: ">") else { break }
                    let key = String(afterP[..<keyEnd])
                    let valueStart = afterP.index(after: keyEnd)
                    let end = afterP.range(of: "</parameter>")
                    var value = String(afterP[valueStart..<(end?.lowerBound ?? afterP.endIndex)])
                    if value.hasPrefix("\n") { value.removeFirst() }
                    if value.hasSuffix("\n") { value.removeLast() }
                    arguments.append((key, value))
                    parameters = end.map { afterP[$0.upperBound...] } ?? ""
                }
                let json = "{" + arguments.map { JinjaValue.jsonString($0.0) + ":" + JinjaValue.jsonString($0.1) }.joined(separator: ",") + "}"
                calls.append(ChatToolCall(id: id, name: name, arguments: json))
            } else {
                calls.append(ChatToolCall(id: id, name: "", arguments: String(body)))
            }
            rest = close.map { after[$0.upperBound...] } ?? ""
            if let tagEnd = rest.range(of: "</tool_call>"), rest[..<tagEnd.lowerBound].allSatisfy(\.isWhitespace) {
                rest = rest[tagEnd.upperBound...]
            }
        }
        remaining += rest
        return (remaining.trimmingCharacters(in: .whitespacesAndNewlines), calls)
    }

    private static func parseMistral(_ text: String) -> (text: String, calls: [ChatToolCall]) {
        guard let marker = text.range(of: "[TOOL_CALLS]") else { return (text.trimmingCharacters(in: .whitespacesAndNewlines), []) }
        let before = String(text[..<marker.lowerBound])
        let body = String(text[marker.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = body.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            return (before.trimmingCharacters(in: .whitespacesAndNewlines), [ChatToolCall(id: "local_call_0", name: "", arguments: body)])
        }
        let calls = array.enumerated().map { i, item in call(fromObject: item, raw: body, index: i) }
        return (before.trimmingCharacters(in: .whitespacesAndNewlines), calls)
    }

    /// A whole answer that is one JSON object (or several separated by `;`, as Llama writes parallel calls) naming a
    /// tool; any other answer is text.
    private static func parseBareJSON(_ text: String, allowPythonTag: Bool) -> (text: String, calls: [ChatToolCall]) {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if allowPythonTag, body.hasPrefix("<|python_tag|>") {
            body = String(body.dropFirst("<|python_tag|>".count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard body.hasPrefix("{") else { return (text.trimmingCharacters(in: .whitespacesAndNewlines), []) }
        var calls: [ChatToolCall] = []
        for piece in topLevelObjects(body) {
            guard let data = piece.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                object["name"] is String
            else {
                // Not a call after all: the answer is text (a model that answers with JSON is not calling a tool).
                return calls.isEmpty ? (text.trimmingCharacters(in: .whitespacesAndNewlines), []) : ("", calls + [ChatToolCall(id: "local_call_\(calls.count)", name: "", arguments: piece)])
            }
            calls.append(call(fromObject: object, raw: piece, index: calls.count))
        }
        return ("", calls)
    }

    /// The text's top-level `{…}` spans, in order (Llama separates parallel calls with `;`, which may also appear
    /// inside a string: `{"cmd": "cd /tmp; ls"}`), and what follows the last one if it is not an object.
    static func topLevelObjects(_ text: String) -> [String] {
        var pieces: [String] = []
        var depth = 0, inString = false, escaped = false
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "{" {
                if depth == 0 { start = index }
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0, let s = start {
                    pieces.append(String(text[s...index]))
                    start = nil
                }
            } else if depth == 0, !c.isWhitespace, c != ";" {
                // Text between or after the objects: keep it as a piece so the answer is not read as calls alone.
                pieces.append(String(text[index...]))
                return pieces
            }
            index = text.index(after: index)
        }
        if let s = start { pieces.append(String(text[s...])) }
        return pieces
    }

    static func call(from body: String, index: Int) -> ChatToolCall {
        guard let data = body.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else {
            return ChatToolCall(id: "local_call_\(index)", name: "", arguments: body)
        }
        return call(fromObject: object, raw: body, index: index)
    }

    private static func call(fromObject object: Any, raw: String, index: Int) -> ChatToolCall {
        let id = "local_call_\(index)"
        guard let object = object as? [String: Any], let name = object["name"] as? String else {
            return ChatToolCall(id: id, name: "", arguments: raw)
        }
        var arguments = "{}"
        if let value = object["arguments"] ?? object["parameters"] {
            if let text = value as? String {
                arguments = text
            } else if JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            {
                arguments = String(decoding: data, as: UTF8.self)
            }
        }
        return ChatToolCall(id: id, name: name, arguments: arguments)
    }
}
