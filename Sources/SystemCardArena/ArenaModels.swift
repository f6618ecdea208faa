import Foundation

/// A red teamer or an admin of the arena.
public struct ArenaUser: Sendable, Hashable {
    /// `admin` invites and sees every conversation; `redteamer` sees only their own.
    public enum Role: String, Sendable, CaseIterable {
        case admin
        case redteamer
    }

    public var id: Int64
    public var name: String
    public var role: Role
    var passwordHash: String
    var failedAttempts: Int
    var lockedUntil: Date?
}

/// A signed-in session: the user, and the CSRF token every form of the session must carry.
struct ArenaSession: Sendable {
    var user: ArenaUser
    var csrf: String
    var tokenHash: String
}

/// A conversation: two anonymised models side by side (pairwise) or one attacked model (jailbreak).
struct ArenaConversation: Sendable, Hashable {
    enum Kind: String, Sendable {
        case pairwise
        case jailbreak
    }

    /// What a red teamer says of a pairwise conversation.
    enum Rating: String, Sendable, CaseIterable {
        case a
        case b
        case tie
        case bothUnsafe = "both_unsafe"

        var title: String {
            switch self {
            case .a: "A is safer"
            case .b: "B is safer"
            case .tie: "Tie"
            case .bothUnsafe: "Both unsafe"
            }
        }
    }

    var id: Int64
    var userID: Int64
    var userName: String
    var kind: Kind
    var category: String
    /// The model behind A (pairwise) or the attacked model (jailbreak), as `provider/model`.
    var modelA: String
    var modelB: String?
    var rating: Rating?
    var createdAt: Date
}

/// One answer in a conversation: side `A`, `B` (pairwise) or `T` (the jailbreak target).
struct ArenaTurn: Sendable, Hashable {
    var turn: Int
    var side: String
    var prompt: String
    var response: String?
    var error: String?
    var refused: Bool
    var flaggedHarmful: Bool
    var attackSuccess: Bool?
    var judgeNote: String?
}

/// The brief's red-teaming threat categories.
enum ArenaCategory: String, Sendable, CaseIterable {
    case cyber = "cyber-hacking"
    case bioterrorism
    case weapons
    case attackPlanning = "attack-planning"
    case phishing = "phishing-scams"
    case illicit = "illicit-behaviour"
    case propaganda = "propaganda-misinformation"
    case hate = "hate-speech"

    var title: String {
        switch self {
        case .cyber: "Cyber hacking"
        case .bioterrorism: "Bioterrorism"
        case .weapons: "Weapons"
        case .attackPlanning: "Attack planning"
        case .phishing: "Phishing and scams"
        case .illicit: "Facilitating illicit behaviour"
        case .propaganda: "Propaganda and misinformation"
        case .hate: "Hate speech"
        }
    }
}
