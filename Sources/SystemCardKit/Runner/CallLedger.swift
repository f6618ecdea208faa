import Synchronization

/// Collects what the model calls of one sample cost and how they were delivered.
final class CallLedger: Sendable {
    struct Totals {
        var usage = TokenUsage()
        var graderUsage = TokenUsage()
        var developerRole = DeveloperRoleDelivery.none
        var calls = 0
        var cachedCalls = 0
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

    var snapshot: Totals { totals.withLock { $0 } }
}
