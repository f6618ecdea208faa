import Foundation
import Testing
import Yams
@testable import SystemCardKit

/// `deploy/kubernetes/`: the manifests parse, the card they mount is a valid config, and the Indexed Job's shard
/// count is said the same way twice (`completions` and `--shard auto/N`).
@Suite struct KubernetesManifestTests {
    static let folder = SharedData.repositoryRoot.appendingPathComponent("deploy/kubernetes")

    static func manifest(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not one YAML mapping")
    }

    @Test func theIndexedJobShardsAsManyWaysAsItHasCompletions() throws {
        let job = try Self.manifest("card-job.yaml")
        #expect(job["kind"] as? String == "Job")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        #expect(spec["parallelism"] as? Int == completions)
        #expect((spec["backoffLimitPerIndex"] as? Int ?? 0) >= 1, "a dead shard is run again")
        let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = try #require(container["command"] as? [String])
        let shard = try #require(command.firstIndex(of: "--shard").map { command[$0 + 1] })
        #expect(shard == "auto/\(completions)")
        let parsed = try RunShard(shard, environment: [RunShard.kubernetesIndexVariable: String(completions - 1)])
        #expect(parsed.count == completions)
        #expect(command.prefix(2) == ["systemcard", "card"])
        #expect(command.contains("/config/card.yaml"))
        let secret = try #require((container["envFrom"] as? [[String: Any]])?.first?["secretRef"] as? [String: Any])
        #expect(secret["name"] as? String == "systemcard")
    }

    @Test func theSecretCarriesTheStoreURLAndTheConfigMapAValidCard() throws {
        let secret = try Self.manifest("secret.yaml")
        let values = try #require(secret["stringData"] as? [String: String])
        let url = try #require(values["SYSTEMCARD_DB"])
        #expect(try StoreLocation(url).description.hasPrefix("postgres://systemcard@"))
        #expect(values["OPENAI_API_KEY"] != nil)

        let configMap = try Self.manifest("configmap.yaml")
        let text = try #require((configMap["data"] as? [String: String])?["card.yaml"])
        let card = try CardConfigLoader.parse(text)
        #expect(card.models.map(\.spec.description) == ["openai/my-model"])
        #expect(card.effectiveProfile == .full)

        let writer = try Self.manifest("card-writer-job.yaml")
        let command = try #require(
            ((((writer["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])?["containers"]
                as? [[String: Any]])?.first?["command"] as? [String])
        #expect(command.joined(separator: " ").contains("systemcard card --config /config/card.yaml"))
        #expect(!command.joined(separator: " ").contains("--shard"), "the writer runs the whole card, from the store")
    }
}
