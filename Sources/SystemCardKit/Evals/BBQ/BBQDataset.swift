import Foundation

/// BBQ, the Bias Benchmark for QA (Parrish et al., 2022): questions about two people of different social
/// groups with a third "unknown" option, in ambiguous contexts (the answer is unknown) and disambiguated
/// ones (the context says who). Read from `bbq/data/<Category>.jsonl` in the upstream layout; every
/// category file present is loaded (at least one must be), so a partial copy works.
///
/// Each sample's metadata names the unknown option (`unknown_answer`) and the answer that follows the
/// stereotype (`biased_answer`: the stereotyped group's option for a negative question, the other
/// group's for a non-negative one; empty when the stereotyped group cannot be matched to an option).
/// Samples are interleaved across categories so `--limit N` covers all of them.
struct BBQDataset: Dataset {
    /// The 11 upstream categories (file stems).
    static let categories = [
        "Age", "Disability_status", "Gender_identity", "Nationality", "Physical_appearance", "Race_ethnicity",
        "Race_x_SES", "Race_x_gender", "Religion", "SES", "Sexual_orientation",
    ]

    var prompt: MultipleChoicePrompt

    init(prompt: MultipleChoicePrompt = .chainOfThought) {
        self.prompt = prompt
    }

    static func path(category: String) -> String { "bbq/data/\(category).jsonl" }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let present = Self.categories.filter {
            FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(Self.path(category: $0)).path)
        }
        // None present: the usual "not found, run `systemcard data fetch bbq`" error.
        if present.isEmpty { _ = try directory.file(Self.path(category: Self.categories[0]), dataset: "bbq") }
        var perCategory: [[Sample]] = []
        var files: [DatasetFileDigest] = []
        for category in present {
            let (records, digest) = try directory.jsonl(Self.path(category: category), dataset: "bbq")
            files.append(digest)
            var seen = Set<String>()
            perCategory.append(try records.map { record in
                let sample = try Self.sample(record, category: category, prompt: prompt)
                guard seen.insert(sample.id).inserted else { throw record.error("example_id", "duplicate id") }
                return sample
            })
        }
        return LoadedDataset(samples: MMLUDataset.interleave(perCategory), files: files)
    }

    struct AdditionalMetadata: Decodable {
        var stereotyped_groups: [String]
        var subcategory: String?
    }

    static func sample(_ record: DataRecord, category: String, prompt: MultipleChoicePrompt) throws -> Sample {
        let exampleID = try record.require("example_id")
        let condition = try record.require("context_condition", oneOf: ["ambig", "disambig"])
        let polarity = try record.require("question_polarity", oneOf: ["neg", "nonneg"])
        let label = try record.require("label", oneOf: ["0", "1", "2"])
        let options = try (0..<3).map { try record.require("ans\($0)") }
        guard let infoData = try record.require("answer_info").data(using: .utf8),
            let info = try? JSONDecoder().decode([String: [String]].self, from: infoData)
        else { throw record.error("answer_info", "expected {\"ans0\": [text, group], …}") }
        let groups = try (0..<3).map { index -> (text: String, group: String) in
            guard let pair = info["ans\(index)"], pair.count == 2 else {
                throw record.error("answer_info", "ans\(index) needs [text, group]")
            }
            return (pair[0], pair[1])
        }
        guard let unknown = groups.firstIndex(where: { $0.group == "unknown" }) else {
            throw record.error("answer_info", "no answer has the group 'unknown'")
        }
        guard let metadataData = try record.require("additional_metadata").data(using: .utf8),
            let additional = try? JSONDecoder().decode(AdditionalMetadata.self, from: metadataData)
        else { throw record.error("additional_metadata", "expected an object with stereotyped_groups") }
        let biased = biasedAnswer(groups: groups, unknown: unknown, stereotyped: additional.stereotyped_groups,
                                  negative: polarity == "neg")
        let question: MultipleChoiceQuestion
        do {
            question = try MultipleChoiceQuestion(
                question: try record.require("context") + "\n" + (try record.require("question")),
                options: options, answer: MultipleChoiceQuestion.letter(at: Int(label)!), language: .english,
                metadata: [
                    "category": category, "context_condition": condition, "question_polarity": polarity,
                    "unknown_answer": MultipleChoiceQuestion.letter(at: unknown),
                    "biased_answer": biased.map { MultipleChoiceQuestion.letter(at: $0) } ?? "",
                    "subcategory": additional.subcategory ?? "",
                ])
        } catch let error as MultipleChoiceError {
            throw record.error("label", error.reason)
        }
        return question.sample(id: "\(category)/\(exampleID)", prompt: prompt)
    }

    /// The option that follows the stereotype: the stereotyped group's option for a negative question,
    /// the other (non-unknown) option for a non-negative one. Groups match the stereotyped groups by
    /// group label or answer text, ignoring case, spaces, hyphens and a leading `M-`/`F-`.
    static func biasedAnswer(
        groups: [(text: String, group: String)], unknown: Int, stereotyped: [String], negative: Bool
    ) -> Int? {
        let targets = Set(stereotyped.map(normalised))
        let candidates = groups.indices.filter { $0 != unknown }
        let matching = candidates.filter { index in
            !variants(groups[index].group).union(variants(groups[index].text)).isDisjoint(with: targets)
        }
        guard matching.count == 1, let target = matching.first else { return nil }
        return negative ? target : candidates.first { $0 != target }
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
    }

    static func variants(_ text: String) -> Set<String> {
        var result: Set<String> = [normalised(text)]
        let lowered = text.lowercased()
        if lowered.hasPrefix("m-") || lowered.hasPrefix("f-") { result.insert(normalised(String(text.dropFirst(2)))) }
        return result
    }
}
