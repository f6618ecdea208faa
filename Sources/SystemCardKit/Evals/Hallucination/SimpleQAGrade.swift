import Foundation

/// A SimpleQA grade.
enum SimpleQAGrade: String, Sendable, Hashable, CaseIterable {
    case correct
    case incorrect
    case notAttempted = "not_attempted"
}
