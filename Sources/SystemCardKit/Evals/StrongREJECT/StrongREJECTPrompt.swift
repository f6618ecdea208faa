import Foundation

/// One StrongREJECT forbidden prompt.
struct StrongREJECTPrompt: Sendable, Hashable {
    /// `sr-` and the first 12 hex digits of the prompt's SHA-256: the same in the full and the small set.
    var id: String
    var prompt: String
    /// The upstream category (e.g. `Violence`).
    var sourceCategory: String
    /// Where the prompt first came from (`custom`, `DAN`, `AdvBench`, …).
    var origin: String
    /// The shared category.
    var category: HarmCategory
}
