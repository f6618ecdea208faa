/// One thing to classify: a user's request alone, or an assistant's response in the context of its request.
///
/// ```swift
/// ModerationItem(id: "1", prompt: "How do I pick a lock?")                 // the request is classified
/// ModerationItem(id: "2", prompt: "How do I pick a lock?", response: "…")  // the response is classified
/// ```
public struct ModerationItem: Sendable, Hashable, Codable {
    /// The caller's identifier, copied into the verdict.
    public var id: String
    /// The user's turn.
    public var prompt: String
    /// The assistant's answer; when present, the answer is what is classified.
    public var response: String?

    /// Creates an item; with a `response`, the response is classified, otherwise the prompt.
    public init(id: String, prompt: String, response: String? = nil) {
        self.id = id
        self.prompt = prompt
        self.response = response
    }

    /// Which turn the verdict is about.
    public var turn: ModerationTurn { response == nil ? .prompt : .response }
}

/// The turn a classifier judges.
public enum ModerationTurn: String, Sendable, Codable {
    /// The user's request.
    case prompt
    /// The assistant's answer to it.
    case response
}
