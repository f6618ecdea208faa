import Foundation
import SystemCardKit

/// How `systemcard arena serve` runs: the models red teamers talk to, where it listens, the judge of the jailbreak
/// arena, and its security settings.
public struct ArenaConfiguration: Sendable {
    /// The models of the arena (at least two for the pairwise comparison).
    public var models: [ModelEndpoint]
    /// The grader model that judges jailbreak attempts (with the content classifier on it); nil: no jailbreak arena.
    public var judge: ModelEndpoint?
    /// The content classifier's format on the judge model.
    public var classifierFormat: ModerationFormat = .systemcard
    /// 127.0.0.1 unless told otherwise.
    public var host = "127.0.0.1"
    /// 0 picks a free port (printed when listening).
    public var port = 8080
    /// bcrypt's cost (12; at least 4).
    public var bcryptCost: UInt8 = 12
    /// Failed sign-ins in a row before an account is locked, and for how long.
    public var lockoutAfter = 5
    public var lockoutSeconds: TimeInterval = 15 * 60
    /// How long a failed sign-in waits before answering (slows guessing).
    public var failureDelay: Duration = .seconds(1)
    /// Sessions end after this long.
    public var sessionSeconds: TimeInterval = 12 * 3600
    /// Answers are cut at this many tokens.
    public var maxTokens = 1024

    /// Creates a configuration for `models`.
    public init(models: [ModelEndpoint], judge: ModelEndpoint? = nil) {
        self.models = models
        self.judge = judge
    }
}
