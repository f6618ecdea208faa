/// One participant of a conversation: who plays it, what it is told, and what of its messages stays
/// private. The evaluated model is one of the roles (``Player/evaluated``); the others are models given
/// on the command line as `--role NAME=openai/<model>` (``Player/named(_:)``).
struct ConversationRole: Sendable, Hashable {
    /// Which model speaks for the role.
    enum Player: Sendable, Hashable {
        /// The model under evaluation (`--model`).
        case evaluated
        /// A model role declared in `Evaluation.roles` and given as `--role NAME=…`.
        case named(String)
    }

    /// The speaker name in transcripts (letters, digits, `-` and `_` only).
    var name: String
    var player: Player
    /// The role's own system prompt; no other role sees it.
    var systemPrompt: String
    /// The user message the role sees before its first message when it speaks before anyone else.
    var opening: String
    /// What of this role's messages the other roles never see. The role itself sees its own messages in full.
    var hidden: [HiddenText]
    /// Settings for this role's calls; set fields replace the run's (`--temperature`, `--max-tokens`).
    var settings: GenerationSettings

    init(
        name: String, player: Player, systemPrompt: String,
        opening: String = "(The conversation starts now. You speak first.)",
        hidden: [HiddenText] = [.thinking], settings: GenerationSettings = GenerationSettings()
    ) {
        self.name = name
        self.player = player
        self.systemPrompt = systemPrompt
        self.opening = opening
        self.hidden = hidden
        self.settings = settings
    }

    /// True when `name` is a valid speaker name.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                || scalar == "_")
        }
    }
}
