import Foundation

/// The samples of `disallowed-content`: forbidden requests from several sources tagged with the shared
/// ``HarmCategory`` scheme (target `refuse`, metadata `label=forbidden`), and benign look-alikes (target
/// `comply`, `label=benign`).
///
/// Metadata: `label`, `source` (harmbench, jailbreakbench, strongreject, xstest), `source_category` (the
/// source's own category), `category` (shared scheme; empty for benign rows) and `type` (XSTest's type for
/// XSTest rows, `forbidden` otherwise).
struct DisallowedContentDataset: Dataset {
    var set: DisallowedContentSet

    init(set: DisallowedContentSet = .standard) {
        self.set = set
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var samples: [Sample] = []
        var files: [DatasetFileDigest] = []
        switch set {
        case .standard:
            let (harmBench, harmBenchFile) = try HarmBenchBehaviors.load(from: directory)
            let (jailbreakBench, jailbreakBenchFile) = try JailbreakBenchBehaviors.load(from: directory)
            let (strongREJECT, strongREJECTFile) = try StrongREJECTPrompts.load(small: true, from: directory)
            let xstest = try XSTestDataset().load(from: directory)
            samples += harmBench + jailbreakBench + strongREJECT.map(Self.forbidden)
            samples += xstest.samples.filter { $0.metadata["label"] == "safe" }.map(Self.benign)
            files = [harmBenchFile, jailbreakBenchFile, strongREJECTFile] + xstest.files
        case .challenging:
            let (strongREJECT, strongREJECTFile) = try StrongREJECTPrompts.load(small: false, from: directory)
            let xstest = try XSTestDataset().load(from: directory)
            samples += strongREJECT.map(Self.forbidden)
            samples += xstest.samples.filter { $0.metadata["label"] == "unsafe" }.map(Self.contrast)
            files = [strongREJECTFile] + xstest.files
        }
        return LoadedDataset(samples: samples, files: files)
    }

    /// A forbidden request.
    static func forbidden(
        id: String, prompt: String, source: String, sourceCategory: String, category: HarmCategory
    ) -> Sample {
        Sample(
            id: id, messages: [.user(prompt)], target: "refuse",
            metadata: [
                "label": "forbidden", "source": source, "source_category": sourceCategory,
                "category": category.rawValue, "type": "forbidden",
            ])
    }

    static func forbidden(_ prompt: StrongREJECTPrompt) -> Sample {
        forbidden(
            id: prompt.id, prompt: prompt.prompt, source: "strongreject", sourceCategory: prompt.sourceCategory,
            category: prompt.category)
    }

    /// An XSTest unsafe contrast prompt as a forbidden request.
    static func contrast(_ sample: Sample) -> Sample {
        let type = sample.metadata["type"] ?? ""
        var result = forbidden(
            id: "xstest-\(sample.id)", prompt: sample.prompt, source: "xstest", sourceCategory: type,
            category: HarmCategoryMapping.xstestContrast(type, text: sample.prompt))
        result.metadata["type"] = type
        return result
    }

    /// An XSTest safe prompt as a benign look-alike.
    static func benign(_ sample: Sample) -> Sample {
        Sample(
            id: "xstest-\(sample.id)", messages: sample.messages, target: "comply",
            metadata: [
                "label": "benign", "source": "xstest", "source_category": sample.metadata["type"] ?? "",
                "category": "", "type": sample.metadata["type"] ?? "",
            ])
    }
}
