import Foundation

/// A small GGUF chat model run in-process (pure Swift, CPU): load once, then `generate` replies.
///
/// Supported: Llama-style (SmolLM2, Llama, Mistral) and Qwen2 architectures; F32, F16, BF16, Q8_0, Q4_0, Q4_1,
/// Q5_0, Q4_K and Q6_K tensors; byte-level BPE tokenizers; ChatML, Llama 3 and Gemma chat templates.
/// All methods are thread-safe: concurrent calls are serialised.
public final class LocalModel: @unchecked Sendable {
    /// The model architecture (`general.architecture`), e.g. "llama".
    public var architecture: String { transformer.config.architecture }
    /// The model name (`general.name`), or the file name.
    public let name: String
    /// The detected chat template family: "chatml", "llama3", "gemma" or "plain".
    public var chatTemplateFamily: String { template.family.rawValue }
    /// The context window (in tokens) the engine uses.
    public var contextLength: Int { transformer.maxPositions }
    /// The number of threads used by the matrix kernels.
    public var threadCount: Int { transformer.threadCount }
    /// The matrix kernels in use (see `KernelLevel`).
    public var kernels: KernelLevel { transformer.kernels }
    /// The parsed GGUF file.
    public let file: GGUFFile

    private let transformer: Transformer
    private let tokenizer: BPETokenizer
    private let template: ChatTemplate
    private let stopTokens: Set<Int32>
    private let lock = NSLock()

    /// Loads the GGUF model at `url`.
    /// - Parameters:
    ///   - threads: worker threads for the kernels; nil uses all cores.
    ///   - maxContext: caps the context window (the KV cache grows lazily either way).
    ///   - kernels: the matrix kernels; a level the CPU cannot run is lowered to one it can.
    public init(
        contentsOf url: URL, threads: Int? = nil, maxContext: Int? = nil, kernels: KernelLevel = .automatic
    ) throws {
        let file = try GGUFFile(contentsOf: url)
        self.file = file
        let threadCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let tokenizer = try BPETokenizer(metadata: file.metadata)
        self.tokenizer = tokenizer
        transformer = try Transformer(file: file, threads: threadCount, maxContext: maxContext, kernels: kernels)
        name = file.metadata["general.name"]?.stringValue ?? url.deletingPathExtension().lastPathComponent
        let bosText = tokenizer.bosToken.map { tokenizer.tokens[Int($0)] }
        let eosText = tokenizer.eosToken.map { tokenizer.tokens[Int($0)] }
        let template = ChatTemplate(
            template: file.metadata["tokenizer.chat_template"]?.stringValue, bosText: bosText, eosText: eosText)
        self.template = template
        var stops: Set<Int32> = []
        if let eos = tokenizer.eosToken { stops.insert(eos) }
        if let eot = file.metadata["tokenizer.ggml.eot_token_id"]?.intValue, eot >= 0, eot < tokenizer.tokens.count {
            stops.insert(Int32(eot))
        }
        for text in template.endOfTurnTexts {
            if let id = tokenizer.id(of: text) { stops.insert(id) }
        }
        stopTokens = stops
    }

    /// Tokenises text; with `parseSpecial`, control tokens written in the text (e.g. `<|im_start|>`) are recognised.
    /// No BOS token is added.
    public func tokenize(_ text: String, parseSpecial: Bool) -> [Int32] {
        tokenizer.tokenize(text, parseSpecial: parseSpecial, addBOS: false)
    }

    /// Decodes tokens to text (control tokens rendered as their text).
    public func detokenize(_ tokens: [Int32]) -> String {
        tokenizer.detokenize(tokens)
    }

    /// The prompt text for a conversation, ending with the assistant header.
    public func formatChat(_ turns: [ChatTurn]) -> String {
        template.render(turns)
    }

    /// How the model writes tool calls when its own chat template offers tools (Hermes `<tool_call>` blocks, Mistral
    /// `[TOOL_CALLS]`, Llama 3 JSON…); nil when the template has no tools, or when it mentions tools but could not be
    /// compiled (``toolTemplateError`` says why). With a format, ``formatChat(_:tools:)`` renders tool definitions,
    /// calls and results through the template itself and ``ToolCallFormat/parse(_:)`` reads calls back.
    public var toolCallFormat: ToolCallFormat? { template.toolFormat }

    /// Why the model's chat template mentions tools but could not be compiled, if it could not.
    public var toolTemplateError: String? { template.toolTemplateError }

    /// The prompt text for a conversation that may carry tool definitions (JSON objects in the OpenAI format,
    /// `{"type": "function", "function": {"name": …, "description": …, "parameters": {…}}}`), tool calls and tool
    /// results. When the model's template offers tools it renders all of them itself (as Hugging Face's
    /// `apply_chat_template` does); otherwise this is ``formatChat(_:)`` and the tools are ignored.
    /// - Throws: ``LocalInferenceError`` (`templateError`) when the template fails or refuses the conversation.
    public func formatChat(_ turns: [ChatTurn], tools: [String]) throws -> String {
        let usesTools = !tools.isEmpty || turns.contains { !$0.toolCalls.isEmpty || $0.role == "tool" }
        guard usesTools, template.toolFormat != nil else { return template.render(turns) }
        do {
            return try template.renderWithTools(turns, tools: tools)
        } catch {
            throw LocalInferenceError(.templateError, "\(error)")
        }
    }

    /// The token ids of the formatted prompt (with BOS when the model wants one).
    public func promptTokens(_ turns: [ChatTurn]) -> [Int32] {
        tokens(ofPrompt: formatChat(turns))
    }

    /// The token ids of the prompt ``formatChat(_:tools:)`` writes.
    /// - Throws: ``LocalInferenceError`` (`templateError`).
    public func promptTokens(_ turns: [ChatTurn], tools: [String]) throws -> [Int32] {
        tokens(ofPrompt: try formatChat(turns, tools: tools))
    }

    private func tokens(ofPrompt text: String) -> [Int32] {
        var tokens = tokenizer.tokenize(text, parseSpecial: true, addBOS: false)
        if tokenizer.addBOS, let bos = tokenizer.bosToken, tokens.first != bos { tokens.insert(bos, at: 0) }
        return tokens
    }

    /// Forgets the KV cache (normally a new conversation reuses the longest common prompt prefix).
    public func resetCache() {
        lock.lock()
        defer { lock.unlock() }
        transformer.reset()
    }

    /// Whether `token` ends the assistant's turn.
    public func isEndOfTurn(_ token: Int32) -> Bool { stopTokens.contains(token) }

    /// The logits for the first generated token of the reply to `turns`.
    /// - Throws: ``LocalInferenceError`` (`cancelled` when the calling task is cancelled).
    public func firstTokenLogits(_ turns: [ChatTurn]) throws -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        let prompt = try checkedPrompt(turns, reserve: 0)
        let stop = { Task.isCancelled }
        try Self.checkCancellation(stop, "before the prompt")
        return try transformer.evaluate(prompt, reuseCache: true, shouldStop: stop)
    }

    /// The logits after `tokens` (raw token ids: no chat template, no BOS added).
    ///
    /// The KV cache is reused when it holds a prefix of `tokens`, so calling this with a sequence one token longer
    /// than the previous call runs a single decoding step, exactly as generation does.
    /// - Throws: ``LocalInferenceError`` (an id outside the vocabulary, too many tokens, `cancelled`).
    public func logits(after tokens: [Int32]) throws -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        let stop = { Task.isCancelled }
        try Self.checkCancellation(stop, "before the prompt")
        return try transformer.evaluate(tokens, reuseCache: true, shouldStop: stop)
    }

    /// Up to `count` greedy tokens of the reply, stopping before an end-of-turn token.
    public func greedyTokens(_ turns: [ChatTurn], count: Int) throws -> [Int32] {
        let result = try generateTokens(
            turns, options: SamplingOptions(temperature: 0, maxTokens: count), isCancelled: { false })
        return result.tokens
    }

    /// Generates the assistant's reply to `turns`.
    ///
    /// Stops promptly when the calling task is cancelled: cancellation is checked before each batch of prompt tokens
    /// and before each generated token, and throws a `cancelled` error (the model stays usable).
    /// - Throws: ``LocalInferenceError``.
    public func generate(_ turns: [ChatTurn], options: SamplingOptions) throws -> GenerationResult {
        try generateTokens(turns, options: options, isCancelled: { false }).result
    }

    /// Generates the assistant's reply to `turns`, also stopping when `isCancelled` returns true.
    ///
    /// For callers that run the engine outside the task that may be cancelled (e.g. on a dedicated queue): set a
    /// flag from a task cancellation handler and read it here. `isCancelled` is called from the generating thread,
    /// as often as `Task.isCancelled` is checked.
    /// - Throws: ``LocalInferenceError`` (`cancelled` when `isCancelled` returns true or the calling task is
    ///   cancelled).
    public func generate(_ turns: [ChatTurn], options: SamplingOptions, isCancelled: () -> Bool) throws
        -> GenerationResult
    {
        try generateTokens(turns, options: options, isCancelled: isCancelled).result
    }

    /// The largest number of conversations ``generate(batch:options:tools:reuseCachedPrefix:isCancelled:)`` decodes together; larger batches
    /// are run in groups of this size, one group after the other.
    public static let maxBatchSize = Transformer.maxSlots

    /// Generates the replies to several conversations together: each prompt is processed alone, then every
    /// sequence advances one token per forward pass, sharing the reading of the weights.
    ///
    /// Each reply is the same, token for token, as ``generate(_:options:isCancelled:)`` would give for it alone
    /// with the same cache state (greedy, or sampled with the same seed: each sequence keeps its own generator).
    /// Each sequence has its own KV cache (slot `i` for the `i`-th conversation of a group; slot 0 is also used by
    /// the single-conversation methods).
    ///
    /// By default every prompt is processed from its first token, so a reply depends only on its own conversation
    /// and options — not on which request used the slot before (the attention arithmetic, like llama.cpp's, depends
    /// on how many prompt tokens are processed together, so reusing a cached prefix can change the low bits and,
    /// rarely, a token). `reuseCachedPrefix: true` keeps each slot's longest common prefix instead: faster for
    /// prompts that share a long beginning, at the cost of that dependence.
    ///
    /// - Parameters:
    ///   - tools: empty, or each conversation's tool definitions (see ``formatChat(_:tools:)``).
    ///   - reuseCachedPrefix: reuse the part of a slot's cache that matches the new prompt.
    ///   - isCancelled: called with a conversation's index before its prompt batches and before each of its tokens;
    ///     when it returns true (or the calling task is cancelled) that sequence stops with a `cancelled` error while
    ///     the others go on.
    /// - Returns: one result per conversation, in order: the reply, or the ``LocalInferenceError`` that ended it.
    /// - Precondition: `options.count == batch.count`, and `tools` is empty or as long.
    public func generate(
        batch: [[ChatTurn]], options: [SamplingOptions], tools: [[String]] = [], reuseCachedPrefix: Bool = false,
        isCancelled: (Int) -> Bool = { _ in false }
    ) -> [Result<GenerationResult, LocalInferenceError>] {
        precondition(options.count == batch.count, "one SamplingOptions per conversation")
        precondition(tools.isEmpty || tools.count == batch.count, "no tools, or one tool list per conversation")
        let tools = tools.isEmpty ? Array(repeating: [], count: batch.count) : tools
        var results: [Result<GenerationResult, LocalInferenceError>] = []
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + Self.maxBatchSize)
            let offset = start
            results += generateGroup(
                Array(batch[start..<end]), options: Array(options[start..<end]), tools: Array(tools[start..<end]),
                reuseCachedPrefix: reuseCachedPrefix
            ) { isCancelled(offset + $0) }
            start = end
        }
        return results
    }

    /// One sequence of a batch being generated.
    private struct Sequence {
        var prompt: [Int32] = []
        var sampler: Sampler
        var logits: [Float] = []
        var generated: [Int32] = []
        var firstLogprobs: [TokenLogprob] = []
        var finish = "length"
        var promptSeconds = 0.0
        var started: ContinuousClock.Instant
        var outcome: Result<GenerationResult, LocalInferenceError>?
    }

    private func generateGroup(
        _ batch: [[ChatTurn]], options: [SamplingOptions], tools: [[String]], reuseCachedPrefix: Bool,
        isCancelled: (Int) -> Bool
    ) -> [Result<GenerationResult, LocalInferenceError>] {
        let clock = ContinuousClock()
        func stop(_ i: Int) -> Bool { Task.isCancelled || isCancelled(i) }
        var sequences = options.map { Sequence(sampler: Sampler(options: $0), started: clock.now) }
        for i in batch.indices {
            if options[i].maxTokens < 0 {
                sequences[i].outcome = .failure(LocalInferenceError(.invalidArgument, "maxTokens must not be negative"))
            } else if stop(i) {
                sequences[i].outcome = .failure(LocalInferenceError(.cancelled, "cancelled before the prompt"))
            }
        }
        lock.lock()
        defer { lock.unlock() }
        func finish(_ i: Int) {
            let s = sequences[i]
            let text = tokenizer.detokenize(s.generated, renderSpecial: false)
            var result = GenerationResult(
                text: text, promptTokens: s.prompt.count, completionTokens: s.generated.count,
                finishReason: s.finish, promptSeconds: s.promptSeconds,
                generationSeconds: (clock.now - s.started).inSeconds)
            result.firstTokenLogprobs = s.firstLogprobs
            sequences[i].outcome = .success(result)
        }
        // Prompts, one sequence at a time, each in its own slot.
        for i in batch.indices where sequences[i].outcome == nil {
            do {
                if stop(i) { throw LocalInferenceError(.cancelled, "cancelled before the prompt") }
                let prompt = try checkedPrompt(batch[i], tools: tools[i], reserve: 1)
                sequences[i].prompt = prompt
                let t0 = clock.now
                sequences[i].logits = try transformer.evaluate(prompt, reuseCache: reuseCachedPrefix, slot: i) { stop(i) }
                sequences[i].promptSeconds = (clock.now - t0).inSeconds
                sequences[i].started = clock.now
            } catch let error as LocalInferenceError {
                sequences[i].outcome = .failure(error)
            } catch {
                sequences[i].outcome = .failure(LocalInferenceError(.invalidArgument, "\(error)"))
            }
        }
        // Decoding: every live sequence advances one token per forward pass.
        while true {
            var tokens: [Int32] = []
            var slots: [Int] = []
            for i in batch.indices where sequences[i].outcome == nil {
                var s = sequences[i]
                if s.generated.count >= options[i].maxTokens {
                    finish(i)
                    continue
                }
                if s.generated.isEmpty && options[i].topLogprobs > 0 {
                    s.firstLogprobs = TokenLogprob.top(options[i].topLogprobs, of: s.logits) {
                        tokenizer.detokenize([$0], renderSpecial: true)
                    }
                }
                let next = s.sampler.sample(s.logits)
                s.logits = []
                if stopTokens.contains(next) {
                    s.finish = "stop"
                    sequences[i] = s
                    finish(i)
                    continue
                }
                s.generated.append(next)
                sequences[i] = s
                if s.generated.count >= options[i].maxTokens
                    || s.prompt.count + s.generated.count >= transformer.maxPositions
                {
                    finish(i)
                } else if stop(i) {
                    sequences[i].outcome = .failure(
                        LocalInferenceError(.cancelled, "cancelled after \(s.generated.count) generated tokens"))
                } else {
                    tokens.append(next)
                    slots.append(i)
                }
            }
            if tokens.isEmpty { break }
            do {
                let logits = try transformer.decode(tokens, slots: slots)
                for (row, i) in slots.enumerated() { sequences[i].logits = logits[row] }
            } catch let error as LocalInferenceError {
                for i in slots { sequences[i].outcome = .failure(error) }
            } catch {
                for i in slots { sequences[i].outcome = .failure(LocalInferenceError(.invalidArgument, "\(error)")) }
            }
        }
        return sequences.map { $0.outcome! }
    }

    private static func checkCancellation(_ stop: () -> Bool, _ when: @autoclosure () -> String) throws {
        if stop() { throw LocalInferenceError(.cancelled, "cancelled \(when())") }
    }

    private func checkedPrompt(_ turns: [ChatTurn], tools: [String] = [], reserve: Int) throws -> [Int32] {
        let tokens = try promptTokens(turns, tools: tools)
        guard tokens.count + reserve <= transformer.maxPositions else {
            throw LocalInferenceError(
                .contextExceeded,
                "context exceeded: the prompt has \(tokens.count) tokens and the context window is "
                    + "\(transformer.maxPositions)")
        }
        return tokens
    }

    private func generateTokens(_ turns: [ChatTurn], options: SamplingOptions, isCancelled: () -> Bool) throws
        -> (tokens: [Int32], result: GenerationResult)
    {
        guard options.maxTokens >= 0 else {
            throw LocalInferenceError(.invalidArgument, "maxTokens must not be negative")
        }
        let stop = { Task.isCancelled || isCancelled() }
        // A caller cancelled while waiting for the lock returns at once.
        try Self.checkCancellation(stop, "before the prompt")
        lock.lock()
        defer { lock.unlock() }
        try Self.checkCancellation(stop, "before the prompt")
        let prompt = try checkedPrompt(turns, reserve: 1)
        let clock = ContinuousClock()
        let t0 = clock.now
        var logits = try transformer.evaluate(prompt, reuseCache: true, shouldStop: stop)
        let t1 = clock.now
        var sampler = Sampler(options: options)
        var generated: [Int32] = []
        var finish = "length"
        let firstLogprobs = TokenLogprob.top(options.topLogprobs, of: logits) {
            tokenizer.detokenize([$0], renderSpecial: true)
        }
        while generated.count < options.maxTokens {
            let next = sampler.sample(logits)
            if stopTokens.contains(next) {
                finish = "stop"
                break
            }
            generated.append(next)
            if generated.count >= options.maxTokens || prompt.count + generated.count >= transformer.maxPositions {
                break
            }
            try Self.checkCancellation(stop, "after \(generated.count) generated tokens")
            logits = try transformer.step(next, shouldStop: stop)
        }
        let t2 = clock.now
        let text = tokenizer.detokenize(generated, renderSpecial: false)
        var result = GenerationResult(
            text: text, promptTokens: prompt.count, completionTokens: generated.count, finishReason: finish,
            promptSeconds: (t1 - t0).inSeconds, generationSeconds: (t2 - t1).inSeconds)
        result.firstTokenLogprobs = firstLogprobs
        return (generated, result)
    }
}
