/// One item of an evaluation: the conversation to send, what a right answer looks like, and labels.
///
/// `metadata` holds the dataset's own fields (for XSTest: `type`, `label`, `focus`); metrics filter and
/// group by them.
public struct Sample: Sendable, Hashable, Codable {
    /// Stable identifier inside its dataset (the upstream id where there is one).
    public var id: String
    /// The input conversation, in order.
    public var messages: [ChatMessage]
    /// The expected answer or label, when the dataset has one.
    public var target: String?
    /// Dataset fields used for filtering and grouping.
    public var metadata: [String: String]

    /// Creates a sample; by default with no target and no metadata.
    public init(id: String, messages: [ChatMessage], target: String? = nil, metadata: [String: String] = [:]) {
        self.id = id
        self.messages = messages
        self.target = target
        self.metadata = metadata
    }

    /// The text of the last user message, which is what most reports show as "the prompt".
    public var prompt: String {
        messages.last(where: { $0.role == .user })?.content ?? messages.last?.content ?? ""
    }
}
