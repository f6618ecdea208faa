/// Multilingual MMLU (openai MMMLU): the MMLU test set professionally translated into 14 languages, one
/// file per locale in openai's layout, `mmmlu/mmlu_<LOCALE>.csv` (e.g. `mmlu_FR-FR.csv`), with columns
/// `Question,A,B,C,D,Answer,Subject` (`Answer` a letter) and an unnamed leading index column.
///
/// Samples are interleaved across languages (row 0 of every language, then row 1, …), so `--limit N` on
/// several languages asks each about the same questions. Ids are `<language>/<index>`.
struct MMMLUDataset: Dataset {
    var languages: [AnswerLanguage]
    var prompt: MultipleChoicePrompt

    init(languages: [AnswerLanguage] = AnswerLanguage.mmmlu, prompt: MultipleChoicePrompt = .chainOfThought) {
        self.languages = languages
        self.prompt = prompt
    }

    /// `mmmlu/mmlu_FR-FR.csv` for French.
    static func path(for language: AnswerLanguage) -> String {
        "mmmlu/mmlu_\(language.mmmluLocale ?? "EN-US").csv"
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var perLanguage: [[Sample]] = []
        var files: [DatasetFileDigest] = []
        for language in languages {
            let path = Self.path(for: language)
            let (records, digest) = try directory.csv(path, dataset: "mmmlu")
            files.append(digest)
            var seen = Set<String>()
            perLanguage.append(try records.enumerated().map { row, record in
                let index = record.optional("") ?? record.optional("Unnamed: 0") ?? String(row)
                guard seen.insert(index).inserted else { throw record.error("", "duplicate index '\(index)'") }
                let subject = try record.require("Subject")
                let question: MultipleChoiceQuestion
                do {
                    question = try MultipleChoiceQuestion(
                        question: try record.require("Question"),
                        options: try ["A", "B", "C", "D"].map { try record.require($0) },
                        answer: try record.require("Answer"), language: language,
                        metadata: ["subject": subject, "category": MMLUSubjects.category(of: subject)])
                } catch let error as MultipleChoiceError {
                    throw record.error("Answer", error.reason)
                }
                return question.sample(id: "\(language.rawValue)/\(index)", prompt: prompt)
            })
        }
        return LoadedDataset(samples: MMLUDataset.interleave(perLanguage), files: files)
    }
}
