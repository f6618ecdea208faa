import Foundation

/// LAB-Bench rows as samples. Multiple choice: the `ideal` answer, the `distractors` and LAB-Bench's own
/// "Insufficient information to answer the question" option, in an order shuffled by a generator seeded
/// from the row's id (so every run and machine shows the same order). Open answer: the protocol and
/// question alone, the `ideal` answer as the target the judge compares with. ProtocolQA rows put the
/// protocol before the question, as LAB-Bench does.
struct LabBenchDataset: Dataset {
    /// LAB-Bench's abstain option, word for word.
    static let unsure = "Insufficient information to answer the question"
    /// Metadata key of the abstain option's letter.
    static let unsureKey = "unsure_option"

    var subtasks: [LabBenchSubtask]
    var openAnswer: Bool

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var groups: [[Sample]] = []
        var files: [DatasetFileDigest] = []
        for subtask in subtasks {
            let paths = openAnswer ? [subtask.openFile].compactMap { $0 } : subtask.choiceFiles
            var samples: [Sample] = []
            for path in paths {
                let (records, digest) = try directory.jsonl(path, dataset: "lab-bench")
                files.append(digest)
                samples += try records.map { try sample($0, subtask: subtask) }
            }
            groups.append(samples)
        }
        return LoadedDataset(samples: MMLUDataset.interleave(groups), files: files)
    }

    func sample(_ record: DataRecord, subtask: LabBenchSubtask) throws -> Sample {
        let id = try record.require("id")
        let question = try record.require("question")
        let ideal = try record.require("ideal")
        var text = question
        if let protocolText = record.optional("protocol"), !protocolText.isEmpty {
            text = "Protocol:\n\(protocolText)\n\nQuestion: \(question)"
        }
        var metadata = ["subtask": subtask.rawValue]
        if let tag = record.optional("tag") { metadata["tag"] = tag }
        if openAnswer {
            let prompt = text + "\n\nAnswer in at most three sentences: name the step to change and how to change it, "
                + "or give the answer the question asks for."
            return Sample(id: "\(subtask.rawValue)/\(id)", messages: [.user(prompt)], target: ideal, metadata: metadata)
        }
        let distractors = try Self.strings(try record.require("distractors"), record: record, field: "distractors")
        // Shuffle positions, not texts, so an ideal or distractor equal to the abstain text cannot confuse them.
        let texts = [ideal] + distractors + [Self.unsure]
        guard texts.count <= MultipleChoiceQuestion.letters.count else {
            throw record.error("distractors", "\(texts.count) options with the abstain option; at most \(MultipleChoiceQuestion.letters.count)")
        }
        var order = Array(texts.indices)
        var generator = SeededGenerator(seed: Self.seed(id))
        order.shuffle(using: &generator)
        let options = order.map { texts[$0] }
        let answer = order.firstIndex(of: 0)!
        let unsureIndex = order.firstIndex(of: texts.count - 1)!
        let item: MultipleChoiceQuestion
        do {
            item = try MultipleChoiceQuestion(
                question: text, options: options, answer: MultipleChoiceQuestion.letter(at: answer), metadata: metadata)
        } catch {
            throw record.error(nil, "\(error)")
        }
        var sample = item.sample(id: "\(subtask.rawValue)/\(id)")
        sample.metadata[Self.unsureKey] = MultipleChoiceQuestion.letter(at: unsureIndex)
        return sample
    }

    /// A JSON list of strings, as the reader keeps nested values (compact JSON text).
    static func strings(_ json: String, record: DataRecord, field: String) throws -> [String] {
        guard let value = try? JSONCoding.decoder.decode(JSONValue.self, from: Data(json.utf8)),
            case .array(let items) = value
        else { throw record.error(field, "expected a list of strings") }
        return try items.map {
            guard case .string(let text) = $0, !text.isEmpty else { throw record.error(field, "expected a list of strings") }
            return text
        }
    }

    /// The shuffle seed of a row: the first 8 bytes of its id's SHA-256.
    static func seed(_ id: String) -> UInt64 {
        UInt64(SHA256Digest.hex(id).prefix(16), radix: 16) ?? 0
    }
}
