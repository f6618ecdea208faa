import Synchronization

/// Collects what the model calls of one sample cost and how they were delivered.
final class CallLedger: Sendable {
    struct Totals {
        var usage = TokenUsage()
        var graderUsage = TokenUsage()
        var developerRole = DeveloperRoleDelivery.none
        var calls = 0
        var cachedCalls = 0
        /// Nil until a mitigation calls a model or acts.
        var mitigation: MitigationTally?
        /// Usage by role (`model`, `grader`, `mark`, `classifier`…), with each role's model, for the run's cost.
        var roles: [String: RoleUsage] = [:]
    }

    private let totals = Mutex(Totals())

    init() {}

    func record(_ response: ModelResponse, isGrader: Bool) {
        totals.withLock { totals in
            if isGrader {
                totals.graderUsage += response.usage
            } else {
                totals.usage += response.usage
                // Folded wins: one folded call is enough to label the sample.
                if response.developerRole == .folded || totals.developerRole == .none {
                    totals.developerRole = response.developerRole
                }
            }
            totals.calls += 1
            if response.cached { totals.cachedCalls += 1 }
        }
    }

    /// A call made by a mitigation (a filter's classifier): counted apart from the model's and the grader's.
    func recordMitigationCall(_ response: ModelResponse, milliseconds: Int) {
        totals.withLock { totals in
            var tally = totals.mitigation ?? MitigationTally()
            tally.calls += 1
            tally.usage += response.usage
            tally.milliseconds += milliseconds
            totals.mitigation = tally
            totals.calls += 1
            if response.cached { totals.cachedCalls += 1 }
        }
    }

    /// Something a mitigation changed (`output-filter: weapons`).
    func recordMitigationAction(_ action: String) {
        totals.withLock { totals in
            var tally = totals.mitigation ?? MitigationTally()
            tally.actions.append(action)
            totals.mitigation = tally
        }
    }

    /// A call of the role `role`, played by `model`, for the cost by role.
    func recordRole(_ role: String, model: String, usage: TokenUsage) {
        totals.withLock { totals in
            totals.roles[role, default: RoleUsage(model: model)].add(RoleUsage(model: model, usage: usage, calls: 1))
        }
    }

    var snapshot: Totals { totals.withLock { $0 } }
}
