/// A tool the model may call: its name, what it does, and the JSON Schema of its arguments.
///
/// ```swift
/// ToolDefinition(
///     name: "bash", description: "Run a bash command.",
///     parameters: .object(["type": .string("object"), "required": .array([.string("cmd")]),
///                          "properties": .object(["cmd": .object(["type": .string("string")])])]))
/// ```
public struct ToolDefinition: Codable, Sendable, Hashable {
    public var name: String
    /// What the tool does, for the model.
    public var description: String
    /// JSON Schema of the arguments object.
    public var parameters: JSONValue

    /// Creates a tool definition.
    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }

    /// A tool whose arguments are string properties, all required.
    public static func strings(_ name: String, description: String, arguments: [(name: String, description: String)])
        -> ToolDefinition
    {
        var properties: [String: JSONValue] = [:]
        for argument in arguments {
            properties[argument.name] = .object(["type": .string("string"), "description": .string(argument.description)])
        }
        return ToolDefinition(
            name: name, description: description,
            parameters: .object([
                "type": .string("object"), "properties": .object(properties),
                "required": .array(arguments.map { .string($0.name) }),
            ]))
    }
}

/// Whether the model may, must or must not call tools.
public enum ToolChoice: Codable, Sendable, Hashable {
    /// The model decides (the default when tools are given).
    case auto
    /// No tool call.
    case none
    /// At least one tool call.
    case required
    /// A call of this tool.
    case tool(String)

    /// The value as OpenAI's `tool_choice` takes it (a string, or the name of the one tool).
    var wireName: String {
        switch self {
        case .auto: return "auto"
        case .none: return "none"
        case .required: return "required"
        case .tool(let name): return "tool:" + name
        }
    }
}
