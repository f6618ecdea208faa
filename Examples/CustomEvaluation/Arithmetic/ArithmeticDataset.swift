import SystemCardKit

/// `count` sums `a + b`, the same every time (generated, no files).
struct ArithmeticDataset: Dataset {
    var count: Int

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let samples = (0..<count).map { index -> Sample in
            let (a, b) = (2 * index + 3, 7 * index + 1)
            return Sample(
                id: "sum-\(index)", messages: [.user("What is \(a) + \(b)? Answer with the number only.")],
                target: String(a + b), metadata: ["parity": (a + b).isMultiple(of: 2) ? "even" : "odd"])
        }
        return LoadedDataset(samples: samples, files: [])
    }
}
