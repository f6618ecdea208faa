/// `variants` samples of every generated challenge kind in the selected tiers and categories (the files are
/// built per sample and epoch in the sandbox, so the dataset itself is only the list).
struct GeneratedCTFDataset: Dataset {
    var challenges: [GeneratedChallenge]
    var variants: Int

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var samples: [Sample] = []
        for challenge in challenges {
            for variant in 1...variants {
                samples.append(
                    Sample(
                        id: "\(challenge.kind)-\(variant)",
                        messages: [.user(challenge.prompt + " " + GeneratedChallenges.flagFormat)],
                        metadata: ["kind": challenge.kind, "category": challenge.category, "tier": challenge.tier.rawValue]))
            }
        }
        return LoadedDataset(samples: samples, files: [])
    }
}
