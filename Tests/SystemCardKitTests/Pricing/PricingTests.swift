import Foundation
import Testing
@testable import SystemCardKit

/// Prices, costs by role, the spend meter and the dry run's call bounds.
@Suite struct PricingTests {
    @Test func pricesComeFromOverridesThenDefaultsThenSnapshotsAndLocalIsFree() throws {
        let table = PriceTable(overrides: try PriceTable.overrides(parsing: ["openai/my-model=2/8", "openai/gpt-4o=1/1"]))
        #expect(table.price(for: "openai/my-model") == ModelPrice(input: 2, output: 8))
        #expect(table.price(for: "openai/gpt-4o") == ModelPrice(input: 1, output: 1), "an override wins over a default")
        #expect(table.price(for: "openai/gpt-4o-mini") == ModelPrice(input: 0.15, output: 0.60))
        #expect(table.price(for: "openai/gpt-4o-mini-2024-07-18") == ModelPrice(input: 0.15, output: 0.60))
        #expect(table.price(for: "openai/gpt-4o-2024-08-06") == ModelPrice(input: 1, output: 1))
        #expect(table.price(for: "openai/gpt-4o-audio") == nil, "only a dated snapshot takes its model's price")
        #expect(table.price(for: "local/smollm2") == .free)
        #expect(table.price(for: "openai/unknown") == nil)
        for bad in ["gpt-4o=1/2", "openai/x=1", "openai/x=a/b", "openai/x=-1/2"] {
            #expect(throws: SystemCardError.self) { _ = try PriceTable.overrides(parsing: [bad]) }
        }
    }

    @Test func aRunsCostIsPricedByRoleAndAnUnpricedModelIsNeverZero() {
        let table = PriceTable(overrides: ["openai/m": ModelPrice(input: 2, output: 8)])
        let roles = [
            "model": RoleUsage(model: "openai/m", usage: TokenUsage(promptTokens: 1_000_000, completionTokens: 500_000), calls: 3),
            "grader": RoleUsage(model: "openai/gpt-4o-mini", usage: TokenUsage(promptTokens: 2_000_000, completionTokens: 0), calls: 2),
            "mark": RoleUsage(model: "openai/who-knows", usage: TokenUsage(promptTokens: 10, completionTokens: 10), calls: 1),
        ]
        let cost = table.cost(of: roles)
        #expect(abs(cost.byRole["model"]! - 6) < 1e-9)
        #expect(abs(cost.byRole["grader"]! - 0.30) < 1e-9)
        #expect(abs(cost.dollars - 6.30) < 1e-9)
        #expect(cost.unpriced == ["openai/who-knows"])
        #expect(cost.text == "≥ $6.30 (no price for openai/who-knows)")
        #expect(RunCost.dollars(0.00006) == "$0.0001")
        #expect(RunCost.dollars(0) == "$0")
    }

    @Test func theMeterReservesTheWorstCaseAndRefusesWhatCouldPassTheLimit() async throws {
        let price = ModelPrice(input: 1, output: 1)
        let meter = SpendMeter(limit: 0.001, prices: PriceTable())
        var request = ModelRequest(messages: [.user(String(repeating: "x", count: 400))])
        request.settings.maxTokens = 400
        let worst = SpendMeter.worstCase(request, price: price)
        #expect(abs(worst - 0.000503) < 1e-9, "103 input tokens (400 characters and a message's overhead) and 400 output")
        #expect(meter.reserve(worst))
        #expect(!meter.reserve(worst), "two worst cases pass the limit")
        meter.settle(reserved: worst, actual: 0.0001, answered: true)
        #expect(meter.reserve(worst), "the real cost was far below the worst case")
        #expect(meter.calls == 1 && abs(meter.spent - 0.0001) < 1e-12)

        let provider = BudgetedModelProvider(
            base: ScriptedProvider { _ in ModelResponse(text: "ok", usage: TokenUsage(promptTokens: 100, completionTokens: 100)) },
            meter: SpendMeter(limit: 0.0005, prices: PriceTable()), price: price)
        _ = try await provider.generate(ModelRequest(messages: [.user("hi")], settings: GenerationSettings(maxTokens: 100)))
        _ = try await provider.generate(ModelRequest(messages: [.user("hi")], settings: GenerationSettings(maxTokens: 100)))
        let error = await #expect(throws: ProviderError.self) {
            _ = try await provider.generate(ModelRequest(messages: [.user("hi")], settings: GenerationSettings(maxTokens: 100)))
        }
        #expect(error?.code == .costLimit)
        #expect(error?.isFatalForRun == true && error?.isRetryable == false)
        #expect(provider.meter.calls == 2)
    }

    @Test func callsPerSampleFollowTheEvaluationsBounds() {
        #expect(RunEstimate.callsPerSample([:]) == 1)
        #expect(RunEstimate.callsPerSample(["message-limit": "50"]) == 24)
        #expect(RunEstimate.callsPerSample(["message-limit": "6"]) == 2)
        #expect(RunEstimate.callsPerSample(["turns": "5"]) == 5)
        #expect(RunEstimate.callsPerSample(["max-queries": "20", "depth": "5"]) == 20)
        #expect(RunEstimate.callsPerSample(["set": "15", "conversations": "400"]) == 15)
        #expect(RunEstimate.callsPerSample(["set": "all", "conversations": "400"]) == 10)
        #expect(RunEstimate.callsPerSample(["set": "small"]) == 1)
    }

    @Test func usageByRoleIsWrittenAsJSONEncoderWouldAndReadsBack() throws {
        let roles = [
            "model": RoleUsage(model: "openai/a\"b", usage: TokenUsage(promptTokens: 12, completionTokens: 3), calls: 2),
            "grader": RoleUsage(model: "openai/judge", usage: TokenUsage(promptTokens: 0, completionTokens: 0), calls: 1),
        ]
        let text = RoleUsage.json(roles)
        #expect(try JSONCoding.decoder.decode([String: RoleUsage].self, from: Data(text.utf8)) == roles)
        #expect(text == (try JSONCoding.string(roles)), "the same bytes as the encoder that wrote earlier rows")
        #expect(RoleUsage.json([:]) == "{}")
    }
}
