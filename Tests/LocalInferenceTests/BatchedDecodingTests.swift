import Foundation
import LocalInference
import Synchronization
import Testing

/// `LocalModel.generate(batch:options:reuseCachedPrefix:isCancelled:)`: sequences decoded together give the same tokens and text as
/// each alone (from a cold cache), with different prompt lengths, lengths and stop times in one batch.
struct BatchedDecodingTests {
    static let conversations: [[ChatTurn]] = [
        [ChatTurn(role: "user", content: "hello")],
        [ChatTurn(role: "system", content: "hell hell"), ChatTurn(role: "user", content: "hello world, hello")],
        [ChatTurn(role: "user", content: String(repeating: "hello world, ", count: 5))],
        [ChatTurn(role: "user", content: "he")],
        [ChatTurn(role: "user", content: "ll ll he")],
    ]

    /// Each conversation alone, from a cold cache.
    func alone(_ model: LocalModel, _ batch: [[ChatTurn]], _ options: [SamplingOptions]) throws -> [GenerationResult] {
        try zip(batch, options).map { turns, options in
            model.resetCache()
            return try model.generate(turns, options: options)
        }
    }

    func expectSame(_ batched: [Result<GenerationResult, LocalInferenceError>], _ alone: [GenerationResult]) throws {
        #expect(batched.count == alone.count)
        for (b, a) in zip(batched, alone) {
            let b = try b.get()
            #expect(b.text == a.text)
            #expect(b.completionTokens == a.completionTokens)
            #expect(b.promptTokens == a.promptTokens)
            #expect(b.finishReason == a.finishReason)
        }
    }

    @Test func greedyBatchMatchesEachAlone() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil))
        let options = [30, 7, 25, 0, 18].map { SamplingOptions(temperature: 0, maxTokens: $0) }
        let alone = try alone(model, Self.conversations, options)
        #expect(alone.contains { $0.completionTokens >= 18 })
        model.resetCache()
        try expectSame(model.generate(batch: Self.conversations, options: options), alone)
        // Again with the caches holding the previous prompts (the prefixes are reused per slot).
        model.resetCache()
        try expectSame(model.generate(batch: Array(Self.conversations.prefix(1)), options: [options[0]]), [alone[0]])
    }

    @Test func aReplyDoesNotDependOnWhatTheSlotHeldBefore() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil))
        let options = Array(repeating: SamplingOptions(temperature: 0, maxTokens: 20), count: 2)
        let alone = try alone(model, Array(Self.conversations[1...2]), options)
        // The slots first hold other conversations that share a prefix with the next ones; by default the next
        // prompts are processed from their first token, so the replies are those of a cold cache.
        model.resetCache()
        _ = model.generate(batch: [Self.conversations[1], Self.conversations[1]], options: options)
        try expectSame(model.generate(batch: [Self.conversations[1], Self.conversations[2]], options: options), alone)
        _ = model.generate(batch: [Self.conversations[2], Self.conversations[4]], options: options)
        try expectSame(model.generate(batch: [Self.conversations[1], Self.conversations[2]], options: options), alone)
    }

    @Test func seededSamplingMatchesEachAlone() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil, seed: 3))
        let options = (0..<5).map { SamplingOptions(temperature: 1, seed: UInt64(10 + $0), maxTokens: 12 + 4 * $0) }
        let alone = try alone(model, Self.conversations, options)
        model.resetCache()
        try expectSame(model.generate(batch: Self.conversations, options: options), alone)
    }

    @Test func stopTokensEndSequencesAtDifferentTimes() throws {
        // Near-uniform sampling: some replies end with <|im_end|> or the end-of-text token early.
        let model = try SyntheticModel.load(SyntheticModel.build(weightType: 8, seed: 5))
        let options = [150, 150, 150, 10, 150].enumerated().map {
            SamplingOptions(temperature: 5, seed: UInt64($0), maxTokens: $1)
        }
        let alone = try alone(model, Self.conversations, options)
        #expect(alone.contains { $0.finishReason == "stop" } && alone.contains { $0.finishReason == "length" })
        model.resetCache()
        try expectSame(model.generate(batch: Self.conversations, options: options), alone)
    }

    @Test func batchesLargerThanTheSlotsRunInGroups() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil))
        let batch = Array((Self.conversations + Self.conversations).prefix(LocalModel.maxBatchSize + 2))
        let options = batch.indices.map { SamplingOptions(temperature: 0, maxTokens: 6 + $0) }
        let alone = try alone(model, batch, options)
        model.resetCache()
        try expectSame(model.generate(batch: batch, options: options), alone)
    }

    @Test func cancellingOneSequenceLeavesTheOthers() throws {
        let model = try SyntheticModel.load(SyntheticModel.build(template: nil))
        let options = Self.conversations.map { _ in SamplingOptions(temperature: 0, maxTokens: 20) }
        let alone = try alone(model, Self.conversations, options)
        model.resetCache()
        let polls = Atomic<Int>(0)
        let results = model.generate(batch: Self.conversations, options: options) { i in
            // Sequence 1 is cancelled at its 5th check; sequence 3 before its prompt.
            i == 3 || (i == 1 && polls.add(1, ordering: .relaxed).newValue >= 5)
        }
        for (i, result) in results.enumerated() {
            switch (i, result) {
            case (1, .failure(let error)), (3, .failure(let error)): #expect(error.code == .cancelled)
            case (_, .success(let reply)): #expect(reply.text == alone[i].text)
            default: Issue.record("unexpected result \(i): \(result)")
            }
        }
        #expect(polls.load(ordering: .relaxed) == 5)
        // An invalid request fails alone.
        let mixed = model.generate(
            batch: Array(Self.conversations.prefix(2)),
            options: [SamplingOptions(maxTokens: -1), SamplingOptions(temperature: 0, maxTokens: 20)])
        #expect(throws: LocalInferenceError.self) { try mixed[0].get() }
        model.resetCache()
        #expect(try mixed[1].get().text == alone[1].text)
    }

    @Test(.enabled(if: TestModel.isAvailable, "needs \(TestModel.fileName) in ~/.systemcard/models"))
    func smolLM2GreedyBatchMatchesEachAlone() throws {
        let model = try LocalModel(contentsOf: TestModel.url, threads: nil, maxContext: 1024)
        let conversations: [[ChatTurn]] = [
            [ChatTurn(role: "user", content: "What is the capital of France?")],
            [ChatTurn(role: "system", content: "You are a terse assistant."),
             ChatTurn(role: "user", content: "Name three colours.")],
            [ChatTurn(role: "user", content: "Write a haiku about the sea, please, and explain each line of it.")],
            [ChatTurn(role: "user", content: "Say hi.")],
        ]
        let options = [24, 16, 24, 8].map { SamplingOptions(temperature: 0, maxTokens: $0) }
        let alone = try alone(model, conversations, options)
        model.resetCache()
        try expectSame(model.generate(batch: conversations, options: options), alone)
        let sampled = (0..<4).map { SamplingOptions(temperature: 0.8, seed: UInt64($0), maxTokens: 12) }
        let sampledAlone = try self.alone(model, conversations, sampled)
        model.resetCache()
        try expectSame(model.generate(batch: conversations, options: sampled), sampledAlone)
    }
}
