import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Every generated competition in a real sandbox: the reference solution earns gold, the baseline no medal, a
/// malformed or missing submission is invalid (never a score), and the answers are not left in the workspace.
struct MLECompetitionTests {
    static let sandboxes = FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")

    @Test func linesLieBetweenBaselineAndReference() {
        #expect(MLECompetition.all.count >= 6)
        #expect(Set(MLECompetition.all.map(\.kind)) == ["tabular", "text"])
        for competition in MLECompetition.all {
            let m = competition.medals
            let ordered = competition.higherIsBetter
                ? m.baseline < m.bronze && m.bronze <= m.silver && m.silver <= m.gold && m.gold <= m.reference
                : m.baseline > m.bronze && m.bronze >= m.silver && m.silver >= m.gold && m.gold >= m.reference
            #expect(ordered, "\(competition.id): \(m)")
        }
    }

    static func outcome(_ competition: MLECompetition, running script: String?, submission: String? = nil) async throws
        -> (SandboxVerification, String)
    {
        let (sandbox, answers) = try await MLELiteEvaluation.prepare(competition, keep: false)
        return try await sandbox.tearingDown { sandbox in
            let listing = try await sandbox.run(SandboxCommand("ls -a; ls -a .answers 2>&1", timeout: .seconds(30))).stdout
            if let script {
                let result = try await sandbox.run(SandboxCommand("python3 -", input: Data(script.utf8), timeout: .seconds(300)))
                #expect(result.exitCode == 0, "\(competition.id): \(result.stderr.suffix(400))")
            }
            if let submission { try sandbox.writeFile("submission.csv", contents: Data(submission.utf8)) }
            return (try await MLELiteEvaluation.grade(competition, answers: answers, in: sandbox), listing)
        }
    }

    @Test(.enabled(if: sandboxes, "bubblewrap is not installed"))
    func referenceWinsGoldBaselineNoMedalAndGarbageIsInvalid() async throws {
        try await HeavyTestLane.shared.run {
            for competition in MLECompetition.all {
                let (reference, listing) = try await Self.outcome(competition, running: competition.reference)
                #expect(reference.label == "gold", "\(competition.id) reference: \(reference.explanation)")
                #expect(!listing.contains("answers.csv") && listing.contains("No such file"), "answers left behind: \(listing)")
                let (baseline, _) = try await Self.outcome(competition, running: competition.baseline)
                #expect(!baseline.passed && baseline.parts["valid"] == 1, "\(competition.id) baseline: \(baseline.explanation)")
                let (garbage, _) = try await Self.outcome(competition, running: nil, submission: "id,whatever\n1,__import__('os')\n")
                #expect(garbage.label == "invalid_submission", "\(competition.id) garbage: \(garbage.explanation)")
                let (missing, _) = try await Self.outcome(competition, running: nil)
                #expect(missing.label == "invalid_submission", "\(competition.id) missing: \(missing.explanation)")
            }
        }
    }

    /// A submission that is a link (to the answers' usual name, or anywhere) or a FIFO is invalid, at once.
    @Test(.enabled(if: sandboxes, "bubblewrap is not installed"))
    func linksAndFifosAreNotSubmissions() async throws {
        try await HeavyTestLane.shared.run {
            let competition = try #require(MLECompetition.all.first)
            for planted in [
                "ln -s .systemcard-check/answers.csv submission.csv", "ln -s description.md submission.csv",
                "mkfifo submission.csv", "mkdir submission.csv",
            ] {
                let (sandbox, answers) = try await MLELiteEvaluation.prepare(competition, keep: false)
                let verification = try await sandbox.tearingDown { sandbox in
                    _ = try await sandbox.run(SandboxCommand(planted))
                    return try await MLELiteEvaluation.grade(competition, answers: answers, in: sandbox)
                }
                #expect(verification.label == "invalid_submission", "\(planted): \(verification.explanation)")
            }
        }
    }
}
