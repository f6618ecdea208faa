import Dispatch
import Foundation
import LocalInference
import Synchronization

/// The embedded engine as a ``ModelProvider``: `local/<name-or-path.gguf>` runs in this process, with no
/// server and no key. Developer messages are always folded into the system message, and recorded so.
///
/// Requests are decoded in batches on a dedicated queue: the requests waiting when the engine becomes free (after
/// a short gathering delay) run together, up to `LocalModel.maxBatchSize` (8) at a time, sharing each read of the
/// weights (see `LocalModel.generate(batch:options:tools:reuseCachedPrefix:isCancelled:)`); each reply is the same as the request would get
/// alone. Requests that arrive while a batch runs wait for the next one. Cancelling a request's task stops its
/// sequence at the next token (or before its prompt) without disturbing the others.
final class LocalModelProvider: ModelProvider {
    let identity: ModelIdentity
    private let model: LocalModel
    private let queue = DispatchQueue(label: "systemcard.local-model")
    /// The requests waiting for the next batch, and whether the queue is draining them.
    private let state = Mutex<(waiting: [Pending], draining: Bool)>(([], false))
    /// Answer length when the run sets no `--max-tokens`.
    static let defaultMaxTokens = 256
    /// How long the engine, when idle, waits for more requests before starting a batch.
    static let gatheringDelay: DispatchTimeInterval = .milliseconds(5)

    /// A request waiting for (or in) a batch.
    private final class Pending: Sendable {
        let turns: [ChatTurn]
        /// Tool definitions for a model whose own template renders them (empty otherwise).
        let tools: [String]
        let options: SamplingOptions
        let continuation: CheckedContinuation<GenerationResult, any Error>
        let flag: CancellationFlag

        init(turns: [ChatTurn], tools: [String], options: SamplingOptions, flag: CancellationFlag,
             continuation: CheckedContinuation<GenerationResult, any Error>) {
            self.turns = turns
            self.tools = tools
            self.options = options
            self.flag = flag
            self.continuation = continuation
        }
    }

    /// Set by a request task's cancellation handler; read by the engine between tokens.
    private final class CancellationFlag: Sendable {
        let isSet = Atomic<Bool>(false)
    }

    init(file: URL, name: String, threads: Int? = nil) throws {
        do {
            model = try LocalModel(contentsOf: file, threads: threads)
        } catch {
            throw SystemCardError.invalidInput("cannot load \(file.path): \(error)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        identity = ModelIdentity(
            provider: "local", model: name, baseURL: "local:\(file.lastPathComponent)#\(size)", developerRoleMode: .fold)
    }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let hasDeveloper = request.messages.contains { $0.role == .developer }
        // Tools: through the model's own chat template when it offers them, else the ChatML convention.
        let usesTools = !request.tools.isEmpty || request.messages.contains { $0.role == .tool || $0.toolCalls != nil }
        let turns: [ChatTurn]
        let tools: [String]
        if usesTools, model.toolCallFormat != nil {
            turns = LocalToolConvention.templateTurns(for: request.messages.foldingDeveloperIntoSystem())
            tools = LocalToolConvention.templateTools(for: request)
        } else {
            let messages = LocalToolConvention.messages(for: request).foldingDeveloperIntoSystem()
            turns = messages.map { ChatTurn(role: $0.role.rawValue, content: $0.content) }
            tools = []
        }
        var options = SamplingOptions()
        options.temperature = request.settings.temperature ?? 0
        options.maxTokens = request.settings.maxTokens ?? Self.defaultMaxTokens
        options.seed = request.settings.seed.map { UInt64(bitPattern: Int64($0)) }
        options.topLogprobs = max(0, request.settings.topLogprobs ?? 0)
        let settings = options
        // The engine runs on the queue, outside this task: a cancellation flag carries the task's cancellation to it
        // (checked between prompt batches and between tokens).
        let flag = CancellationFlag()
        let result: GenerationResult = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enqueue(Pending(turns: turns, tools: tools, options: settings, flag: flag, continuation: continuation))
            }
        } onCancel: {
            flag.isSet.store(true, ordering: .relaxed)
        }
        // Calls are read only when tools were offered: on the template path, none are under tool choice `none`.
        let offered = model.toolCallFormat == nil ? !request.tools.isEmpty : !tools.isEmpty
        var (text, calls) = offered
            ? LocalToolConvention.parse(result.text, format: model.toolCallFormat ?? .hermes) : (result.text, [])
        if model.toolCallFormat != nil {
            // Ids unique in the conversation, nine letters and digits (Mistral's templates refuse any other shape).
            let turn = request.messages.count % 10_000
            calls = calls.enumerated().map { i, call in
                ToolCall(id: "c" + String(format: "%04d%04d", turn, i % 10_000), name: call.name, arguments: call.arguments)
            }
        }
        var response = ModelResponse(
            text: text, finishReason: calls.isEmpty ? result.finishReason : "tool_calls", toolCalls: calls,
            usage: TokenUsage(promptTokens: result.promptTokens, completionTokens: result.completionTokens),
            developerRole: hasDeveloper ? .folded : .none)
        if request.settings.topLogprobs != nil {
            response.firstTokenLogprobs = result.firstTokenLogprobs.map { TokenLogprob(token: $0.token, logprob: $0.logprob) }
        }
        return response
    }

    private func enqueue(_ pending: Pending) {
        let start = state.withLock { state -> Bool in
            state.waiting.append(pending)
            if state.draining { return false }
            state.draining = true
            return true
        }
        if start { queue.asyncAfter(deadline: .now() + Self.gatheringDelay) { self.drain() } }
    }

    /// Runs batches of waiting requests until none is left.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.waiting.prefix(LocalModel.maxBatchSize))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            let results = model.generate(batch: batch.map(\.turns), options: batch.map(\.options), tools: batch.map(\.tools)) {
                batch[$0].flag.isSet.load(ordering: .relaxed)
            }
            for (pending, result) in zip(batch, results) {
                switch result {
                case .success(let reply): pending.continuation.resume(returning: reply)
                case .failure(let error) where error.code == .cancelled:
                    pending.continuation.resume(throwing: CancellationError())
                case .failure(let error) where error.code == .templateError:
                    // The conversation, not the engine: the template refused it (e.g. two parallel calls where the
                    // model supports one), so the request is invalid rather than the model failing.
                    pending.continuation.resume(
                        throwing: ProviderError(.badRequest, message: "local model's chat template: \(error.message)"))
                case .failure(let error):
                    pending.continuation.resume(
                        throwing: ProviderError(.modelFailure, message: "local model: \(error)"))
                }
            }
        }
    }
}
