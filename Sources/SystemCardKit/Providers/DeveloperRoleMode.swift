/// How a provider sends `developer` messages.
public enum DeveloperRoleMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Send the `developer` role as is.
    case native
    /// Fold developer messages into the system message (for endpoints that reject the role).
    case fold
    /// Send natively; if the endpoint rejects the role, fold from then on.
    case auto
}

/// What actually reached the endpoint for one call; recorded per sample so folded results are labelled.
public enum DeveloperRoleDelivery: String, Sendable, Hashable, Codable {
    /// The request had no developer message.
    case none
    /// Sent as the `developer` role.
    case native
    /// Merged into the system message.
    case folded
}

extension [ChatMessage] {
    /// The conversation with every developer message merged into one leading system message
    /// (system text first, then the developer text, separated by a blank line).
    public func foldingDeveloperIntoSystem() -> [ChatMessage] {
        let header = filter { $0.role == .system || $0.role == .developer }.map(\.content)
        guard contains(where: { $0.role == .developer }) else { return self }
        let rest = filter { $0.role != .system && $0.role != .developer }
        return [.system(header.joined(separator: "\n\n"))] + rest
    }
}
