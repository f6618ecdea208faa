/// A provider whose real calls are counted by a ``SpendMeter``, and refused once the next call could pass its limit:
/// the runner then stops the run as it stops for a fatal endpoint error, without saving the sample, so the same
/// command with a higher `--max-cost` resumes it. Cached answers never reach this layer and cost nothing.
struct BudgetedModelProvider: ModelProvider {
    let base: any ModelProvider
    let meter: SpendMeter
    let price: ModelPrice

    var identity: ModelIdentity { base.identity }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let reserved = SpendMeter.worstCase(request, price: price)
        guard meter.reserve(reserved) else {
            throw ProviderError(
                .costLimit,
                message: "the next call to \(identity.spec) could pass --max-cost \(RunCost.dollars(meter.limit ?? 0)) "
                    + "(\(RunCost.dollars(meter.spent)) spent in \(meter.calls) calls)")
        }
        do {
            let response = try await base.generate(request)
            meter.settle(reserved: reserved, actual: price.cost(response.usage), answered: true)
            return response
        } catch {
            meter.settle(reserved: reserved, actual: 0, answered: false)
            throw error
        }
    }
}
