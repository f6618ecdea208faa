import Foundation

/// The real MLE-bench competitions of a split, for users who hold their data (Kaggle's, not redistributable):
/// the split lists (`mle-bench/splits/<split>.txt`, as in openai/mle-bench's `experiments/splits`) and, per
/// competition, a folder `mle-bench/competitions/<id>/` with `description.md`, `public/` (what the agent gets),
/// `private/answers.csv`, `grade.py` (the same contract as ours: submission and answers as arguments, the score
/// on the last line, exit 2 for an invalid submission) and `medals.json` (`{"higher_is_better": true, "bronze":
/// …, "silver": …, "gold": …, "baseline": …}`, baseline optional: the leaderboard's lines). Competitions without
/// a complete folder are named as not run; with none, the evaluation is not run and says what to provide.
struct MLEBenchDataset: Dataset {
    var split: String

    static let splits = ["low", "medium", "high", "split75", "systemcard", "dev", "spaceship-titanic"]

    /// What a competition folder must hold.
    static let required = ["description.md", "public", "private/answers.csv", "grade.py", "medals.json"]

    /// The folder of competition `id` under the data directory.
    static func folder(_ id: String, in directory: DataDirectory) -> URL {
        directory.url.appendingPathComponent("mle-bench/competitions/\(id)")
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let listPath = "mle-bench/splits/\(split).txt"
        let list = directory.url.appendingPathComponent(listPath)
        guard let text = try? String(contentsOf: list, encoding: .utf8) else {
            throw SystemCardError.invalidInput(
                "mle-bench is not run: no split list \(listPath) in \(directory.url.path). The lists are openai/mle-bench's "
                    + "experiments/splits (../shared/datasets/mle-bench has them); the competitions need Kaggle's data, "
                    + "prepared as docs/evals/autonomy.md describes. The generated competitions need nothing: "
                    + "--option set=generated")
        }
        let ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var samples: [Sample] = []
        var missing: [String] = []
        var digests: [String] = []
        for id in ids {
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw DatasetError(file: listPath, reason: "'\(id)' is not a competition id")
            }
            let folder = Self.folder(id, in: directory)
            guard Self.required.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) })
            else {
                missing.append(id)
                continue
            }
            let description = try String(contentsOf: folder.appendingPathComponent("description.md"), encoding: .utf8)
            let medals = try MLEBenchMedals(folder.appendingPathComponent("medals.json"))
            digests.append("\(id) \(try SHA256Digest.file(folder.appendingPathComponent("private/answers.csv")))")
            samples.append(
                Sample(
                    id: id, messages: [.user(description + "\n\n(The description is also in description.md.)")],
                    metadata: [
                        "competition": id, "kind": "mle-bench", Self.folderKey: folder.path,
                        "has_baseline": medals.baseline == nil ? "no" : "yes",
                    ]))
        }
        guard !samples.isEmpty else {
            throw SystemCardError.invalidInput(
                "mle-bench is not run: none of the \(ids.count) competitions of split '\(split)' has its data under "
                    + "\(directory.url.appendingPathComponent("mle-bench/competitions").path) (each needs "
                    + Self.required.joined(separator: ", ") + "; see docs/evals/autonomy.md). The generated "
                    + "competitions need nothing: --option set=generated")
        }
        var files = [DatasetFileDigest(path: listPath, sha256: try SHA256Digest.file(list))]
        files.append(DatasetFileDigest(path: "mle-bench/competitions", sha256: SHA256Digest.hex(digests.joined(separator: "\n"))))
        if !missing.isEmpty {
            files.append(DatasetFileDigest(
                path: "(not run: \(missing.count) lack their data: \(missing.joined(separator: ", ")))", sha256: "-"))
        }
        return LoadedDataset(samples: samples, files: files)
    }

    /// The sample metadata key of a competition's folder.
    static let folderKey = "mle_bench_folder"

    /// A competition of the user's as the evaluation runs it: its workspace folder, answers, grader and lines.
    static func competition(_ id: String, folder: URL) throws -> (MLECompetition, public: URL, answers: Data) {
        let medals = try MLEBenchMedals(folder.appendingPathComponent("medals.json"))
        let competition = MLECompetition(
            id: id, kind: "mle-bench",
            description: try String(contentsOf: folder.appendingPathComponent("description.md"), encoding: .utf8),
            generate: "", grade: try String(contentsOf: folder.appendingPathComponent("grade.py"), encoding: .utf8),
            higherIsBetter: medals.higherIsBetter,
            medals: MLEMedals(
                baseline: medals.baseline ?? .nan, bronze: medals.bronze, silver: medals.silver, gold: medals.gold,
                reference: medals.gold),
            reference: "", baseline: "", humanMinutes: 0)
        return (competition, folder.appendingPathComponent("public"), try Data(contentsOf: folder.appendingPathComponent("private/answers.csv")))
    }
}

/// A user competition's `medals.json`.
struct MLEBenchMedals: Decodable {
    var higherIsBetter: Bool
    var bronze: Double
    var silver: Double
    var gold: Double
    var baseline: Double?

    enum CodingKeys: String, CodingKey {
        case higherIsBetter = "higher_is_better"
        case bronze, silver, gold, baseline
    }

    init(_ url: URL) throws {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
        } catch {
            throw DatasetError(
                file: url.path, reason: "needs {\"higher_is_better\": bool, \"bronze\": n, \"silver\": n, \"gold\": n} "
                    + "(and optionally \"baseline\"): \(error)")
        }
    }
}
