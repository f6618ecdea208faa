import Foundation

/// English MMLU (Hendrycks et al.), 57 subjects, from `mmlu/test/<subject>_test.csv` in the Hugging Face
/// `cais/mmlu` layout: header `question,choice0,choice1,choice2,choice3,answer`, `answer` 0-3.
///
/// Samples are interleaved across subjects (the first question of every subject, then the second, …), so
/// `--limit N` covers many subjects; ids are `<subject>/<row>` with rows counted from 0.
struct MMLUDataset: Dataset {
    var prompt: MultipleChoicePrompt

    init(prompt: MultipleChoicePrompt = .chainOfThought) {
        self.prompt = prompt
    }

    static func path(subject: String) -> String { "mmlu/test/\(subject)_test.csv" }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var perSubject: [[Sample]] = []
        var files: [DatasetFileDigest] = []
        for subject in MMLUSubjects.all {
            let (records, digest) = try directory.csv(Self.path(subject: subject), dataset: "mmlu")
            files.append(digest)
            perSubject.append(try records.enumerated().map { row, record in
                let answer = try record.require("answer", oneOf: ["0", "1", "2", "3"])
                let question: MultipleChoiceQuestion
                do {
                    question = try MultipleChoiceQuestion(
                        question: try record.require("question"),
                        options: try (0..<4).map { try record.require("choice\($0)") },
                        answer: MultipleChoiceQuestion.letter(at: Int(answer)!), language: .english,
                        metadata: ["subject": subject, "category": MMLUSubjects.category(of: subject)])
                } catch let error as MultipleChoiceError {
                    throw record.error(nil, error.reason)
                }
                return question.sample(id: "\(subject)/\(row)", prompt: prompt)
            })
        }
        return LoadedDataset(samples: Self.interleave(perSubject), files: files)
    }

    /// The first item of every group, then the second, and so on.
    static func interleave(_ groups: [[Sample]]) -> [Sample] {
        var samples: [Sample] = []
        samples.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        let longest = groups.map(\.count).max() ?? 0
        for row in 0..<longest {
            for group in groups where row < group.count { samples.append(group[row]) }
        }
        return samples
    }
}
