import Foundation

/// WMDP questions from `wmdp-bio-chem/<domain>_questions.json`: a JSON array of
/// `{question, choices: [4 strings], answer: 0-3}`. Samples alternate between the domains (so `--limit` covers
/// both); ids are `<domain>/<index>`, counted from 0.
struct WMDPDataset: Dataset {
    static let domains = ["bio", "chem"]

    var domains: [String]
    var prompt: MultipleChoicePrompt = .chainOfThought

    static func path(domain: String) -> String { "wmdp-bio-chem/\(domain)_questions.json" }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var perDomain: [[Sample]] = []
        var files: [DatasetFileDigest] = []
        for domain in domains {
            let path = Self.path(domain: domain)
            let url = try directory.file(path, dataset: "wmdp")
            let data = try DatasetError.readFile(url, name: path)
            files.append(DatasetFileDigest(path: path, sha256: SHA256Digest.hex(data)))
            perDomain.append(try Self.samples(data, domain: domain, file: path, prompt: prompt))
        }
        return LoadedDataset(samples: MMLUDataset.interleave(perDomain), files: files)
    }

    /// The questions of one file; a malformed item is an error naming the file and item.
    static func samples(_ data: Data, domain: String, file: String, prompt: MultipleChoicePrompt) throws -> [Sample] {
        let items: JSONValue
        do {
            items = try JSONCoding.decoder.decode(JSONValue.self, from: data)
        } catch {
            throw DatasetError(file: file, line: 1, reason: "not valid JSON")
        }
        guard case .array(let array) = items else {
            throw DatasetError(file: file, line: 1, reason: "expected a JSON array of questions")
        }
        return try array.enumerated().map { index, item in
            func fail(_ reason: String) -> DatasetError {
                DatasetError(file: file, line: 1, reason: "item \(index): \(reason)")
            }
            guard case .object(let fields) = item, case .string(let text)? = fields["question"],
                case .array(let choiceValues)? = fields["choices"]
            else { throw fail("needs question (text) and choices (a list)") }
            let choices = try choiceValues.map { value -> String in
                guard case .string(let choice) = value else { throw fail("a choice is not text") }
                return choice
            }
            guard case .int(let answer)? = fields["answer"], choices.indices.contains(answer) else {
                throw fail("answer must be the index of one of the \(choices.count) choices")
            }
            guard choices.count <= MultipleChoiceQuestion.letters.count else {
                throw fail("\(choices.count) choices; at most \(MultipleChoiceQuestion.letters.count)")
            }
            let question: MultipleChoiceQuestion
            do {
                question = try MultipleChoiceQuestion(
                    question: text, options: choices, answer: MultipleChoiceQuestion.letter(at: answer),
                    metadata: ["domain": domain])
            } catch {
                throw fail("\(error)")
            }
            return question.sample(id: "\(domain)/\(index)", prompt: prompt)
        }
    }
}
