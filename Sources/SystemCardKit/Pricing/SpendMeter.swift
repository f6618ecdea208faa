import Synchronization

/// What one invocation (an `eval` or a whole `card`) pays for, that is its calls not answered from the cache, and
/// its limit (`--max-cost`). Each call reserves its worst case before it is sent (its input, estimated at four
/// characters a token, and its `max_tokens` of output, or ``unboundedOutputTokens`` when unset) and settles at its
/// real usage, so calls in flight together cannot pass the limit either.
public final class SpendMeter: Sendable {
    /// The limit in dollars (nil: none, the meter only counts).
    public let limit: Double?
    /// The prices calls are counted at.
    public let prices: PriceTable
    /// Output tokens reserved for a call that sets no `max_tokens`.
    public static let unboundedOutputTokens = 4096
    private let state = Mutex<(spent: Double, reserved: Double, calls: Int)>((0, 0, 0))

    public init(limit: Double?, prices: PriceTable) {
        self.limit = limit
        self.prices = prices
    }

    /// Dollars paid so far (settled calls).
    public var spent: Double { state.withLock { $0.spent } }
    /// Calls paid so far.
    public var calls: Int { state.withLock { $0.calls } }

    /// Reserves `dollars` for a call; false when the call could pass the limit.
    func reserve(_ dollars: Double) -> Bool {
        state.withLock { state in
            if let limit, state.spent + state.reserved + dollars > limit { return false }
            state.reserved += dollars
            return true
        }
    }

    /// Replaces a call's reservation by what it cost (0 when it failed before any answer).
    func settle(reserved: Double, actual: Double, answered: Bool) {
        state.withLock { state in
            state.reserved -= reserved
            state.spent += actual
            if answered { state.calls += 1 }
        }
    }

    /// Counts `calls` answered outside ``settle(reserved:actual:answered:)`` (a batch's lines).
    func count(calls: Int) {
        state.withLock { $0.calls += calls }
    }

    /// The worst case of `request` at `price`, in dollars.
    static func worstCase(_ request: ModelRequest, price: ModelPrice) -> Double {
        let output = request.settings.maxTokens ?? unboundedOutputTokens
        return price.cost(TokenUsage(promptTokens: estimatedTokens(request), completionTokens: output))
    }

    /// Input tokens of `request`, estimated at four characters a token (messages, tool calls and tool definitions).
    static func estimatedTokens(_ request: ModelRequest) -> Int {
        var characters = 0
        for message in request.messages {
            characters += message.content.count + 8
            for call in message.toolCalls ?? [] { characters += call.name.count + call.arguments.count }
        }
        for tool in request.tools { characters += tool.name.count + tool.description.count + 200 }
        return characters / 4 + 1
    }
}
