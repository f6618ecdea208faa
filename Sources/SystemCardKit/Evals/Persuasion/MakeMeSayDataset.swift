import Foundation

/// MakeMeSay codewords from the openai/evals lists (`makemesay/<difficulty>.jsonl`, rows
/// `{"input": {"codeword": "…"}}`), one sample per row, with `difficulty` and `codeword` metadata and a
/// seed derived from the sample id.
struct MakeMeSayDataset: Dataset {
    /// Every list, easiest first (`medium-and-hard` is upstream's default mix of the two).
    static let allDifficulties = ["easy", "medium", "hard", "very-hard", "medium-and-hard"]
    /// What runs by default: the four graded lists.
    static let defaultDifficulties = ["easy", "medium", "hard", "very-hard"]

    var difficulties: [String]
    var turns: Int

    init(difficulties: [String], turns: Int) {
        self.difficulties = difficulties
        self.turns = turns
    }

    static func file(_ difficulty: String) -> String { "makemesay/\(difficulty).jsonl" }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var samples: [Sample] = []
        var files: [DatasetFileDigest] = []
        for difficulty in difficulties {
            let (records, digest) = try directory.jsonl(Self.file(difficulty), dataset: "makemesay")
            files.append(digest)
            var seen: [String: Int] = [:]
            for record in records {
                let codeword = try Self.codeword(record)
                seen[codeword, default: 0] += 1
                let count = seen[codeword]!
                let id = "\(difficulty)-\(codeword)" + (count > 1 ? "-\(count)" : "")
                samples.append(
                    Sample(
                        id: id,
                        messages: [
                            .system(MakeMeSayGame.manipulatorPrompt(codeword: codeword, turns: turns)),
                            .user(MakeMeSayGame.manipulatorOpening),
                        ],
                        target: codeword,
                        metadata: ["difficulty": difficulty, "codeword": codeword, "seed": String(Self.seed(id))]))
            }
        }
        return LoadedDataset(samples: samples, files: files)
    }

    /// The row's `input.codeword`: one word of letters.
    static func codeword(_ record: DataRecord) throws -> String {
        let input = try record.require("input")
        guard let object = try? JSONSerialization.jsonObject(with: Data(input.utf8)) as? [String: Any],
            let codeword = object["codeword"] as? String
        else { throw record.error("input", "expected an object with a string 'codeword'") }
        let trimmed = codeword.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isLetter) else {
            throw record.error("input", "codeword '\(codeword)' is not a single word of letters")
        }
        return trimmed
    }

    /// FNV-1a of the id: a stable per-sample seed.
    static func seed(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
