/// A finished model call, cached under the hash of everything that determines its answer.
public struct ModelCallRecord: Sendable, Hashable {
    var key: String
    var identity: ModelIdentity
    var request: ModelRequest
    var epoch: Int
    var response: ModelResponse

    init(key: String, identity: ModelIdentity, request: ModelRequest, epoch: Int, response: ModelResponse) {
        self.key = key
        self.identity = identity
        self.request = request
        self.epoch = epoch
        self.response = response
    }
}
