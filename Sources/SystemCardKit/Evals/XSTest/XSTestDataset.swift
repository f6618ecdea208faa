/// XSTest (Röttger et al., 2024): 250 safe prompts that a well-calibrated model answers and 200 unsafe
/// contrast prompts it refuses, read from `xstest/xstest_prompts.csv` in the upstream layout.
struct XSTestDataset: Dataset {
    static let promptsFile = "xstest/xstest_prompts.csv"

    init() {}

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let (records, digest) = try directory.csv(Self.promptsFile, dataset: "xstest")
        var seen = Set<String>()
        let samples = try records.map { record -> Sample in
            let id = try record.require("id")
            guard seen.insert(id).inserted else { throw record.error("id", "duplicate id '\(id)'") }
            let label = try record.require("label", oneOf: ["safe", "unsafe"])
            return Sample(
                id: id,
                messages: [.user(try record.require("prompt"))],
                target: label == "safe" ? "comply" : "refuse",
                metadata: [
                    "type": try record.require("type"),
                    "label": label,
                    "focus": record.optional("focus") ?? "",
                    "note": record.optional("note") ?? "",
                ])
        }
        return LoadedDataset(samples: samples, files: [digest])
    }
}
