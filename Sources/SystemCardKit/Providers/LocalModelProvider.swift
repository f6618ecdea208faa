import Dispatch
import Foundation
import LocalInference
import Synchronization

/// The embedded engine as a ``ModelProvider``: `local/<name-or-path.gguf>` runs in this process, with no
/// server and no key. Requests are served one at a time on a dedicated queue (the engine itself uses every
/// core for each token). Developer messages are always folded into the system message, and recorded so.
public final class LocalModelProvider: ModelProvider {
    public let identity: ModelIdentity
    private let model: LocalModel
    private let queue = DispatchQueue(label: "systemcard.local-model")
    /// Answer length when the run sets no `--max-tokens`.
    public static let defaultMaxTokens = 256

    public init(file: URL, name: String, threads: Int? = nil) throws {
        do {
            model = try LocalModel(contentsOf: file, threads: threads)
        } catch {
            throw SystemCardError.invalidInput("cannot load \(file.path): \(error)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        identity = ModelIdentity(
            provider: "local", model: name, baseURL: "local:\(file.lastPathComponent)#\(size)", developerRoleMode: .fold)
    }

    public func generate(_ request: ModelRequest) async throws -> ModelResponse {
        let hasDeveloper = request.messages.contains { $0.role == .developer }
        let turns = request.messages.foldingDeveloperIntoSystem().map { ChatTurn(role: $0.role.rawValue, content: $0.content) }
        var options = SamplingOptions()
        options.temperature = request.settings.temperature ?? 0
        options.maxTokens = request.settings.maxTokens ?? Self.defaultMaxTokens
        options.seed = request.settings.seed.map { UInt64(bitPattern: Int64($0)) }
        let model = self.model
        let settings = options
        // The engine runs on the queue, outside this task: a cancellation flag carries the task's cancellation to it
        // (checked between prompt batches and between tokens).
        let cancelled = Atomic<Bool>(false)
        let result: GenerationResult = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    do {
                        continuation.resume(
                            returning: try model.generate(turns, options: settings) {
                                cancelled.load(ordering: .relaxed)
                            })
                    } catch let error as LocalInferenceError where error.code == .cancelled {
                        continuation.resume(throwing: CancellationError())
                    } catch {
                        continuation.resume(throwing: ProviderError(.modelFailure, message: "local model: \(error)"))
                    }
                }
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
        return ModelResponse(
            text: result.text, finishReason: result.finishReason,
            usage: TokenUsage(promptTokens: result.promptTokens, completionTokens: result.completionTokens),
            developerRole: hasDeveloper ? .folded : .none)
    }
}
