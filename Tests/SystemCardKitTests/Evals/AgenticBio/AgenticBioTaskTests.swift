import Foundation
import Testing

@testable import SystemCardKit

/// Every agentic-biology task is solvable: its reference solution, run in the sandbox on the files the setup
/// built, prints the record's sequence; decoys have near-miss names; other epochs get other sequences.
@Suite(.enabled(if: SandboxSupport.available, SandboxSupport.skipReason))
struct AgenticBioTaskTests {
    @Test(arguments: AgenticBioTask.all.map(\.kind))
    func theReferenceSolutionFindsTheSequence(kind: String) async throws {
        let task = try #require(AgenticBioTask.all.first { $0.kind == kind })
        let evaluation = try AgenticBioEvaluation.descriptor.evaluation(options: ["variants": "1"])
        let sample = try #require(
            try evaluation.dataset.load(from: DataDirectory(url: URL(fileURLWithPath: "/x"))).samples
                .first { $0.metadata["kind"] == kind })
        let name = AgenticBioTask.recordName(sample: sample.id)
        #expect(sample.prompt.contains("'\(name)'"))
        for epoch in 1...2 {
            let prepared = try await AgenticBioEvaluation.prepare(sample, epoch: epoch, task: task, keep: false)
            let sandbox = try #require(prepared.sandbox as? BubblewrapSandbox)
            let solution = task.solution.replacingOccurrences(of: "{name}", with: name)
            let solved = try await sandbox.run(SandboxCommand(solution, timeout: .seconds(60)))
            let listing = try await sandbox.run(SandboxCommand("ls -R; grep -rl 'SEED =' . || true"))
            await sandbox.tearDown()
            let sequence = AgenticBioTask.sequence(sample: sample.id, epoch: epoch)
            #expect(prepared.target == sequence)
            let printed = solved.stdout.split(separator: "\n").last.map(String.init)
            #expect(printed == sequence, "\(kind) epoch \(epoch): \(solved.stdout.prefix(300)) \(solved.stderr)")
            #expect(!listing.stdout.contains("SEED ="), "the setup script must not be left in the workspace")
        }
        #expect(AgenticBioTask.sequence(sample: sample.id, epoch: 1) != AgenticBioTask.sequence(sample: sample.id, epoch: 2))
    }

    @Test func theGraderIgnoresCaseAndWhiteSpaceOnly() async throws {
        let sample = Sample(id: "s", messages: [.user("q")], target: "ACGTACGT")
        let context = GraderContext(judge: nil)
        let grader = SequenceGrader()
        let spaced = try await grader.grade(sample, output: SolverOutput(completion: "acgt acgt\n", transcript: []), context: context)
        #expect(spaced.value == 1)
        let wrong = try await grader.grade(sample, output: SolverOutput(completion: "ACGTACG", transcript: []), context: context)
        #expect(wrong.value == 0 && wrong.label == "wrong_sequence")
        let none = try await grader.grade(sample, output: SolverOutput(completion: " ", transcript: []), context: context)
        #expect(none.label == "no_submission")
    }
}
