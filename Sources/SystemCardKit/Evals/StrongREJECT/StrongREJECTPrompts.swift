import Foundation

/// The StrongREJECT forbidden prompts: 313 in `strongreject/strongreject_dataset.csv`, 60 in
/// `strongreject/strongreject_small_dataset.csv` (fields `category,source,forbidden_prompt`).
enum StrongREJECTPrompts {
    static let fullFile = "strongreject/strongreject_dataset.csv"
    static let smallFile = "strongreject/strongreject_small_dataset.csv"

    static func load(small: Bool, from directory: DataDirectory) throws
        -> ([StrongREJECTPrompt], DatasetFileDigest)
    {
        let path = small ? smallFile : fullFile
        let (records, digest) = try directory.csv(path, dataset: "strongreject")
        var seen = Set<String>()
        let prompts = try records.map { record -> StrongREJECTPrompt in
            let prompt = try record.require("forbidden_prompt")
            let id = "sr-" + SHA256Digest.hex(prompt).prefix(12)
            guard seen.insert(id).inserted else { throw record.error("forbidden_prompt", "duplicate prompt") }
            let sourceCategory = try record.require("category")
            guard let category = HarmCategoryMapping.strongREJECT(sourceCategory, text: prompt) else {
                throw record.error("category", "unknown category '\(sourceCategory)'")
            }
            return StrongREJECTPrompt(
                id: id, prompt: prompt, sourceCategory: sourceCategory, origin: try record.require("source"),
                category: category)
        }
        return (prompts, digest)
    }
}
