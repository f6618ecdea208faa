import Foundation

/// Which rows `disallowed-content` runs (`--set`).
enum DisallowedContentSet: String, Sendable, CaseIterable {
    /// Forbidden: HarmBench test (standard + contextual), JailbreakBench's 100 behaviours and the
    /// StrongREJECT small set; benign look-alikes: XSTest's 250 safe prompts.
    case standard
    /// Forbidden only: the full StrongREJECT set and XSTest's 200 unsafe contrast prompts.
    case challenging
}
