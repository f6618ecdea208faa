/// The behaviours attacked: HarmBench's test behaviours without copyright (240: standard and contextual) or
/// JailbreakBench's 100; each sample's prompt is the attack's goal, with its harm category.
struct AttackBehaviors: Dataset {
    enum Set: String, Sendable, CaseIterable {
        case harmbench
        case jbb
    }

    var set: Set

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let (samples, digest) = switch set {
        case .harmbench: try HarmBenchBehaviors.load(from: directory)
        case .jbb: try JailbreakBenchBehaviors.load(from: directory)
        }
        return LoadedDataset(samples: samples, files: [digest])
    }
}
