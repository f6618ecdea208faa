import Foundation
import Synchronization

/// A provider with the run's settings and the call cache in front of it.
///
/// Every call is cached under the hash of (provider, model, base URL, developer-role mode, messages,
/// settings, epoch): asking again returns the stored answer without a request.
package struct ModelClient: Sendable {
    package let provider: any ModelProvider
    package let settings: GenerationSettings
    let store: (any ResultStore)?
    /// False with `--no-cache`: always ask the endpoint (answers are still stored).
    let readsCache: Bool
    /// The keys the store holds for this model, when known: a key not in it is not looked up.
    let knownKeys: CallKeySet?
    /// Mixed into every cache key when set: the evaluated model's calls under mitigations (their identities), so
    /// that a run with a mitigation never reuses the bare run's answers, even where it sends the same request.
    var cacheScope: String?
    /// In a `--batch` pass: a call the cache cannot answer is collected here and the sample stops (``DeferredCall``).
    var deferral: BatchCollector?

    /// A client reading and writing the call cache of `store`.
    package init(provider: any ModelProvider, settings: GenerationSettings, store: (any ResultStore)?) {
        self.init(provider: provider, settings: settings, store: store, readsCache: true, knownKeys: nil)
    }

    init(
        provider: any ModelProvider, settings: GenerationSettings, store: (any ResultStore)?, readsCache: Bool = true,
        knownKeys: CallKeySet? = nil, cacheScope: String? = nil
    ) {
        self.provider = provider
        self.settings = settings
        self.store = store
        self.readsCache = readsCache
        self.knownKeys = knownKeys
        self.cacheScope = cacheScope
    }

    /// A client whose look-ups are filtered by the keys the store holds for the provider's model.
    static func preloaded(
        provider: any ModelProvider, settings: GenerationSettings, store: any ResultStore, readsCache: Bool,
        cacheScope: String? = nil
    ) async throws -> ModelClient {
        let keys = readsCache ? try await store.cachedCallKeys(identity: provider.identity) : []
        return ModelClient(
            provider: provider, settings: settings, store: store, readsCache: readsCache, knownKeys: CallKeySet(keys),
            cacheScope: cacheScope)
    }

    package func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition] = [], toolChoice: ToolChoice? = nil,
        settings override: GenerationSettings? = nil, epoch: Int
    ) async throws -> ModelResponse {
        let request = ModelRequest(
            messages: messages, settings: override ?? settings, tools: tools, toolChoice: tools.isEmpty ? nil : toolChoice)
        let key = Self.cacheKey(identity: provider.identity, request: request, epoch: epoch, scope: cacheScope)
        if let store, readsCache, knownKeys?.contains(key) ?? true,
            let cached = try await store.cachedResponse(key: key)
        {
            return cached
        }
        if let deferral {
            if let failure = deferral.failure(for: key) { throw failure }
            deferral.add(key: key, epoch: epoch, request: request, provider: provider)
            throw DeferredCall()
        }
        var response = try await provider.generate(request)
        // The answer as the cache will return it (U+0000 kept as U+FFFD), so a resumed conversation asks the same.
        response.text = response.text.storable
        try store?.saveCall(
            ModelCallRecord(key: key, identity: provider.identity, request: request, epoch: epoch, response: response))
        knownKeys?.insert(key)
        return response
    }

    /// SHA-256 over the canonical JSON of everything that determines the answer.
    static func cacheKey(identity: ModelIdentity, request: ModelRequest, epoch: Int, scope: String? = nil) -> String {
        var writer = CanonicalJSON(capacity: 256 + request.messages.reduce(0) { $0 + $1.content.utf8.count + 32 })
        writer.raw("{\"epoch\":")
        writer.number(epoch)
        writer.raw(",\"identity\":{\"baseURL\":")
        writer.string(identity.baseURL)
        writer.raw(",\"developerRoleMode\":")
        writer.string(identity.developerRoleMode.rawValue)
        writer.raw(",\"model\":")
        writer.string(identity.model)
        writer.raw(",\"provider\":")
        writer.string(identity.provider)
        writer.raw("},\"request\":{\"messages\":")
        writer.messages(request.messages)
        writer.raw(",\"settings\":")
        writer.settings(request.settings)
        writer.toolFields(of: request)
        writer.raw("}")
        if let scope {
            writer.raw(",\"scope\":")
            writer.string(scope)
        }
        writer.raw("}")
        return SHA256Digest.hex(writer.bytes)
    }
}

/// Cache keys known to be in the store (loaded once per run, extended as calls are saved).
final class CallKeySet: Sendable {
    private let keys: Mutex<Set<String>>

    init(_ keys: Set<String>) {
        self.keys = Mutex(keys)
    }

    func contains(_ key: String) -> Bool { keys.withLock { $0.contains(key) } }
    func insert(_ key: String) { _ = keys.withLock { $0.insert(key) } }
}
