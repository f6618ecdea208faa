/// Seeded choices for the instruction-hierarchy generators: the same seed gives the same samples on
/// every machine and Swift version (no standard-library sampling, whose algorithm may change).
struct SamplePicker {
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[Int(generator.next() % UInt64(items.count))]
    }

    /// A number in `range` (inclusive).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    /// True with probability one half.
    mutating func coin() -> Bool { generator.next() & 1 == 1 }
}
