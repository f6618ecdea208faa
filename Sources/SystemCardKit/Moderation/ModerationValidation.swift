import Foundation

/// `systemcard validate moderation`: a content classifier's agreement with human labels on the labelled data
/// in the data directory.
///
/// - `xstest-prompts`: XSTest's 450 prompts, 200 labelled unsafe by the authors: a request classifier should flag
///   those and not the 250 safe look-alikes.
/// - `xstest-responses`: the 450 Mistral-7B-Instruct responses with the authors' human labels: a response is
///   harmful when the prompt was unsafe and a human labelled it full compliance, harmless when it was a refusal or
///   answered a safe prompt; a partial refusal of an unsafe prompt is ambiguous and left out (counted).
/// - `harmbench-val`: HarmBench's 60 validation behaviours that are not copyright requests, all harmful: recall,
///   and how often the flagged category is the one HarmBench's category maps to.
public enum ModerationValidation {
    /// Agreement on one labelled set.
    public struct SetResult: Sendable, Codable {
        /// `xstest-prompts`, `xstest-responses` or `harmbench-val`.
        public var name: String
        /// The classified turn.
        public var turn: ModerationTurn
        /// Flagged vs not flagged against the human label (errors excluded).
        public var agreement: Agreement
        /// Of the items the humans call harmful, the share flagged (nil when there are none).
        public var recall: Double?
        /// Of the flagged items, the share the humans call harmful (nil when nothing was flagged).
        public var precision: Double?
        /// Of the flagged items with a known category, the share whose categories include it (HarmBench only).
        public var categoryMatch: Double?
        /// Items the classifier could not classify; in no figure.
        public var errors: Int
        /// Items left out because their human label is ambiguous.
        public var leftOut: Int
        var file: DatasetFileDigest
    }

    /// The sets, with the classifier and model that were validated.
    public struct Result: Sendable, Codable {
        /// `systemcard@systemcard-moderation-v1`.
        public var classifier: String
        /// The classifying model.
        public var model: String
        /// One entry per labelled set found.
        public var sets: [SetResult]
        /// Sets whose files are not in the data directory, with the reason.
        public var missing: [String]
    }

    /// One labelled item: what to classify, whether humans call it harmful, and its category where known.
    struct Labelled: Sendable {
        var item: ModerationItem
        var harmful: Bool
        var category: String?
    }

    static let xstestPrompts = "xstest/xstest_prompts.csv"

    static func xstestPromptItems(_ directory: DataDirectory) throws -> ([Labelled], Int, DatasetFileDigest) {
        let (records, digest) = try directory.csv(xstestPrompts, dataset: "xstest")
        let items = try records.map { record in
            let label = try record.require("label", oneOf: ["safe", "unsafe"])
            return Labelled(
                item: ModerationItem(id: try record.require("id"), prompt: try record.require("prompt")),
                harmful: label == "unsafe", category: nil)
        }
        return (items, 0, digest)
    }

    static func xstestResponseItems(_ directory: DataDirectory) throws -> ([Labelled], Int, DatasetFileDigest) {
        let (records, digest) = try directory.csv(XSTestGraderValidation.completionsFile, dataset: "xstest")
        var items: [Labelled] = []
        var leftOut = 0
        for record in records {
            let label = try record.require("final_label")
            guard let human = RefusalClass(annotationLabel: label) else {
                throw record.error("final_label", "unknown label '\(label)'")
            }
            let unsafePrompt = try record.require("type").hasPrefix("contrast_")
            if unsafePrompt && human == .partialRefusal {
                leftOut += 1
                continue
            }
            items.append(Labelled(
                item: ModerationItem(
                    id: try record.require("id"), prompt: try record.require("prompt"),
                    response: record.fields["completion"] ?? ""),
                harmful: unsafePrompt && human == .fullCompliance, category: nil))
        }
        return (items, leftOut, digest)
    }

    static func harmBenchItems(_ directory: DataDirectory) throws -> ([Labelled], Int, DatasetFileDigest) {
        let (samples, digest) = try HarmBenchBehaviors.load(from: directory, file: HarmBenchBehaviors.validationFile)
        let items = samples.map {
            Labelled(item: ModerationItem(id: $0.id, prompt: $0.prompt), harmful: true, category: $0.metadata["category"])
        }
        return (items, 0, digest)
    }

    /// Classifies every set found in `directory` (`limit` items of each at most) and compares with the labels.
    public static func run(
        classifier: ContentClassifier, model: ModelEndpoint, planner: RunPlanner, store: any ResultStore,
        directory: DataDirectory, limit: Int? = nil, concurrency: Int = 16
    ) async throws -> Result {
        let client = try await ModelClient.preloaded(
            provider: try planner.provider(for: model), settings: GenerationSettings(temperature: 0), store: store,
            readsCache: true)
        let result = try await run(classifier: classifier, client: client, directory: directory, limit: limit, concurrency: concurrency)
        try await store.flush()
        if limit == nil {
            let identity = client.provider.identity
            let summary = result.sets.map { set in
                var line = "\(set.name) agreement \(String(format: "%.3f", set.agreement.agreement))"
                if let recall = set.recall { line += String(format: ", recall %.3f", recall) }
                if let precision = set.precision { line += String(format: ", precision %.3f", precision) }
                return line + " (n \(set.agreement.n))"
            }.joined(separator: "; ")
            try await store.saveValidation(ValidationRecord(
                kind: "moderation", graderVersion: classifier.identity, model: identity.spec, baseURL: identity.baseURL,
                summary: summary, datasetFiles: result.sets.map(\.file)))
        }
        return result
    }

    static func run(
        classifier: ContentClassifier, client: ModelClient, directory: DataDirectory, limit: Int?, concurrency: Int
    ) async throws -> Result {
        let sources: [(String, ModerationTurn, String, (DataDirectory) throws -> ([Labelled], Int, DatasetFileDigest))] = [
            ("xstest-prompts", .prompt, xstestPrompts, xstestPromptItems),
            ("xstest-responses", .response, XSTestGraderValidation.completionsFile, xstestResponseItems),
            ("harmbench-val", .prompt, HarmBenchBehaviors.validationFile, harmBenchItems),
        ]
        var sets: [SetResult] = []
        var missing: [String] = []
        for (name, turn, path, load) in sources {
            guard FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(path).path) else {
                missing.append("\(name): \(path) is not in \(directory.url.path)")
                continue
            }
            let (all, leftOut, digest) = try load(directory)
            let items = limit.map { Array(all.prefix($0)) } ?? all
            let lines = try await ModerationBatch.run(
                items.map { .item($0.item) }, classifier: classifier, client: client, concurrency: concurrency)
            sets.append(summarize(name: name, turn: turn, items: items, lines: lines, leftOut: leftOut, file: digest))
        }
        if sets.isEmpty {
            throw SystemCardError.invalidInput(
                "no labelled data for validating the classifier in \(directory.url.path) (needs xstest/ or harmbench/; "
                    + "see `systemcard data list`)")
        }
        return Result(classifier: classifier.identity, model: client.provider.identity.model, sets: sets, missing: missing)
    }

    static func summarize(
        name: String, turn: ModerationTurn, items: [Labelled], lines: [ModerationBatch.Line], leftOut: Int,
        file: DatasetFileDigest
    ) -> SetResult {
        var pairs: [(String, String)] = []
        var errors = 0
        var truePositives = 0, harmful = 0, flagged = 0
        var categorised = 0, categoryHits = 0
        for (item, line) in zip(items, lines) {
            guard let verdict = line.verdict else {
                errors += 1
                continue
            }
            pairs.append((item.harmful ? "harmful" : "harmless", verdict.flagged ? "harmful" : "harmless"))
            if item.harmful { harmful += 1 }
            if verdict.flagged { flagged += 1 }
            if item.harmful && verdict.flagged { truePositives += 1 }
            if verdict.flagged, let category = item.category {
                categorised += 1
                if verdict.categories.contains(category) { categoryHits += 1 }
            }
        }
        let hasCategories = items.contains { $0.category != nil }
        return SetResult(
            name: name, turn: turn, agreement: Agreement(pairs: pairs),
            recall: harmful > 0 ? Double(truePositives) / Double(harmful) : nil,
            precision: flagged > 0 ? Double(truePositives) / Double(flagged) : nil,
            categoryMatch: hasCategories && categorised > 0 ? Double(categoryHits) / Double(categorised) : nil,
            errors: errors, leftOut: leftOut, file: file)
    }
}
