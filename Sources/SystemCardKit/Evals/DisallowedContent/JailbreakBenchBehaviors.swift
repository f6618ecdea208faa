import Foundation

/// JailbreakBench's 100 harmful behaviours (JBB-Behaviors), read from the artifact file
/// `jbb-behaviors/JBC_manual_llama-2-7b-chat-hf.json`: its `goal` is the plain request (the artifact's
/// own jailbreak prompts and responses are not used).
enum JailbreakBenchBehaviors {
    static let file = "jbb-behaviors/JBC_manual_llama-2-7b-chat-hf.json"

    struct Artifact: Decodable {
        /// One behaviour of the artifact: its index, plain request (`goal`), behaviour and category.
        struct Entry: Decodable {
            var index: Int
            var goal: String
            var behavior: String
            var category: String
        }

        var jailbreaks: [Entry]
    }

    static func load(from directory: DataDirectory) throws -> ([Sample], DatasetFileDigest) {
        let url = try directory.file(file, dataset: "jbb-behaviors")
        let artifact: Artifact
        do {
            artifact = try JSONDecoder().decode(Artifact.self, from: Data(contentsOf: url))
        } catch {
            throw DatasetError(file: file, reason: "not a JailbreakBench artifact: \(error)")
        }
        var seen = Set<Int>()
        let samples = try artifact.jailbreaks.map { entry -> Sample in
            guard seen.insert(entry.index).inserted else {
                throw DatasetError(file: file, field: "index", reason: "duplicate index \(entry.index)")
            }
            guard let category = HarmCategoryMapping.jailbreakBench(entry.category, text: entry.goal) else {
                throw DatasetError(
                    file: file, field: "category",
                    reason: "unknown category '\(entry.category)' (index \(entry.index))")
            }
            var sample = DisallowedContentDataset.forbidden(
                id: "jbb-\(entry.index)", prompt: entry.goal, source: "jailbreakbench",
                sourceCategory: entry.category, category: category)
            sample.metadata["behavior"] = entry.behavior
            return sample
        }
        return (samples, DatasetFileDigest(path: file, sha256: try SHA256Digest.file(url)))
    }
}
