/// A call the model made to a tool: which tool, with which arguments, under which id (the tool's result
/// message answers that id).
public struct ToolCall: Codable, Sendable, Hashable {
    /// The id the result must carry (`call_…` from OpenAI; generated for models that give none).
    public var id: String
    /// The tool's name, as the model wrote it (it may name no tool that exists).
    public var name: String
    /// The arguments as the model wrote them: JSON text, which may be malformed.
    public var arguments: String

    /// Creates a call of `name` with `arguments` (JSON text).
    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
