/// How the card's quick profile shortens an evaluation, declared by the evaluation itself: how many samples, and
/// option values that make each sample cheaper (a shorter game, fewer agent messages). The card applies them only
/// where neither `--limit` nor the card config says otherwise; the card lists the options with the evaluation.
///
/// ```swift
/// EvaluationDescriptor(name: "my-game", …, quick: QuickBudget(samples: 3, options: ["turns": "3"])) { … }
/// ```
public struct QuickBudget: Sendable, Hashable {
    /// Samples in the quick profile; nil: ``CardProfile/quickLimit``, widened until every metric row rests on
    /// ``CardProfile/quickMinimumPerMetric`` samples where the data has them. A number is taken as it is (no floor):
    /// it is for evaluations whose samples are long conversations.
    public var samples: Int?
    /// Option values the quick profile sets where the config does not (`message-limit`, `set`, `turns`…). Each
    /// must be a valid value of a declared option: the registry's tests check them.
    public var options: [String: String]

    /// A budget of `samples` samples with `options` set.
    public init(samples: Int? = nil, options: [String: String] = [:]) {
        self.samples = samples
        self.options = options
    }

    /// The default: ``CardProfile/quickLimit`` samples with the floor, the evaluation's own option defaults.
    public static let standard = QuickBudget()

    /// An agent in a sandbox: ``CardProfile/quickAgentLimit`` samples of ``CardProfile/quickAgentMessages``
    /// messages each (the task, two tool calls and their results).
    public static let agent = QuickBudget(
        samples: CardProfile.quickAgentLimit, options: ["message-limit": String(CardProfile.quickAgentMessages)])

    /// A conversation between the evaluated model and another role: ``CardProfile/quickAgentLimit`` samples, with
    /// `options` shortening each.
    public static func conversation(_ options: [String: String]) -> QuickBudget {
        QuickBudget(samples: CardProfile.quickAgentLimit, options: options)
    }
}
