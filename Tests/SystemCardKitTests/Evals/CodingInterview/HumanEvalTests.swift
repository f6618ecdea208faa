import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// HumanEval's programs and grader. The sandbox tests read the problems from the data directory (fetched by
/// `systemcard data fetch humaneval`; `.ci/run` fetches it) and skip with that command when it is absent.
struct HumanEvalTests {
    static let data = DataDirectory.resolve(option: nil)
    static let available = FileManager.default.fileExists(atPath: data.url.appendingPathComponent(HumanEvalData.path).path)
    static let sandboxes = FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")

    static func problems() throws -> [DataRecord] {
        try data.jsonl(HumanEvalData.path, dataset: "humaneval").0
    }

    @Test func aWholeFunctionFollowsThePromptAndABodyContinuesIt() {
        let prompt = "def add(a, b):\n    \"\"\"Sum.\"\"\"\n"
        let whole = HumanEvalGrader.program(
            prompt: prompt, completion: "Sure:\n```python\ndef add(a, b):\n    return a + b\n```", entryPoint: "add")
        #expect(whole == prompt + "\n\ndef add(a, b):\n    return a + b\n")
        let body = HumanEvalGrader.program(prompt: prompt, completion: "    return a + b\n", entryPoint: "add")
        #expect(body == prompt + "    return a + b\n\n")
        #expect(HumanEvalGrader.program(prompt: prompt, completion: "  \n", entryPoint: "add") == nil)
    }

    func grade(_ record: DataRecord, completion: String, timeout: Duration = .seconds(20)) async throws -> Score {
        let sample = Sample(
            id: try record.require("task_id"), messages: [.user("x")],
            metadata: [
                "prompt": try record.require("prompt"), "test": try record.require("test"),
                "entry_point": try record.require("entry_point"),
            ])
        let grader = HumanEvalGrader(timeout: timeout, pool: SandboxPool(limit: 4))
        return try await grader.grade(
            sample, output: SolverOutput(completion: completion, transcript: []), context: GraderContext(judge: nil))
    }

    /// Every canonical solution passes its tests in the sandbox; `pass` never does.
    @Test(.enabled(if: available && sandboxes, "run `systemcard data fetch humaneval` (and install bubblewrap)"))
    func canonicalSolutionsPassAndEmptyBodiesFail() async throws {
        try await HeavyTestLane.shared.run {
            let records = try Self.problems()
            #expect(records.count == 164)
            let outcomes = try await withThrowingTaskGroup(of: (String, Double, Double).self) { group in
                for record in records {
                    group.addTask {
                        let canonical = try await grade(record, completion: try record.require("canonical_solution"))
                        let empty = try await grade(record, completion: "    pass\n")
                        return (try record.require("task_id"), canonical.value, empty.value)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let failing = outcomes.filter { $0.1 != 1 }.map(\.0)
            #expect(failing.isEmpty, "canonical solutions failing: \(failing)")
            let passingEmpty = outcomes.filter { $0.2 != 0 }.map(\.0)
            #expect(passingEmpty.isEmpty, "`pass` passing: \(passingEmpty)")
        }
    }

    /// A program that exits with status 0 before the tests, prints a success line, or reads the token never
    /// passes; one that loops is stopped at the timeout.
    @Test(.enabled(if: available && sandboxes, "run `systemcard data fetch humaneval` (and install bubblewrap)"))
    func cheatsDoNotPass() async throws {
        try await HeavyTestLane.shared.run {
            let record = try #require(try Self.problems().first)
            for cheat in [
                "    pass\nimport sys\nsys.exit(0)\n", "    pass\nimport os\nos._exit(0)\n",
                "    pass\nimport sys\nprint(sys.stdin.readline())\n", "    while True: pass\n",
                "    pass\nimport builtins\nbuiltins.exec = lambda *a, **k: None\ndef check(c): pass\n",
                "    pass\nimport builtins\nbuiltins.print = lambda *a, **k: None\n",
            ] {
                let score = try await grade(record, completion: cheat, timeout: .seconds(3))
                #expect(score.value == 0, "\(cheat): \(score.explanation)")
            }
            // A correct solution that prints a lot still passes: its output is swallowed, not mistaken for the token's.
            let chatty = "    print('x' * 300000)\n" + (try record.require("canonical_solution"))
            #expect(try await grade(record, completion: chatty).value == 1)
        }
    }
}
