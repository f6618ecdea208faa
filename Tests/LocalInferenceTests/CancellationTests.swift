import Foundation
import LocalInference
import Synchronization
import Testing

/// Generation stops promptly when the calling task is cancelled (or the caller's check says so), releases the
/// model's lock and leaves the model usable, with the same results as before.
struct CancellationTests {
    let turns = [ChatTurn(role: "user", content: "hello")]
    /// Over 100 prompt tokens: several 32-row prompt batches.
    let longTurns = [ChatTurn(role: "user", content: String(repeating: "hello world, ", count: 12))]

    func expectCancelled(_ body: () throws -> Void, _ fragment: String? = nil) {
        do {
            try body()
            Issue.record("expected a cancelled error")
        } catch let error as LocalInferenceError {
            #expect(error.code == .cancelled)
            if let fragment { #expect(error.message.contains(fragment), "\(error.message)") }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aCancelledTaskStopsBeforeThePrompt() async throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try model.generate(turns, options: SamplingOptions(maxTokens: 50))
        }
        do {
            _ = try await task.value
            Issue.record("expected a cancelled error")
        } catch let error as LocalInferenceError {
            #expect(error.code == .cancelled)
        }
        // The lock was released: the model still answers, from a fresh task.
        let reply = try await Task { try model.generate(turns, options: SamplingOptions(maxTokens: 4)) }.value
        #expect(reply.completionTokens <= 4)
    }

    @Test func cancellingTheTaskStopsBetweenGeneratedTokens() async throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil))
        let options = SamplingOptions(temperature: 1, seed: 7, maxTokens: 40)
        let full = try model.generate(turns, options: options)
        try #require(full.completionTokens >= 6)
        let polls = Atomic<Int>(0)
        let result: Result<GenerationResult, any Error> = await Task {
            Result {
                try model.generate(turns, options: options) {
                    // The 6th check cancels the task itself; the engine sees it at the next check.
                    if polls.add(1, ordering: .relaxed).newValue == 6 { withUnsafeCurrentTask { $0?.cancel() } }
                    return false
                }
            }
        }.value
        #expect(throws: LocalInferenceError.self) { try result.get() }
        // Checks: before and after taking the lock, before the prompt batch, then before each generated token and
        // before its forward pass; once the task is cancelled the caller's check is no longer needed.
        #expect(polls.load(ordering: .relaxed) == 6)
        // The model is still usable, with the same result.
        #expect(try model.generate(turns, options: options).text == full.text)
    }

    @Test func aCancelledPromptLeavesTheModelAsBefore() throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let expectedLogits = try SyntheticModel.load(SyntheticModel.build()).firstTokenLogits(longTurns)
        let expectedTokens = try SyntheticModel.load(SyntheticModel.build()).greedyTokens(longTurns, count: 8)
        try #require(expectedTokens.count >= 4)
        var checks = 0
        // Cancelled after the first 32-token prompt batch.
        expectCancelled({
            _ = try model.generate(longTurns, options: SamplingOptions(maxTokens: 8)) {
                checks += 1
                return checks > 3
            }
        }, "prompt tokens")
        #expect(checks == 4)
        #expect(try model.firstTokenLogits(longTurns) == expectedLogits)
        #expect(try model.greedyTokens(longTurns, count: 8) == expectedTokens)
        // Cancelled while generating (8th check: before the 4th forward pass); the next call gives the whole reply.
        checks = 0
        expectCancelled({
            _ = try model.generate(longTurns, options: SamplingOptions(maxTokens: 8)) {
                checks += 1
                return checks > 7
            }
        }, "after 3 generated tokens")
        #expect(try model.greedyTokens(longTurns, count: 8) == expectedTokens)
    }

    @Test func aCallerCancelledWhileWaitingForTheLockReturnsWithoutGenerating() async throws {
        let model = try SyntheticModel.load(SyntheticModel.build())
        let started = Atomic<Bool>(false)
        let release = Atomic<Bool>(false)
        // Another caller holds the model's lock (on its own thread) until released: its second check is made with
        // the lock taken.
        DispatchQueue.global().async {
            var checks = 0
            _ = try? model.generate(self.turns, options: SamplingOptions(maxTokens: 2)) {
                checks += 1
                if checks == 2 {
                    started.store(true, ordering: .relaxed)
                    while !release.load(ordering: .relaxed) { usleep(500) }
                }
                return false
            }
        }
        while !started.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(1)) }
        let waiting = Task.detached { try model.generate(self.turns, options: SamplingOptions(maxTokens: 4)) }
        try await Task.sleep(for: .milliseconds(20))
        waiting.cancel()
        release.store(true, ordering: .relaxed)
        do {
            _ = try await waiting.value
            Issue.record("expected a cancelled error")
        } catch let error as LocalInferenceError {
            #expect(error.code == .cancelled)
            #expect(error.message.contains("before the prompt"))
        }
    }
}
