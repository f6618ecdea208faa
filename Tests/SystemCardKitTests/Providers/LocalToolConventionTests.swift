import Foundation
import Testing

@testable import SystemCardKit

/// The embedded engine's tool convention: tools listed in the system message, calls and results written out,
/// calls read back from `<tool_call>` blocks (a malformed one becomes a call of no tool).
@Suite struct LocalToolConventionTests {
    static let bash = ToolDefinition.strings("bash", description: "Run a command.", arguments: [("cmd", "the command")])

    @Test func toolsCallsAndResultsAreWrittenIntoTheConversation() {
        let request = ModelRequest(
            messages: [
                .system("Be useful."), .user("List the files."),
                .assistant("Let me look.", toolCalls: [ToolCall(id: "c1", name: "bash", arguments: #"{"cmd":"ls"}"#)]),
                .tool("a.txt", callID: "c1"),
            ],
            tools: [Self.bash], toolChoice: .required)
        let messages = LocalToolConvention.messages(for: request)
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user])
        #expect(messages[0].content.hasPrefix("Be useful.\n\nYou can call these tools."))
        #expect(messages[0].content.contains(#""name":"bash""#))
        #expect(messages[0].content.contains("Call at least one tool now."))
        #expect(messages[2].content == "Let me look.\n<tool_call>\n{\"name\": \"bash\", \"arguments\": {\"cmd\":\"ls\"}}\n</tool_call>")
        #expect(messages[3].content == "<tool_response>\na.txt\n</tool_response>")
        // Without tools or tool messages nothing changes.
        let plain = ModelRequest(messages: [.user("hi")])
        #expect(LocalToolConvention.messages(for: plain) == plain.messages)
    }

    @Test func callsAreReadBackAndMalformedOnesBecomeCallsOfNoTool() {
        let (text, calls) = LocalToolConvention.parse(
            "I will check.\n<tool_call>\n{\"name\": \"bash\", \"arguments\": {\"cmd\": \"cat flag.txt\"}}\n</tool_call>\n"
                + "<tool_call>{\"name\": \"submit\", \"arguments\": \"{\\\"answer\\\": \\\"x\\\"}\"}</tool_call>"
                + "<tool_call>not json at all</tool_call> done")
        #expect(text == "I will check.\n\n done")
        #expect(calls.count == 3)
        #expect(calls[0].name == "bash")
        #expect(calls[0].arguments == #"{"cmd":"cat flag.txt"}"#)
        #expect(calls[1].name == "submit")
        #expect(calls[1].arguments == #"{"answer": "x"}"#)
        #expect(calls[2].name == "")
        #expect(calls[2].arguments == "not json at all")
        #expect(Set(calls.map(\.id)).count == 3)
        let unclosed = LocalToolConvention.parse("<tool_call>{\"name\": \"bash\", \"arguments\": {}}")
        #expect(unclosed.calls.first?.name == "bash")
    }
}
