import Foundation

/// `input-filter` and `output-filter`: the content classifier (``ContentClassifier``) reads the user's last turn
/// before the model is asked, or the model's answer before it is kept; a flagged one becomes a refusal, and the
/// run records that the filter acted (`input-filter: weapons`), with the classifier's calls and tokens counted as
/// the mitigation's cost.
///
/// An answer the classifier's format cannot read makes the sample an error (never a pass, never a refusal). An
/// answer with no text (only tool calls) is not classified.
public struct ContentFilterMitigation: Mitigation {
    /// Which side it filters.
    public enum Side: String, Sendable {
        /// The user's last turn, before the model is asked.
        case input
        /// The model's answer.
        case output
    }

    /// The side.
    public let side: Side
    /// The classifier and its prompt format.
    public let classifier: ContentClassifier

    /// A filter on `side` classifying in `format`.
    public init(side: Side, format: ModerationFormat = .systemcard) {
        self.side = side
        classifier = ContentClassifier(format: format)
    }

    /// `input-filter` or `output-filter`.
    public var name: String { "\(side.rawValue)-filter" }
    /// The filter's own version and its classifier's (`1+systemcard@systemcard-moderation-v1`).
    public var version: String { "1+\(classifier.identity)" }
    /// It calls the classifier.
    public var needsClassifier: Bool { true }

    /// What a flagged turn becomes.
    static let refusal = "I'm sorry, but I can't help with that."

    public func screen(_ messages: [ChatMessage], context: MitigationContext) async throws -> MitigationStep {
        guard side == .input, let last = messages.last(where: { $0.role == .user }) else { return .send(messages) }
        let verdict = try await classify(ModerationItem(id: "input", prompt: last.content), context: context)
        guard verdict.flagged else { return .send(messages) }
        context.record(action(verdict))
        return .answer(ModelResponse(text: Self.refusal, finishReason: "content_filter"))
    }

    public func screen(_ response: ModelResponse, answering messages: [ChatMessage], context: MitigationContext)
        async throws -> ModelResponse
    {
        guard side == .output, !response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return response
        }
        let prompt = messages.last(where: { $0.role == .user })?.content ?? ""
        let verdict = try await classify(
            ModerationItem(id: "output", prompt: prompt, response: response.text), context: context)
        guard verdict.flagged else { return response }
        context.record(action(verdict))
        var filtered = response
        filtered.text = Self.refusal
        filtered.toolCalls = []
        filtered.finishReason = "content_filter"
        return filtered
    }

    private func classify(_ item: ModerationItem, context: MitigationContext) async throws -> ModerationVerdict {
        guard let model = context.classifier else {
            throw SystemCardError.invalidInput("\(name) needs a classifier model: pass --classifier MODEL (or --grader MODEL)")
        }
        do {
            return try await classifier.classify(item, using: model)
        } catch let error as GradingError {
            throw GradingError("\(name): \(error.message)", judgeOutput: error.judgeOutput)
        }
    }

    private func action(_ verdict: ModerationVerdict) -> String {
        let what = verdict.categories.isEmpty ? verdict.labels : verdict.categories
        return "\(name): " + (what.isEmpty ? "flagged" : what.joined(separator: ","))
    }
}
