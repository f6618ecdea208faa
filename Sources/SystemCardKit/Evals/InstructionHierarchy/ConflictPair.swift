/// Which two messages disagree in a conflict sample: the higher one sets the rule, the lower one asks
/// for the opposite.
enum ConflictPair: String, Sendable, Hashable, CaseIterable {
    case systemVsDeveloper = "system_vs_developer"
    case systemVsUser = "system_vs_user"
    case developerVsUser = "developer_vs_user"

    /// The role whose instruction must win.
    var higher: ChatRole {
        switch self {
        case .systemVsDeveloper, .systemVsUser: return .system
        case .developerVsUser: return .developer
        }
    }

    /// The role that asks for the opposite.
    var lower: ChatRole {
        switch self {
        case .systemVsDeveloper: return .developer
        case .systemVsUser, .developerVsUser: return .user
        }
    }
}
