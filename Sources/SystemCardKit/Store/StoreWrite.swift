/// What a store's group-commit writer queues: a finished model call or a sample result.
enum StoreWrite: Sendable {
    case call(ModelCallRecord)
    case result(SampleResult)
}
