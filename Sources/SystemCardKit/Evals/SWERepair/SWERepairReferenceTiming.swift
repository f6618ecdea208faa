import Foundation

extension SWERepairEvaluation {
    /// One task's reference repair, checked as a model's would be.
    package struct ReferenceTiming: Sendable {
        package var task: String
        package var resolved: Bool
        /// Wall time of the whole check: sandbox made, project written, tests restored, hidden test run, torn down.
        package var milliseconds: Double
    }

    /// Checks every task's reference fix (the project as written) with `concurrency` checks at once, in a fresh
    /// sandbox each (`sandboxed`), or, to measure what the sandbox costs, with the same runner straight on the
    /// host in a temporary folder (our own projects and tests only: never a model's code). For benchmarks.
    package static func referenceTimings(concurrency: Int, sandboxed: Bool) async throws -> [ReferenceTiming] {
        let projects = Dictionary(uniqueKeysWithValues: SWEProject.all.map { ($0.name, $0) })
        let pool = SandboxPool(limit: concurrency)
        return try await withThrowingTaskGroup(of: ReferenceTiming.self) { group in
            for task in SWETask.all {
                guard let project = projects[task.project] else { continue }
                group.addTask {
                    try await pool.withSlot {
                        let started = ContinuousClock.now
                        let resolved =
                            sandboxed
                            ? try await sandboxedCheck(task, project) : try hostCheck(task, project)
                        return ReferenceTiming(
                            task: task.id, resolved: resolved, milliseconds: started.duration(to: .now).inSeconds * 1000)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.task < $1.task }
        }
    }

    static func sandboxedCheck(_ task: SWETask, _ project: SWEProject) async throws -> Bool {
        try await SWERepairWorkspace.sandbox(with: project.files).tearingDown { sandbox in
            try await SWERepairWorkspace.verify(task, project: project, in: sandbox, timeout: .seconds(120)).passed
        }
    }

    static func hostCheck(_ task: SWETask, _ project: SWEProject) throws -> Bool {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("swe-reference-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        var files = project.files
        files["tests/test_hidden.py"] = task.hiddenTest
        files[".systemcard-check/runner.py"] = SWERepairWorkspace.runner
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-I", ".systemcard-check/runner.py", root.path]
        process.currentDirectoryURL = root
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var printed = Data()
        try process.runToEnd {
            input.fileHandleForWriting.write(Data("token\n".utf8))
            try input.fileHandleForWriting.close()
            printed = output.fileHandleForReading.readDataToEndOfFile()
        }
        let last = String(decoding: printed, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard let report = try? JSONDecoder().decode(SWERepairWorkspace.Report.self, from: Data(last.utf8)) else { return false }
        return report.resolved
    }
}
