/// Who speaks a message. The engine keeps all roles distinct; a provider decides how to send them.
///
/// Messages rank `system` > `developer` > `user`: when instructions conflict, the higher one must win
/// (the instruction-hierarchy evaluations test exactly that).
public enum ChatRole: String, Codable, Sendable, Hashable, CaseIterable {
    /// The system prompt: the highest-ranking instructions.
    case system
    /// The application developer's instructions, below the system message.
    case developer
    /// The end user's message.
    case user
    /// The model's answer.
    case assistant
    /// The result of a tool the model called.
    case tool
}
