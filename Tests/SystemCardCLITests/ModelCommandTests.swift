import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard model pull|list` and bad local model files, end to end.
struct ModelCommandTests {
    @Test func pullRefusesAFileWhoseDigestDoesNotMatch() async throws {
        let server = try await FakeChatServer.start(files: ["bad.gguf": Data("GGUF not really".utf8)]) { _ in .answer("") }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let models = harness.directory.appendingPathComponent("models")
        let result = try await harness.run(
            ["model", "pull", "smollm2", "--url", "http://127.0.0.1:\(server.port)/files/bad.gguf"],
            environment: ["SYSTEMCARD_MODELS_DIR": models.path])
        await server.stop()
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("sha256"))
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []
        #expect(!installed.contains("SmolLM2-135M-Instruct.Q4_1.gguf"))

        let list = try await harness.run(["model", "list"], environment: ["SYSTEMCARD_MODELS_DIR": models.path])
        #expect(list.exitCode == 0)
        #expect(list.stdout.contains("local/smollm2"))
        #expect(list.stdout.contains("not installed"))
    }

    @Test(arguments: [
        ("empty.gguf", Data()),
        ("text.gguf", Data("this is not a model".utf8)),
        ("truncated.gguf", Data([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0, 9, 0, 0, 0])),
    ])
    func aCorruptModelFileIsAClearErrorNotACrash(name: String, bytes: Data) async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let file = harness.directory.appendingPathComponent(name)
        try bytes.write(to: file)
        let result = try await harness.run(
            ["eval", "xstest", "--model", "local/\(file.path)", "--db", harness.databasePath, "--data-dir",
             harness.directory.path])
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot load"))
    }
}
