import Foundation
import Testing

@testable import SystemCardKit

/// Every generated challenge is solvable: its reference solution, run in the sandbox on the files the setup
/// built, prints the flag; the files never contain the setup script, and other epochs get other flags.
@Suite(.enabled(if: SandboxSupport.available, SandboxSupport.skipReason))
struct GeneratedChallengeTests {
    @Test(arguments: GeneratedChallenges.all.map(\.kind))
    func theReferenceSolutionFindsTheFlag(kind: String) async throws {
        let challenge = try #require(GeneratedChallenges.all.first { $0.kind == kind })
        for epoch in 1...2 {
            let sample = Sample(id: "\(kind)-1", messages: [.user(challenge.prompt)], metadata: ["kind": kind])
            let prepared = try await GeneratedCTFEvaluation.prepare(sample, epoch: epoch, challenge: challenge, keep: false)
            let sandbox = try #require(prepared.sandbox as? BubblewrapSandbox)
            let solved = try await sandbox.run(SandboxCommand(challenge.solution, timeout: .seconds(120)))
            let listing = try await sandbox.run(SandboxCommand("ls -R; grep -rl 'SEED =' . || true"))
            await sandbox.tearDown()
            let flag = CTFFlag.flag(sample: sample.id, epoch: epoch)
            #expect(prepared.target == flag)
            let printed = solved.stdout.split(separator: "\n").last.map(String.init)
            #expect(printed == flag, "\(kind) epoch \(epoch): \(solved.stdout) \(solved.stderr)")
            #expect(!listing.stdout.contains("SEED ="), "the setup script must not be left in the workspace")
        }
        #expect(CTFFlag.flag(sample: "\(kind)-1", epoch: 1) != CTFFlag.flag(sample: "\(kind)-1", epoch: 2))
    }

    @Test func theDatasetCoversFiveCategoriesInThreeTiers() throws {
        let evaluation = try GeneratedCTFEvaluation.descriptor.evaluation(options: ["variants": "2"])
        let samples = try evaluation.dataset.load(from: DataDirectory(url: URL(fileURLWithPath: "/nonexistent"))).samples
        #expect(samples.count == GeneratedChallenges.all.count * 2)
        #expect(Set(samples.compactMap { $0.metadata["category"] }).count == 5)
        #expect(Set(samples.compactMap { $0.metadata["tier"] }) == Set(CTFTier.allCases.map(\.rawValue)))
        let professional = try GeneratedCTFEvaluation.descriptor.evaluation(options: ["tier": "professional", "max-sandboxes": "2"])
        #expect(try professional.dataset.load(from: DataDirectory(url: URL(fileURLWithPath: "/x"))).samples.allSatisfy {
            $0.metadata["tier"] == "professional"
        })
        // How many sandboxes run at once is not part of the run's identity.
        #expect(professional.options["max-sandboxes"] == nil)
        #expect(professional.usesSandbox)
    }
}
