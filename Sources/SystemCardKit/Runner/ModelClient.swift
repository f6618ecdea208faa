import Foundation

/// A provider with the run's settings and the call cache in front of it.
///
/// Every call is cached under the hash of (provider, model, base URL, developer-role mode, messages,
/// settings, epoch): asking again returns the stored answer without a request.
public struct ModelClient: Sendable {
    public let provider: any ModelProvider
    public let settings: GenerationSettings
    public let store: (any ResultStore)?
    /// False with `--no-cache`: always ask the endpoint (answers are still stored).
    public let readsCache: Bool

    public init(provider: any ModelProvider, settings: GenerationSettings, store: (any ResultStore)?, readsCache: Bool = true) {
        self.provider = provider
        self.settings = settings
        self.store = store
        self.readsCache = readsCache
    }

    public func generate(_ messages: [ChatMessage], settings override: GenerationSettings? = nil, epoch: Int)
        async throws -> ModelResponse
    {
        let request = ModelRequest(messages: messages, settings: override ?? settings)
        let key = Self.cacheKey(identity: provider.identity, request: request, epoch: epoch)
        if let store, readsCache, let cached = try await store.cachedResponse(key: key) {
            return cached
        }
        let response = try await provider.generate(request)
        try store?.saveCall(
            ModelCallRecord(key: key, identity: provider.identity, request: request, epoch: epoch, response: response))
        return response
    }

    /// SHA-256 over the canonical JSON of everything that determines the answer.
    public static func cacheKey(identity: ModelIdentity, request: ModelRequest, epoch: Int) -> String {
        struct Key: Encodable {
            var identity: ModelIdentity
            var request: ModelRequest
            var epoch: Int
        }
        let canonical = (try? JSONCoding.encoder.encode(Key(identity: identity, request: request, epoch: epoch))) ?? Data()
        return SHA256Digest.hex(canonical)
    }
}
