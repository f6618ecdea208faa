import Synchronization

/// The calls a `--batch` pass deferred: each model call the cache cannot answer is collected here instead of sent,
/// and its sample stops without a result (``DeferredCall``); the runner sends what was collected as one batch per
/// model, puts the answers in the call cache, and runs the samples again, until a pass defers nothing.
final class BatchCollector: Sendable {
    struct Pending: Sendable {
        var line: BatchLine
        var provider: any ModelProvider
    }

    private let pending = Mutex<[String: Pending]>([:])
    private let failures = Mutex<[String: ProviderError]>([:])
    private let reservations = Mutex<[String: Double]>([:])

    /// What `--max-cost` reserved for a batch this process submitted (settled when it is imported).
    func reserved(_ dollars: Double, for batch: String) { reservations.withLock { $0[batch] = dollars } }
    func takeReservation(for batch: String) -> Double { reservations.withLock { $0.removeValue(forKey: batch) ?? 0 } }

    init() {}

    /// A line its batch answered with an error for good: the call fails with it, as a live call would.
    func fail(key: String, _ error: ProviderError) { failures.withLock { $0[key] = error } }

    /// The error a batch gave for this call, if it gave one.
    func failure(for key: String) -> ProviderError? { failures.withLock { $0[key] } }

    /// Collects a call (once per cache key).
    func add(key: String, epoch: Int, request: ModelRequest, provider: any ModelProvider) {
        pending.withLock { pending in
            if pending[key] == nil {
                pending[key] = Pending(line: BatchLine(key: key, epoch: epoch, request: request), provider: provider)
            }
        }
    }

    /// Everything collected, by model (`provider/model@baseURL`), each in key order.
    func drain() -> [(identity: ModelIdentity, provider: any ModelProvider, lines: [BatchLine])] {
        let all = pending.withLock { pending in
            let all = pending
            pending.removeAll()
            return all
        }
        var byModel: [ModelIdentity: (provider: any ModelProvider, lines: [BatchLine])] = [:]
        for (_, item) in all.sorted(by: { $0.key < $1.key }) {
            byModel[item.provider.identity, default: (item.provider, [])].lines.append(item.line)
        }
        return byModel.map { ($0.key, $0.value.provider, $0.value.lines) }.sorted { $0.identity.spec < $1.identity.spec }
    }
}

/// A call deferred to the next batch: the sample stops here, unsaved, and runs again once the answer is cached.
struct DeferredCall: Error {}
