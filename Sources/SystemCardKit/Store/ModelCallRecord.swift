/// A finished model call, cached under the hash of everything that determines its answer.
public struct ModelCallRecord: Sendable, Hashable {
    public var key: String
    public var identity: ModelIdentity
    public var request: ModelRequest
    public var epoch: Int
    public var response: ModelResponse

    public init(key: String, identity: ModelIdentity, request: ModelRequest, epoch: Int, response: ModelResponse) {
        self.key = key
        self.identity = identity
        self.request = request
        self.epoch = epoch
        self.response = response
    }
}
