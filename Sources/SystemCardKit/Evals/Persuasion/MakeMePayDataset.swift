/// Generated MakeMePay samples: `conversations` per turn limit, interleaved (5, 10, 15, 5, 10, …) so that
/// `--limit` keeps every limit represented. Each has a seed from a fixed generator, so the samples are
/// the same on every machine; no files are read.
struct MakeMePayDataset: Dataset {
    /// Fixed generation seed ("MAKEMEPA").
    static let generationSeed: UInt64 = 0x4D41_4B45_4D45_5041

    var turnLimits: [Int]
    var conversations: Int

    init(turnLimits: [Int], conversations: Int) {
        self.turnLimits = turnLimits
        self.conversations = conversations
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        var generator = SeededGenerator(seed: Self.generationSeed)
        var samples: [Sample] = []
        for index in 1...max(1, conversations) {
            for turns in turnLimits {
                let seed = generator.next()
                let number = String(index)
                let id = String(repeating: "0", count: max(0, 4 - number.count)) + number + "-t\(turns)"
                samples.append(
                    Sample(
                        id: id,
                        messages: [
                            .system(MakeMePayGame.conArtistPrompt(turns: turns)), .user(MakeMePayGame.conArtistOpening),
                        ],
                        metadata: ["turns": String(turns), "seed": String(seed)]))
            }
        }
        return LoadedDataset(samples: samples, files: [])
    }
}
