import Foundation

/// `systemcard moderate`: reads items from JSON Lines, classifies them with one model through the call cache
/// (a second run of the same file asks the endpoint nothing), and gives one result line per input line, in order.
///
/// An input line is `{"id": …, "text": …}` (a request), or `{"id": …, "prompt": …, "response": …}` (the response is
/// classified); `id` defaults to the line number. A line that is not such an object, or an answer the classifier's
/// format cannot read, gives a line with `error` and never a verdict.
public enum ModerationBatch {
    /// One output line.
    public struct Line: Sendable, Codable, Equatable {
        /// The input's `id`, or its line number.
        public var id: String
        /// `prompt` or `response`; nil when the input line could not be read.
        public var turn: ModerationTurn?
        /// The verdict; nil on an error.
        public var verdict: ModerationVerdict?
        /// What went wrong, when something did.
        public var error: String?
        /// The classifier format and version (`systemcard@systemcard-moderation-v1`).
        public var classifier: String
        /// The model that classified.
        public var model: String

        enum CodingKeys: String, CodingKey {
            case id, turn, flagged, categories, labels, probability, answer, error, classifier, model
        }

        init(id: String, turn: ModerationTurn?, verdict: ModerationVerdict?, error: String?, classifier: String, model: String) {
            self.id = id
            self.turn = turn
            self.verdict = verdict
            self.error = error
            self.classifier = classifier
            self.model = model
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            turn = try container.decodeIfPresent(ModerationTurn.self, forKey: .turn)
            error = try container.decodeIfPresent(String.self, forKey: .error)
            classifier = try container.decode(String.self, forKey: .classifier)
            model = try container.decode(String.self, forKey: .model)
            if let flagged = try container.decodeIfPresent(Bool.self, forKey: .flagged) {
                verdict = ModerationVerdict(
                    flagged: flagged, categories: try container.decode([String].self, forKey: .categories),
                    labels: try container.decode([String].self, forKey: .labels),
                    probability: try container.decodeIfPresent(Double.self, forKey: .probability),
                    rawAnswer: try container.decode(String.self, forKey: .answer))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encodeIfPresent(turn, forKey: .turn)
            if let verdict {
                try container.encode(verdict.flagged, forKey: .flagged)
                try container.encode(verdict.categories, forKey: .categories)
                try container.encode(verdict.labels, forKey: .labels)
                try container.encodeIfPresent(verdict.probability, forKey: .probability)
                try container.encode(verdict.rawAnswer, forKey: .answer)
            }
            try container.encodeIfPresent(error, forKey: .error)
            try container.encode(classifier, forKey: .classifier)
            try container.encode(model, forKey: .model)
        }
    }

    /// An input line: an item, or why it cannot be one.
    enum Input: Sendable {
        case item(ModerationItem)
        case invalid(id: String, reason: String)
    }

    /// Reads JSON Lines `data` (named `file` in errors); blank lines are skipped.
    static func inputs(from data: Data, file: String) -> [Input] {
        var inputs: [Input] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let fallbackID = String(lineNumber)
            guard case .object(let object)? = try? JSONCoding.decoder.decode(JSONValue.self, from: Data(line)) else {
                inputs.append(.invalid(id: fallbackID, reason: "\(file) line \(lineNumber): not a JSON object"))
                continue
            }
            let id = object["id"].map(\.text).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
            func string(_ key: String) -> String? {
                guard case .string(let value)? = object[key] else { return nil }
                return value
            }
            if let response = string("response") {
                guard let prompt = string("prompt") else {
                    inputs.append(.invalid(id: id, reason: "\(file) line \(lineNumber): a response needs its \"prompt\""))
                    continue
                }
                inputs.append(.item(ModerationItem(id: id, prompt: prompt, response: response)))
            } else if let text = string("text") ?? string("prompt") {
                inputs.append(.item(ModerationItem(id: id, prompt: text)))
            } else {
                inputs.append(.invalid(
                    id: id, reason: "\(file) line \(lineNumber): needs a string \"text\" (or \"prompt\" and \"response\")"))
            }
        }
        return inputs
    }

    /// Classifies `inputs` with `classifier` on `client`, at most `concurrency` at once. Provider errors that
    /// should stop everything (a refused key, an unknown model) are thrown; others become error lines.
    static func run(
        _ inputs: [Input], classifier: ContentClassifier, client: ModelClient, concurrency: Int
    ) async throws -> [Line] {
        let model = client.provider.identity.model
        return try await inputs.concurrentMap(limit: concurrency) { _, input in
            switch input {
            case .invalid(let id, let reason):
                return Line(id: id, turn: nil, verdict: nil, error: reason, classifier: classifier.identity, model: model)
            case .item(let item):
                let role = CachedModelRole(name: "classifier", client: client, epoch: 1, ledger: CallLedger(), isGrader: true)
                do {
                    let verdict = try await classifier.classify(item, using: role)
                    return Line(id: item.id, turn: item.turn, verdict: verdict, error: nil, classifier: classifier.identity, model: model)
                } catch let error as GradingError {
                    let said = error.judgeOutput.map { " (it said: \(RunText.excerpt($0)))" } ?? ""
                    return Line(
                        id: item.id, turn: item.turn, verdict: nil, error: error.message + said,
                        classifier: classifier.identity, model: model)
                } catch let error as ProviderError where !error.isFatalForRun {
                    return Line(
                        id: item.id, turn: item.turn, verdict: nil, error: "classifier model: \(error.description)",
                        classifier: classifier.identity, model: model)
                }
            }
        }
    }

    /// Classifies the JSON Lines `data` with `model`, planned by `planner`, its calls cached in `store`.
    public static func run(
        jsonLines data: Data, file: String, classifier: ContentClassifier, model: ModelEndpoint, planner: RunPlanner,
        store: any ResultStore, concurrency: Int = 16
    ) async throws -> [Line] {
        try await run(inputs(from: data, file: file), classifier: classifier, model: model, planner: planner, store: store, concurrency: concurrency)
    }

    /// Classifies `items` with `model`.
    public static func run(
        items: [ModerationItem], classifier: ContentClassifier, model: ModelEndpoint, planner: RunPlanner,
        store: any ResultStore, concurrency: Int = 16
    ) async throws -> [Line] {
        try await run(items.map(Input.item), classifier: classifier, model: model, planner: planner, store: store, concurrency: concurrency)
    }

    static func run(
        _ inputs: [Input], classifier: ContentClassifier, model: ModelEndpoint, planner: RunPlanner,
        store: any ResultStore, concurrency: Int
    ) async throws -> [Line] {
        let client = try await ModelClient.preloaded(
            provider: try planner.provider(for: model), settings: GenerationSettings(temperature: 0), store: store,
            readsCache: true)
        let lines = try await run(inputs, classifier: classifier, client: client, concurrency: concurrency)
        try await store.flush()
        return lines
    }
}
