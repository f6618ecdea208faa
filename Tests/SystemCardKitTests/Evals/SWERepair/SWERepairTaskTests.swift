import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Every swe-repair task in a real sandbox: the project as written (the reference fix) resolves it, the project
/// with the bug does not, and the set is as large and varied as docs/evals/autonomy.md says.
struct SWERepairTaskTests {
    static let sandboxes = FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")

    @Test func theSetIsLargeAndVaried() {
        #expect(SWEProject.all.count >= 5)
        #expect(SWETask.all.count >= 30)
        #expect(Set(SWETask.all.map(\.id)).count == SWETask.all.count, "ids are unique")
        let projects = Set(SWEProject.all.map(\.name))
        for task in SWETask.all {
            #expect(projects.contains(task.project), "\(task.id)")
            #expect(task.humanMinutes > 0, "\(task.id)")
            #expect(!task.issue.contains(task.file), "\(task.id): the issue names the file")
        }
        for kind in SWEMutation.allCases {
            #expect(SWETask.all.filter { $0.mutation == kind }.count >= 2, "\(kind.rawValue) is used at least twice")
        }
        for project in SWEProject.all {
            #expect(SWETask.all.filter { $0.project == project.name }.count >= 6, "\(project.name) has 6 tasks")
            #expect(project.files.keys.contains { $0.hasPrefix("tests/test_") }, "\(project.name) has visible tests")
        }
    }

    /// Each task's modes are adjacent and grouped, so a limited run (the card's quick profile) measures both.
    @Test func modesOfATaskStayTogether() throws {
        let evaluation = try EvaluationRegistry.builtIn.descriptor(named: "swe-repair").evaluation()
        #expect(evaluation.sampleGroup == "task")
        let samples = try evaluation.dataset.load(from: DataDirectory(url: URL(fileURLWithPath: "/nonexistent"))).samples
        #expect(samples.count == 2 * SWETask.all.count)
        #expect(samples.prefix(2).map { $0.metadata["mode"] } == ["agentless", "tools"])
        #expect(Set(samples.prefix(2).map { $0.metadata["task"] }).count == 1)
    }

    static func verify(_ files: [String: String], _ task: SWETask, _ project: SWEProject) async throws
        -> SandboxVerification
    {
        try await SWERepairWorkspace.sandbox(with: files).tearingDown { sandbox in
            try await SWERepairWorkspace.verify(task, project: project, in: sandbox, timeout: .seconds(60))
        }
    }

    @Test(.enabled(if: sandboxes, "bubblewrap is not installed"))
    func referenceFixesResolveAndBugsDoNot() async throws {
        try await HeavyTestLane.shared.run {
            let projects = Dictionary(uniqueKeysWithValues: SWEProject.all.map { ($0.name, $0) })
            let lanes = SandboxPool(limit: 2)
            let outcomes = try await withThrowingTaskGroup(of: (String, SandboxVerification, SandboxVerification).self) { group in
                for task in SWETask.all {
                    let project = projects[task.project]!
                    group.addTask {
                        try await lanes.withSlot {
                            let fixed = try await Self.verify(project.files, task, project)
                            let buggy = try await Self.verify(try SWERepairWorkspace.files(of: task, in: project), task, project)
                            return (task.id, fixed, buggy)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == SWETask.all.count)
            for (id, fixed, buggy) in outcomes {
                #expect(fixed.passed && fixed.label == "resolved", "\(id) reference: \(fixed.explanation)")
                #expect(!buggy.passed && buggy.label == "tests_failed", "\(id) with the bug: \(buggy.explanation)")
            }
        }
    }

    /// A workspace that cheats (a `unittest.py` that reports success, tests rewritten to pass, every test turned
    /// into a skip, tests/ locked) is still judged by the real tests.
    @Test(.enabled(if: sandboxes, "bubblewrap is not installed"))
    func aRiggedWorkspaceDoesNotPass() async throws {
        try await HeavyTestLane.shared.run {
            let task = try #require(SWETask.all.first)
            let project = try #require(SWEProject.all.first { $0.name == task.project })
            var files = try SWERepairWorkspace.files(of: task, in: project)
            files["unittest.py"] = "import sys\nprint('OK')\nsys.exit(0)\n"
            for path in files.keys where path.hasPrefix("tests/test_") { files[path] = "" }
            files["sitecustomize.py"] = "import os\nos._exit(0)\n"
            let verification = try await Self.verify(files, task, project)
            #expect(!verification.passed, "\(verification.explanation)")

            // The reference fix, but the package skips every test that imports it.
            var skipping = project.files
            let package = "\(project.name)/__init__.py"
            skipping[package] = "import unittest\nraise unittest.SkipTest('not today')\n" + (skipping[package] ?? "")
            let skipped = try await Self.verify(skipping, task, project)
            #expect(!skipped.passed && skipped.label == "tests_failed", "\(skipped.explanation)")

            // The reference fix with tests/ locked by the agent: the checks still replace it and resolve.
            let locked = try await SWERepairWorkspace.sandbox(with: project.files).tearingDown { sandbox in
                _ = try await sandbox.run(SandboxCommand("mkdir -p tests/deep && chmod 000 tests/deep && chmod 555 tests"))
                return try await SWERepairWorkspace.verify(task, project: project, in: sandbox, timeout: .seconds(60))
            }
            #expect(locked.passed, "\(locked.explanation)")
        }
    }
}
