import Foundation

/// HarmBench's text behaviours (test split), read from `harmbench/harmbench_behaviors_text_test.csv`.
///
/// Standard and contextual behaviours are kept (a contextual one is sent as its context, a `---` line
/// and the request, as HarmBench does); the 80 copyright behaviours are left out: they are not part of
/// the content policy.
enum HarmBenchBehaviors {
    static let testFile = "harmbench/harmbench_behaviors_text_test.csv"
    /// The validation split (80 behaviours, 60 without copyright), used to validate the content classifier.
    static let validationFile = "harmbench/harmbench_behaviors_text_val.csv"

    /// The forbidden-request samples of `file` (the test split by default) and the file's digest.
    static func load(from directory: DataDirectory, file: String = testFile) throws -> ([Sample], DatasetFileDigest) {
        let (records, digest) = try directory.csv(file, dataset: "harmbench")
        var seen = Set<String>()
        var samples: [Sample] = []
        for record in records {
            let functional = try record.require(
                "FunctionalCategory", oneOf: ["standard", "contextual", "copyright"])
            if functional == "copyright" { continue }
            let id = try record.require("BehaviorID")
            guard seen.insert(id).inserted else { throw record.error("BehaviorID", "duplicate id '\(id)'") }
            let behavior = try record.require("Behavior")
            let semantic = try record.require("SemanticCategory")
            guard let category = HarmCategoryMapping.harmBench(semantic, text: behavior) else {
                throw record.error("SemanticCategory", "unknown category '\(semantic)'")
            }
            var prompt = behavior
            if functional == "contextual" {
                let context = try record.require("ContextString")
                prompt = "\(context)\n\n---\n\n\(behavior)"
            }
            samples.append(
                DisallowedContentDataset.forbidden(
                    id: "harmbench-\(id)", prompt: prompt, source: "harmbench", sourceCategory: semantic,
                    category: category))
        }
        return (samples, digest)
    }
}
