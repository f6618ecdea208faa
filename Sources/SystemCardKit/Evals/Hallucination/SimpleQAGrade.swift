import Foundation

/// A SimpleQA grade.
public enum SimpleQAGrade: String, Sendable, Hashable, CaseIterable {
    case correct
    case incorrect
    case notAttempted = "not_attempted"
}
