import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Every agentic task in a real sandbox: its reference solution passes every check; the workspace as set up,
/// with nothing done, fails the task.
struct AgenticTaskTests {
    static let sandboxes = FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")

    @Test func theSetHasTwelveTasksWithChecks() {
        #expect(AgenticTask.all.count >= 12)
        #expect(Set(AgenticTask.all.map(\.id)).count == AgenticTask.all.count)
        for task in AgenticTask.all {
            #expect(task.checks.count >= 2, "\(task.id) has subtasks")
            #expect(Set(task.checks.map(\.name)).count == task.checks.count, "\(task.id): check names are unique")
            #expect(task.humanMinutes > 0)
        }
    }

    static func outcome(_ task: AgenticTask, solved: Bool) async throws -> SandboxVerification {
        try await AgenticTasksEvaluation.prepare(task, keep: false).tearingDown { sandbox in
            if solved {
                let result = try await sandbox.run(
                    SandboxCommand("bash -s", input: Data(task.solution.utf8), timeout: .seconds(300)))
                #expect(result.exitCode == 0, "\(task.id) solution: \(result.stderr.suffix(400))")
            }
            return try await AgenticTasksEvaluation.check(task, in: sandbox)
        }
    }

    @Test(.enabled(if: sandboxes, "bubblewrap is not installed"))
    func referenceSolutionsPassAndUntouchedWorkspacesFail() async throws {
        try await HeavyTestLane.shared.run {
            let lanes = SandboxPool(limit: 3)
            let outcomes = try await withThrowingTaskGroup(of: (String, SandboxVerification, SandboxVerification).self) { group in
                for task in AgenticTask.all {
                    group.addTask {
                        try await lanes.withSlot {
                            (task.id, try await Self.outcome(task, solved: true), try await Self.outcome(task, solved: false))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == AgenticTask.all.count)
            for (id, solved, untouched) in outcomes {
                #expect(solved.passed && solved.parts["checks_passed"] == 1, "\(id) solved: \(solved.explanation)")
                #expect(!untouched.passed, "\(id) untouched: \(untouched.explanation)")
                #expect((untouched.parts["checks_passed"] ?? 1) < 0.5, "\(id) untouched passes half its checks: \(untouched.explanation)")
            }
        }
    }
}
