import Foundation
import LocalInference
import Testing

/// Tool calls read back from answers in each format a chat template can ask for.
struct ToolCallFormatTests {
    @Test func recognisesTheFormatFromTheTemplate() {
        #expect(ToolCallFormat(template: "{% if tools %}<tools>{{ tools | tojson }}</tools> <tool_call>{% endif %}") == .hermes)
        #expect(ToolCallFormat(template: "{% if tools %}[AVAILABLE_TOOLS]{% endif %}[TOOL_CALLS]") == .mistral)
        #expect(ToolCallFormat(template: "<|start_header_id|>{% if tools is not none %}{% endif %}") == .llama3)
        #expect(ToolCallFormat(template: "{% for t in tools %}{{ t.function.name }}{% endfor %}") == .generic)
        #expect(ToolCallFormat(template: "<|im_start|>{{ message.content }}") == nil)
    }

    @Test func hermesBlocks() {
        let (text, calls) = ToolCallFormat.hermes.parse(
            "Let me look.\n<tool_call>\n{\"name\": \"bash\", \"arguments\": {\"cmd\": \"ls\"}}\n</tool_call>\n<tool_call>{\"name\": \"python\", \"arguments\": \"{\\\"code\\\": 1}\"}</tool_call>")
        #expect(text == "Let me look.")
        #expect(calls == [
            ChatToolCall(id: "local_call_0", name: "bash", arguments: #"{"cmd":"ls"}"#),
            ChatToolCall(id: "local_call_1", name: "python", arguments: #"{"code": 1}"#),
        ])
        // A block that is not a call becomes a call of no tool carrying the text (the agent answers it with an error).
        #expect(ToolCallFormat.hermes.parse("<tool_call>{oops</tool_call>").calls == [ChatToolCall(id: "local_call_0", name: "", arguments: "{oops")])
    }

    @Test func xmlFunctions() {
        #expect(ToolCallFormat(template: "{% if tools %}<tool_call>\n<function={{ name }}>{% endif %}") == .xmlFunction)
        let (text, calls) = ToolCallFormat.xmlFunction.parse(
            "I will look.\n<tool_call>\n<function=bash>\n<parameter=cmd>\ncd /tmp; echo \"a\"\n</parameter>\n</function>\n</tool_call>")
        #expect(text == "I will look.")
        #expect(calls == [ChatToolCall(id: "local_call_0", name: "bash", arguments: #"{"cmd":"cd /tmp; echo \"a\""}"#)])
        #expect(ToolCallFormat.xmlFunction.parse("no call here").calls.isEmpty)
    }

    @Test func mistralList() {
        let (text, calls) = ToolCallFormat.mistral.parse(#"[TOOL_CALLS][{"name": "bash", "arguments": {"cmd": "id"}}, {"name": "submit", "arguments": {"answer": "x"}}]"#)
        #expect(text == "")
        #expect(calls.map(\.name) == ["bash", "submit"])
        #expect(calls[1].arguments == #"{"answer":"x"}"#)
        #expect(ToolCallFormat.mistral.parse("[TOOL_CALLS] not json").calls.first?.name == "")
        #expect(ToolCallFormat.mistral.parse("plain answer").calls.isEmpty)
    }

    @Test func llamaJSON() {
        let call = ToolCallFormat.llama3.parse(#"<|python_tag|>{"name": "bash", "parameters": {"cmd": "pwd"}}"#)
        #expect(call.calls == [ChatToolCall(id: "local_call_0", name: "bash", arguments: #"{"cmd":"pwd"}"#)])
        let two = ToolCallFormat.llama3.parse(#"{"name": "a", "parameters": {}}; {"name": "b", "parameters": {"x": 1}}"#)
        #expect(two.calls.map(\.name) == ["a", "b"])
        // A `;` or braces inside a string do not split a call.
        let shell = ToolCallFormat.llama3.parse(#"{"name": "bash", "parameters": {"cmd": "cd /tmp; echo '}{'; ls"}}"#)
        #expect(shell.calls == [ChatToolCall(id: "local_call_0", name: "bash", arguments: #"{"cmd":"cd \/tmp; echo '}{'; ls"}"#)])
        // Prose, or JSON that names no tool, is an answer.
        let prose = ToolCallFormat.llama3.parse("The answer is 4.")
        #expect(prose.text == "The answer is 4." && prose.calls.isEmpty)
        #expect(ToolCallFormat.llama3.parse(#"{"answer": 4}"#).calls.isEmpty)
    }

    @Test func genericTriesEachForm() {
        #expect(ToolCallFormat.generic.parse(#"<tool_call>{"name": "a", "arguments": {}}</tool_call>"#).calls.map(\.name) == ["a"])
        #expect(ToolCallFormat.generic.parse(#"[TOOL_CALLS][{"name": "b", "arguments": {}}]"#).calls.map(\.name) == ["b"])
        #expect(ToolCallFormat.generic.parse(#"{"name": "c", "arguments": {"k": "v"}}"#).calls.map(\.name) == ["c"])
    }
}
