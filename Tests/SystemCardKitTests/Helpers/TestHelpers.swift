import Foundation
import GRDB
import Synchronization
@testable import SystemCardKit

/// Where the repository keeps its real datasets: `<repo>/../shared/datasets`, found from this file.
enum SharedData {
    static let repositoryRoot: URL = {
        // Tests/SystemCardKitTests/Helpers/TestHelpers.swift → repository root is four levels up.
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    static let datasets: URL = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("datasets").standardizedFileURL

    static var directory: DataDirectory { DataDirectory(url: datasets) }

    static func has(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: datasets.appendingPathComponent(relativePath).path)
    }

    static var hasXSTestPrompts: Bool { has(XSTestDataset.promptsFile) }
    static var hasXSTestCompletions: Bool { has(XSTestGraderValidation.completionsFile) }
}

/// A fresh temporary folder, removed by the caller with `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("systemcard-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to relativePath: String) throws -> URL {
        let fileURL = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: fileURL)
        return fileURL
    }
}

/// A store over an in-memory SQLite database.
func makeMemoryStore() throws -> SQLiteResultStore {
    try SQLiteResultStore(writer: DatabaseQueue())
}

/// A provider that answers from a closure and counts its calls; a test double for any endpoint.
final class ScriptedProvider: ModelProvider {
    let identity: ModelIdentity
    private let calls = Mutex<[String]>([])
    private let answer: @Sendable (ModelRequest) throws -> ModelResponse

    init(
        model: String = "test-model",
        answer: @escaping @Sendable (ModelRequest) throws -> ModelResponse = { request in
            ModelResponse(text: "answer: " + (request.messages.last?.content ?? ""), finishReason: "stop",
                          usage: TokenUsage(promptTokens: 3, completionTokens: 2))
        }
    ) {
        self.identity = ModelIdentity(
            provider: "test", model: model, baseURL: "http://test.invalid/v1", developerRoleMode: .native)
        self.answer = answer
    }

    /// Always returns `text`.
    convenience init(model: String = "test-model", text: String) {
        self.init(model: model, answer: { _ in ModelResponse(text: text, usage: TokenUsage(promptTokens: 7, completionTokens: 4)) })
    }

    var callCount: Int { calls.withLock { $0.count } }
    /// The last message of every request received, in order.
    var prompts: [String] { calls.withLock { $0 } }

    func generate(_ request: ModelRequest) async throws -> ModelResponse {
        calls.withLock { $0.append(request.messages.last?.content ?? "") }
        return try answer(request)
    }
}

/// A ``ModelRole`` straight over a provider (no call cache, no cost ledger), for solver and grader tests.
struct ProviderRole: ModelRole {
    var name: String
    let provider: any ModelProvider
    var settings = GenerationSettings()

    var identity: ModelIdentity { provider.identity }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings override: GenerationSettings?
    ) async throws -> ModelResponse {
        try await provider.generate(
            ModelRequest(messages: messages, settings: override ?? settings, tools: tools, toolChoice: toolChoice))
    }

    /// The grader role over `provider`.
    static func testJudge(_ provider: any ModelProvider) -> ProviderRole {
        ProviderRole(name: "grader", provider: provider)
    }
}

/// A thread-safe boolean set once.
final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var value: Bool { state.withLock { $0 } }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let state = Mutex(0)
    /// Adds one and returns the new value.
    @discardableResult func increment() -> Int { state.withLock { $0 += 1; return $0 } }
    var value: Int { state.withLock { $0 } }
}

/// A value behind a lock, shareable with escaping closures (a `Mutex` itself cannot be captured).
final class Locked<Value: Sendable>: Sendable {
    private let state: Mutex<Value>
    init(_ value: Value) { state = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { state.withLock { body(&$0) } }
}
