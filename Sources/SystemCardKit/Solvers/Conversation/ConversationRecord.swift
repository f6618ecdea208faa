import Foundation

/// A finished conversation: the turns, why it ended, and the answers to the closing questions. Stored
/// as the sample's transcript (``transcript(plan:)``) and read back by graders (``init(transcript:hidden:)``).
///
/// Transcript layout, readable as is:
/// - `system`: `[system prompt: NAME]` then the prompt, one per role;
/// - one message per turn, `NAME: text`, as `assistant` for the evaluated model's turns and `user` for
///   the others' (the full text, hidden parts included);
/// - `system`: `[end] reason`;
/// - per closing question, `system`: `[question to NAME]` then the question, and the answer as a turn.
struct ConversationRecord: Sendable, Hashable {
    /// Speaker name → system prompt, in role order.
    var systemPrompts: [String: String]
    var turns: [ConversationTurn]
    /// The ending as a line (``ConversationEnding/description``).
    var ending: String
    var closing: [ClosingAnswer]

    init(
        systemPrompts: [String: String] = [:], turns: [ConversationTurn], ending: String, closing: [ClosingAnswer] = []
    ) {
        self.systemPrompts = systemPrompts
        self.turns = turns
        self.ending = ending
        self.closing = closing
    }

    static let promptHeader = "[system prompt: "
    static let endHeader = "[end] "
    static let questionHeader = "[question to "

    /// The record as chat messages, from the evaluated model's side.
    func transcript(plan: ConversationPlan) -> [ChatMessage] {
        let evaluated = Set(plan.roles.filter { $0.player == .evaluated }.map(\.name))
        func message(_ turn: ConversationTurn) -> ChatMessage {
            let content = "\(turn.speaker): \(turn.text)"
            return evaluated.contains(turn.speaker) ? .assistant(content) : .user(content)
        }
        var messages: [ChatMessage] = plan.roles.map { .system("\(Self.promptHeader)\($0.name)]\n\($0.systemPrompt)") }
        messages += turns.map(message)
        messages.append(.system(Self.endHeader + ending))
        for item in closing {
            messages.append(.system("\(Self.questionHeader)\(item.answer.speaker)]\n\(item.question)"))
            messages.append(message(item.answer))
        }
        return messages
    }

    /// Reads a transcript written by ``transcript(plan:)``; `hidden` gives each speaker's hidden text
    /// (default: `<think>` blocks), to recompute what the other roles saw. Throws on a malformed transcript.
    init(transcript: [ChatMessage], hidden: [String: [HiddenText]] = [:]) throws {
        var prompts: [String: String] = [:]
        var turns: [ConversationTurn] = []
        var ending: String?
        var closing: [ClosingAnswer] = []
        var pendingQuestion: (role: String, question: String)?
        for message in transcript {
            switch message.role {
            case .system, .developer:
                let content = message.content
                if content.hasPrefix(Self.promptHeader), let close = content.firstIndex(of: "]") {
                    let name = Self.header(content, Self.promptHeader, close)
                    prompts[name] = String(content[close...].dropFirst().drop(while: { $0 == "\n" }))
                } else if content.hasPrefix(Self.endHeader) {
                    ending = String(content.dropFirst(Self.endHeader.count))
                } else if content.hasPrefix(Self.questionHeader), let close = content.firstIndex(of: "]") {
                    let name = Self.header(content, Self.questionHeader, close)
                    pendingQuestion = (name, String(content[close...].dropFirst().drop(while: { $0 == "\n" })))
                } else {
                    throw GradingError("conversation transcript has an unknown system line")
                }
            case .tool:
                throw GradingError("conversation transcript has a tool message (conversations call no tools)")
            case .user, .assistant:
                guard let separator = message.content.range(of: ": ") else {
                    throw GradingError("conversation transcript has a turn without a speaker")
                }
                let speaker = String(message.content[..<separator.lowerBound])
                guard ConversationRole.isValidName(speaker) else {
                    throw GradingError("conversation transcript has a turn with a malformed speaker name")
                }
                let text = String(message.content[separator.upperBound...])
                let turn = ConversationTurn(
                    speaker: speaker, text: text,
                    visibleText: HiddenText.strip(text, hiding: hidden[speaker] ?? [.thinking]))
                if ending == nil {
                    turns.append(turn)
                } else {
                    guard let question = pendingQuestion, question.role == speaker else {
                        throw GradingError("conversation transcript has an answer with no question")
                    }
                    closing.append(ClosingAnswer(question: question.question, answer: turn))
                    pendingQuestion = nil
                }
            }
        }
        guard let ending else { throw GradingError("conversation transcript has no [end] line") }
        self.init(systemPrompts: prompts, turns: turns, ending: ending, closing: closing)
    }

    /// The name between a header's opening text and its `]`.
    static func header(_ content: String, _ opening: String, _ close: String.Index) -> String {
        String(content[content.index(content.startIndex, offsetBy: opening.count)..<close])
    }

    /// The answer `role` gave to the closing questions (the last one it was asked), if any.
    func closingAnswer(of role: String) -> ConversationTurn? {
        closing.last { $0.answer.speaker == role }?.answer
    }
}
