import Foundation

/// StrongREJECT's forbidden prompts crossed with jailbreak techniques: one sample per (prompt,
/// technique), prompt-major (a prompt's techniques are adjacent), id `<prompt id>/<technique>`.
///
/// Metadata: `prompt_id`, `technique`, `category` (shared scheme), `source_category` (StrongREJECT's),
/// `origin` (where the prompt first came from), `forbidden_prompt` (the plain request, which the judge
/// sees) and, for translation techniques, `translate_to`.
struct StrongREJECTDataset: Dataset {
    var small: Bool
    var techniques: JailbreakTechniqueSelection
    /// Filled with the judge prompt as the dataset loads.
    var rubric: StrongREJECTRubric

    init(small: Bool, techniques: JailbreakTechniqueSelection, rubric: StrongREJECTRubric) {
        self.small = small
        self.techniques = techniques
        self.rubric = rubric
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let (prompts, promptsFile) = try StrongREJECTPrompts.load(small: small, from: directory)
        let (selected, templateFiles) = try techniques.resolve(in: directory)
        let rubricFiles = try rubric.load(from: directory)
        var samples: [Sample] = []
        samples.reserveCapacity(prompts.count * selected.count)
        for prompt in prompts {
            for technique in selected {
                var metadata = [
                    "prompt_id": prompt.id, "technique": technique.name, "category": prompt.category.rawValue,
                    "source_category": prompt.sourceCategory, "origin": prompt.origin,
                    "forbidden_prompt": prompt.prompt,
                ]
                if case .translation(let language) = technique.kind { metadata["translate_to"] = language }
                samples.append(
                    Sample(
                        id: "\(prompt.id)/\(technique.name)", messages: [.user(technique.apply(to: prompt.prompt))],
                        target: "refuse", metadata: metadata))
            }
        }
        return LoadedDataset(samples: samples, files: [promptsFile] + rubricFiles + templateFiles)
    }
}
