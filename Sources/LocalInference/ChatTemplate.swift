import Foundation

/// A chat prompt format, detected from the `tokenizer.chat_template` Jinja source.
///
/// Conversations without tools are rendered directly for the known template families (recognised by their markers),
/// including the default system prompt some ChatML templates insert when the conversation has none. A template that
/// offers tools is also compiled (``JinjaTemplate``) and renders conversations with tools, tool calls and tool results
/// itself, exactly as Hugging Face's `apply_chat_template` would; ``toolFormat`` says how the model then writes calls.
struct ChatTemplate: Sendable {
    /// The template family.
    enum Family: String, Sendable {
        case chatml, llama3, gemma, plain
    }

    let family: Family
    /// The system prompt the template adds when the conversation starts without one (ChatML only).
    let defaultSystemPrompt: String?
    /// The text of the BOS token, prepended by templates that write it (Llama 3, Gemma).
    let bosText: String?
    /// The BOS and EOS texts the Jinja template is given (`bos_token`, `eos_token`).
    let specialTexts: (bos: String, eos: String)
    /// The compiled template, when it offers tools and compiles.
    let toolTemplate: JinjaTemplate?
    /// How the model writes tool calls, when the template offers tools.
    let toolFormat: ToolCallFormat?
    /// Why a template that mentions tools could not be compiled (the ChatML convention is used instead).
    let toolTemplateError: String?

    init(template: String?, bosText: String?, eosText: String? = nil) {
        let t = template ?? ""
        specialTexts = (bosText ?? "", eosText ?? "")
        if let format = ToolCallFormat(template: t) {
            do {
                toolTemplate = try JinjaTemplate(t)
                toolFormat = format
                toolTemplateError = nil
            } catch {
                toolTemplate = nil
                toolFormat = nil
                toolTemplateError = "\(error)"
            }
        } else {
            toolTemplate = nil
            toolFormat = nil
            toolTemplateError = nil
        }
        if t.contains("<|im_start|>") {
            family = .chatml
        } else if t.contains("<|start_header_id|>") {
            family = .llama3
        } else if t.contains("<start_of_turn>") {
            family = .gemma
        } else {
            family = .plain
        }
        defaultSystemPrompt = family == .chatml ? Self.extractDefaultSystem(t) : nil
        self.bosText = t.contains("bos_token") ? bosText : nil
    }

    /// The literal system message inside `'<|im_start|>system\n...<|im_end|>'`, if the template has one.
    static func extractDefaultSystem(_ t: String) -> String? {
        for header in ["<|im_start|>system\n", "<|im_start|>system\\n"] {
            guard let start = t.range(of: header) else { continue }
            guard let end = t.range(of: "<|im_end|>", range: start.upperBound..<t.endIndex) else { continue }
            let body = String(t[start.upperBound..<end.lowerBound])
            // A templated body (e.g. the first message's content) is not a default prompt.
            if body.contains("{{") || body.contains("{%") || body.contains("'") || body.contains("\"") {
                continue
            }
            if body.isEmpty { continue }
            return body.replacingOccurrences(of: "\\n", with: "\n")
        }
        return nil
    }

    /// End-of-turn marker texts of the family (besides EOS).
    var endOfTurnTexts: [String] {
        switch family {
        case .chatml: return ["<|im_end|>", "<|endoftext|>"]
        case .llama3: return ["<|eot_id|>", "<|end_of_text|>", "<|eom_id|>"]
        case .gemma: return ["<end_of_turn>"]
        case .plain: return []
        }
    }

    /// Renders a conversation with tools through the template itself: the tool definitions (JSON objects in the
    /// OpenAI format, `{"type": "function", "function": {…}}`), assistant tool calls (arguments as JSON objects when
    /// they parse) and tool results, then the assistant header (`add_generation_prompt`).
    /// - Throws: ``JinjaError`` when the template fails or refuses the conversation (`raise_exception`).
    func renderWithTools(_ turns: [ChatTurn], tools: [String]) throws -> String {
        guard let toolTemplate else { return render(turns) }
        let messages: [JinjaValue] = turns.map { turn in
            var message = JinjaObject([("role", .string(turn.role)), ("content", .string(turn.content))])
            if !turn.toolCalls.isEmpty {
                message["tool_calls"] = .array(turn.toolCalls.map { call in
                    let arguments = (try? JinjaValue(json: call.arguments)).flatMap { value -> JinjaValue? in
                        if case .object = value { return value }
                        return nil
                    } ?? .string(call.arguments)
                    return .object(JinjaObject([
                        ("id", .string(call.id)), ("type", .string("function")),
                        ("function", .object(JinjaObject([("name", .string(call.name)), ("arguments", arguments)]))),
                    ]))
                })
            }
            if let id = turn.toolCallID { message["tool_call_id"] = .string(id) }
            if let name = turn.toolName { message["name"] = .string(name) }
            return .object(message)
        }
        var context: [String: JinjaValue] = [
            "messages": .array(messages),
            "add_generation_prompt": .bool(true),
            "bos_token": .string(specialTexts.bos),
            "eos_token": .string(specialTexts.eos),
        ]
        if !tools.isEmpty {
            context["tools"] = .array(try tools.map { try JinjaValue(json: $0) })
        }
        return try toolTemplate.render(context)
    }

    /// Renders the conversation and the assistant header that starts the reply.
    func render(_ turns: [ChatTurn]) -> String {
        var out = ""
        switch family {
        case .chatml:
            if let system = defaultSystemPrompt, turns.first?.role != "system" {
                out += "<|im_start|>system\n\(system)<|im_end|>\n"
            }
            for turn in turns {
                out += "<|im_start|>\(turn.role)\n\(turn.content)<|im_end|>\n"
            }
            out += "<|im_start|>assistant\n"
        case .llama3:
            out += bosText ?? ""
            for turn in turns {
                out += "<|start_header_id|>\(turn.role)<|end_header_id|>\n\n"
                out += turn.content.trimmingWhitespace() + "<|eot_id|>"
            }
            out += "<|start_header_id|>assistant<|end_header_id|>\n\n"
        case .gemma:
            out += bosText ?? ""
            var pendingSystem: String?
            for turn in turns {
                if turn.role == "system" {
                    pendingSystem = (pendingSystem.map { $0 + "\n\n" } ?? "") + turn.content
                    continue
                }
                let role = turn.role == "assistant" ? "model" : turn.role
                var content = turn.content.trimmingWhitespace()
                if let system = pendingSystem, role == "user" {
                    content = system + "\n\n" + content
                    pendingSystem = nil
                }
                out += "<start_of_turn>\(role)\n\(content)<end_of_turn>\n"
            }
            if let system = pendingSystem { out += "<start_of_turn>user\n\(system)<end_of_turn>\n" }
            out += "<start_of_turn>model\n"
        case .plain:
            for turn in turns {
                out += "\(turn.role.prefix(1).uppercased() + turn.role.dropFirst()): \(turn.content)\n\n"
            }
            out += "Assistant:"
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
