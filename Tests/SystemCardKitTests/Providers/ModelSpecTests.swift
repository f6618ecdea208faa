import Foundation
import Testing
@testable import SystemCardKit

@Suite struct ModelSpecTests {
    @Test func parsesProviderAndModel() throws {
        let spec = try ModelSpec(parsing: "openai/gpt-4o-mini")
        #expect(spec.provider == .openai)
        #expect(spec.model == "gpt-4o-mini")
        #expect(spec.description == "openai/gpt-4o-mini")
        #expect(try ModelSpec(parsing: "local/models/tiny.gguf") == ModelSpec(provider: .local, model: "models/tiny.gguf"))
    }

    @Test func modelMayContainSlashes() throws {
        let spec = try ModelSpec(parsing: "openai/meta-llama/Llama-3.1-8B-Instruct")
        #expect(spec.provider == .openai)
        #expect(spec.model == "meta-llama/Llama-3.1-8B-Instruct")
    }

    @Test func noSlashIsAnErrorThatShowsTheForm() {
        let error = #expect(throws: SystemCardError.self) { try ModelSpec(parsing: "gpt-4o") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("openai/<model>") == true)
    }

    @Test func unknownProviderListsTheKnownOnes() throws {
        let error = #expect(throws: SystemCardError.self) { try ModelSpec(parsing: "mistral/large") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("'mistral'") == true)
        #expect(error?.message.contains("openai, anthropic, local") == true)
        #expect(try ModelSpec(parsing: "anthropic/claude-sonnet").provider == .anthropic)
    }

    @Test func emptyModelIsAnError() {
        let error = #expect(throws: SystemCardError.self) { try ModelSpec(parsing: "openai/") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("names no model") == true)
    }
}

@Suite struct DeveloperFoldingTests {
    @Test func developerTextFollowsSystemTextInOneLeadingSystemMessage() {
        let messages: [ChatMessage] = [
            .system("S1"), .developer("D1"), .user("U1"), .assistant("A1"), .developer("D2"), .user("U2"),
        ]
        #expect(
            messages.foldingDeveloperIntoSystem() == [
                .system("S1\n\nD1\n\nD2"), .user("U1"), .assistant("A1"), .user("U2"),
            ])
    }

    @Test func developerWithoutSystemBecomesTheSystemMessage() {
        #expect([ChatMessage.developer("D"), .user("U")].foldingDeveloperIntoSystem() == [.system("D"), .user("U")])
    }

    @Test func withoutDeveloperMessagesNothingChanges() {
        let messages: [ChatMessage] = [.user("U1"), .system("late system"), .assistant("A"), .user("U2")]
        #expect(messages.foldingDeveloperIntoSystem() == messages)
        #expect([ChatMessage]().foldingDeveloperIntoSystem().isEmpty)
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 6, baseDelay: 0.5, maxDelay: 30)

    @Test func retryAfterIsHonouredWithUpToTenPercentJitter() {
        #expect(policy.delay(forAttempt: 0, retryAfter: 5, random: 0) == 5)
        #expect(abs(policy.delay(forAttempt: 3, retryAfter: 5, random: 0.5) - 5.25) < 1e-12)
        #expect(policy.delay(forAttempt: 0, retryAfter: 0, random: 0.9) == 0)
    }

    @Test func retryAfterIsCappedAtMaxDelay() {
        #expect(policy.delay(forAttempt: 0, retryAfter: 120, random: 0) == 30)
        #expect(policy.delay(forAttempt: 0, retryAfter: 29, random: 0.99) == 30)
    }

    @Test func exponentialCeilingDoublesAndIsCapped() {
        #expect(policy.delay(forAttempt: 0, retryAfter: nil, random: 1) == 0.5)
        #expect(policy.delay(forAttempt: 1, retryAfter: nil, random: 1) == 1)
        #expect(policy.delay(forAttempt: 3, retryAfter: nil, random: 1) == 4)
        #expect(policy.delay(forAttempt: 5, retryAfter: nil, random: 1) == 16)
        #expect(policy.delay(forAttempt: 6, retryAfter: nil, random: 1) == 30)
        #expect(policy.delay(forAttempt: 1_000, retryAfter: nil, random: 1) == 30)
    }

    @Test func fullJitterScalesTheCeiling() {
        #expect(policy.delay(forAttempt: 3, retryAfter: nil, random: 0) == 0)
        #expect(policy.delay(forAttempt: 3, retryAfter: nil, random: 0.25) == 1)
        for attempt in 0..<10 {
            let delay = policy.delay(forAttempt: attempt, retryAfter: nil)
            #expect(delay >= 0 && delay <= min(30, 0.5 * Double(1 << attempt)))
        }
    }

    @Test func retryableAndFatalCodes() {
        let retryable: [ProviderError.Code] = [.rateLimited, .serverError, .timeout, .connection, .malformedResponse]
        let final: [ProviderError.Code] = [.unauthorized, .modelNotFound, .badRequest, .modelFailure]
        #expect(retryable.allSatisfy { ProviderError($0, message: "").isRetryable })
        #expect(final.allSatisfy { !ProviderError($0, message: "").isRetryable })
        #expect(ProviderError(.unauthorized, message: "").isFatalForRun)
        #expect(ProviderError(.modelNotFound, message: "").isFatalForRun)
        #expect(!ProviderError(.badRequest, message: "").isFatalForRun)
        #expect(ProviderError(.serverError, status: 502, message: "bad gateway").description == "server_error (HTTP 502): bad gateway")
    }
}

@Suite struct AdaptiveConcurrencyLimiterTests {
    @Test func initialIsClampedToTheMaximum() async {
        #expect(await AdaptiveConcurrencyLimiter(initial: 50, maximum: 8).limit == 8)
        #expect(await AdaptiveConcurrencyLimiter(initial: 0, maximum: 8).limit == 1)
        let degenerate = AdaptiveConcurrencyLimiter(initial: 5, maximum: 0)
        #expect(degenerate.maximum == 1)
        #expect(await degenerate.limit == 1)
    }

    @Test func rateLimitsHalveTheLimitButNeverBelowOne() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 8, maximum: 8, decreaseInterval: .zero)
        var limits: [Double] = []
        for _ in 0..<5 {
            try await limiter.acquire()
            await limiter.release(outcome: .rateLimited)
            limits.append(await limiter.limit)
        }
        #expect(limits == [4, 2, 1, 1, 1])
        #expect(await limiter.inFlight == 0)
    }

    @Test func rateLimitsWithinTheIntervalHalveOnlyOnce() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 8, maximum: 8, decreaseInterval: .seconds(3600))
        for _ in 0..<3 { try await limiter.acquire() }
        for _ in 0..<3 { await limiter.release(outcome: .rateLimited) }
        #expect(await limiter.limit == 4)
    }

    @Test func successGrowsTheLimitUpToTheMaximum() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 1, maximum: 3)
        var limits: [Double] = []
        for _ in 0..<6 {
            try await limiter.acquire()
            await limiter.release(outcome: .success)
            limits.append(await limiter.limit)
        }
        // 1 → 2 → 2.5 → 2.9 → 3 (capped) → 3 → 3.
        #expect(limits[0] == 2)
        #expect(limits[1] == 2.5)
        #expect(abs(limits[2] - 2.9) < 1e-12)
        #expect(limits[3...].allSatisfy { $0 == 3 })
        // Other failures leave it alone.
        try await limiter.acquire()
        await limiter.release(outcome: .otherFailure)
        #expect(await limiter.limit == 3)
    }

    @Test func aWaiterGetsTheSlotWhenOneIsReleased() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 1, maximum: 1)
        try await limiter.acquire()
        let acquired = Flag()
        let waiter = Task {
            try await limiter.acquire()
            acquired.set()
        }
        // However long we wait, the second acquire cannot get through while the only slot is taken.
        for _ in 0..<50 { await Task.yield() }
        try await Task.sleep(for: .milliseconds(20))
        #expect(!acquired.value)
        #expect(await limiter.inFlight == 1)

        await limiter.release(outcome: .success)
        try await waiter.value
        #expect(acquired.value)
        #expect(await limiter.inFlight == 1)
        await limiter.release(outcome: .success)
        #expect(await limiter.inFlight == 0)
    }

    @Test func aCancelledWaiterThrowsAndDoesNotTakeASlot() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 1, maximum: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await limiter.inFlight == 1)
        await limiter.release(outcome: .success)
        #expect(await limiter.inFlight == 0)
        // The limiter still works afterwards.
        try await limiter.acquire()
        #expect(await limiter.inFlight == 1)
    }

    @Test func resilientProviderReleasesItsSlotOnEveryOutcome() async throws {
        let limiter = AdaptiveConcurrencyLimiter(initial: 2, maximum: 2)
        let failing = ResilientModelProvider(
            base: ScriptedProvider { _ in throw ProviderError(.badRequest, message: "no") }, limiter: limiter,
            retryPolicy: RetryPolicy(maxRetries: 2, baseDelay: 0.001, maxDelay: 0.01))
        for _ in 0..<3 {
            await #expect(throws: ProviderError.self) { _ = try await failing.generate(ModelRequest(messages: [.user("x")])) }
        }
        struct Odd: Error {}
        let odd = ResilientModelProvider(
            base: ScriptedProvider { _ in throw Odd() }, limiter: limiter,
            retryPolicy: RetryPolicy(maxRetries: 2, baseDelay: 0.001, maxDelay: 0.01))
        await #expect(throws: Odd.self) { _ = try await odd.generate(ModelRequest(messages: [.user("x")])) }
        #expect(await limiter.inFlight == 0)
    }

    @Test func retriesUseTheBaseProviderUntilItSucceeds() async throws {
        let attempts = Counter()
        let base = ScriptedProvider { _ in
            if attempts.increment() < 3 { throw ProviderError(.timeout, message: "slow") }
            return ModelResponse(text: "done")
        }
        let retried = Counter()
        let provider = ResilientModelProvider(
            base: base, limiter: AdaptiveConcurrencyLimiter(initial: 1, maximum: 1),
            retryPolicy: RetryPolicy(maxRetries: 2, baseDelay: 0.001, maxDelay: 0.01),
            onRetry: { _ in _ = retried.increment() })
        #expect(try await provider.generate(ModelRequest(messages: [.user("x")])).text == "done")
        #expect(base.callCount == 3)
        #expect(retried.value == 2)
        #expect(provider.identity == base.identity)
    }

    @Test func refusedConnectionsWithNoAnswerEverMeanUnreachableAfterAGracePeriod() async throws {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: 0.001, maxDelay: 0.01)
        let down = ScriptedProvider { _ in throw ProviderError(.connectionRefused, message: "connection refused") }
        let provider = ResilientModelProvider(
            base: down, limiter: AdaptiveConcurrencyLimiter(maximum: 4), retryPolicy: policy, unreachableAfter: .milliseconds(200))
        let started = ContinuousClock.now
        let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(ModelRequest(messages: [.user("x")])) }
        #expect(error?.code == .unreachable)
        #expect(error?.isFatalForRun == true)
        #expect(error?.message.contains("connection refused") == true)
        #expect(started.duration(to: .now) >= .milliseconds(200), "a starting server gets the grace period")
        #expect(down.callCount >= 2)

        // A server that comes up within the grace period is used normally (a long period: on a loaded machine the
        // test process's short sleeps can stretch to seconds).
        let starting = Counter()
        let late = ScriptedProvider { _ in
            if starting.increment() < 3 { throw ProviderError(.connectionRefused, message: "connection refused") }
            return ModelResponse(text: "up")
        }
        let patient = ResilientModelProvider(
            base: late, limiter: AdaptiveConcurrencyLimiter(maximum: 4), retryPolicy: policy, unreachableAfter: .seconds(120))
        #expect(try await patient.generate(ModelRequest(messages: [.user("x")])).text == "up")
    }

    @Test func anEndpointThatAnsweredOnceIsNeverUnreachable() async throws {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: 0.001, maxDelay: 0.01)
        // It answered with an error (any HTTP status counts), then went away: ordinary retryable failures.
        let calls = Counter()
        let flaky = ScriptedProvider { _ in
            if calls.increment() == 1 { throw ProviderError(.rateLimited, status: 429, message: "slow down") }
            throw ProviderError(.connectionRefused, message: "connection refused")
        }
        let provider = ResilientModelProvider(
            base: flaky, limiter: AdaptiveConcurrencyLimiter(maximum: 4), retryPolicy: policy, unreachableAfter: .milliseconds(1))
        let error = await #expect(throws: ProviderError.self) { _ = try await provider.generate(ModelRequest(messages: [.user("x")])) }
        #expect(error?.code == .connectionRefused)
        #expect(flaky.callCount == 1 + 3)

        // Timeouts and resets never count towards "unreachable", however long they last.
        let slow = ScriptedProvider { _ in throw ProviderError(.connection, message: "could not connect") }
        let busy = ResilientModelProvider(
            base: slow, limiter: AdaptiveConcurrencyLimiter(maximum: 4), retryPolicy: policy, unreachableAfter: .milliseconds(1))
        let busyError = await #expect(throws: ProviderError.self) { _ = try await busy.generate(ModelRequest(messages: [.user("x")])) }
        #expect(busyError?.code == .connection)
        #expect(slow.callCount == 1 + 3)
    }
}
