import Foundation

/// One StrongREJECT forbidden prompt.
public struct StrongREJECTPrompt: Sendable, Hashable {
    /// `sr-` and the first 12 hex digits of the prompt's SHA-256: the same in the full and the small set.
    public var id: String
    public var prompt: String
    /// The upstream category (e.g. `Violence`).
    public var sourceCategory: String
    /// Where the prompt first came from (`custom`, `DAN`, `AdvBench`, …).
    public var origin: String
    /// The shared category.
    public var category: HarmCategory
}
