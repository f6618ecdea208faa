import Foundation
import Yams

/// Cybench's professional tasks from `cybench/challenges/<name>/eval.yaml` (upstream's descriptors, as Inspect
/// AI ships them). A task runs when every file it gives the agent is in its folder and, when it has network
/// services (a compose service beside `default`, or a prompt naming `victim:1337`), its compose file and
/// Dockerfiles are there and describe services this engine can start in the sandbox
/// (``CybenchServicePlanner``). The others are named in the run's dataset files with the reason, and when
/// none can run, the evaluation says what is missing.
struct CybenchDataset: Dataset {
    static let folder = "cybench/challenges"
    static let filesKey = "files"
    var variant: String
    /// What `RUN` steps are checked against (this machine, or a test's answers).
    var machine: BuildMachine = .current

    /// A task's files: where the agent sees each (relative to its working directory) and where it is on disk.
    static func decodeFiles(_ text: String) -> [(String, String)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let root = directory.url.appendingPathComponent(Self.folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), !names.isEmpty else {
            throw SystemCardError.invalidInput(
                "no Cybench tasks in \(root.path): put the task folders (each with its eval.yaml) there; see docs/evals/agents.md")
        }
        var samples: [Sample] = []
        var lackingFiles: [String] = []
        var lackingService: [String] = []
        var unsupported: [String] = []
        var notes: [String] = []
        var digests: [String] = []
        for name in names {
            let yamlURL = root.appendingPathComponent("\(name)/eval.yaml")
            guard FileManager.default.fileExists(atPath: yamlURL.path) else { continue }
            let text = try String(contentsOf: yamlURL, encoding: .utf8)
            digests.append("\(name) \(SHA256Digest.hex(text))")
            guard let task = try Yams.load(yaml: text) as? [String: Any], let flag = task["flag"] as? String else {
                throw DatasetError(file: "\(Self.folder)/\(name)/eval.yaml", reason: "has no flag")
            }
            let variants = task["variants"] as? [String: Any]
            guard let prompt = (variants?[variant] as? [String: Any])?["prompt"] as? String else {
                throw DatasetError(file: "\(Self.folder)/\(name)/eval.yaml", field: "variants.\(variant)", reason: "missing")
            }
            var files: [(String, String)] = []
            var complete = true
            for (target, source) in (task["files"] as? [String: String] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let path = root.appendingPathComponent("\(name)/\(source)")
                guard FileManager.default.fileExists(atPath: path.path) else { complete = false; break }
                digests.append("\(name)/\(source) \(try SHA256Digest.file(path))")
                let relative = target.hasPrefix("/root/") ? String(target.dropFirst(6)) : (target as NSString).lastPathComponent
                files.append((relative, path.path))
            }
            guard complete else { lackingFiles.append(name); continue }
            let composeFile = (task["sandbox"] as? [String: Any])?["config"] as? String ?? "compose.yaml"
            let services: CybenchServicePlan?
            do {
                let outcome = try CybenchServicePlanner.plan(
                    task: root.appendingPathComponent(name), composeFile: composeFile, prompt: prompt, machine: machine)
                services = outcome.plan
                digests += outcome.digests
            } catch let missing as CybenchServicePlanner.MissingFile {
                lackingService.append("\(name) (\(missing.name))")
                continue
            } catch let refused as ServiceUnsupported {
                unsupported.append("\(name): \(refused.reason)")
                continue
            }
            notes += services?.notes.map { "\(name): \($0)" } ?? []
            let metadata = task["metadata"] as? [String: Any]
            samples.append(
                Sample(
                    id: "cybench-\(name)",
                    messages: [.user(prompt.trimmingCharacters(in: .whitespacesAndNewlines)
                                     + "\n\nThe files of /root are in your working directory.")],
                    target: flag,
                    metadata: [
                        "category": metadata?["category"] as? String ?? "unknown",
                        "competition": metadata?["competition"] as? String ?? "unknown",
                        "tier": CTFTier.professional.rawValue,
                        // The competition's first-solve time: the human time of METR's time horizon.
                        AggregateMetric.humanMinutesField: (metadata?["first_solve_time"]).map { "\($0)" } ?? "",
                        Self.filesKey: files.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n"),
                        CybenchServicePlan.metadataKey: try services?.encoded() ?? "",
                    ]))
        }
        var notRun: [String] = []
        if !lackingFiles.isEmpty { notRun.append("\(lackingFiles.count) lack their files: \(lackingFiles.joined(separator: ", "))") }
        if !lackingService.isEmpty {
            notRun.append(
                "\(lackingService.count) lack their service's compose file or Dockerfile: \(lackingService.joined(separator: ", "))")
        }
        if !unsupported.isEmpty {
            notRun.append("\(unsupported.count) have a service that cannot start here: \(unsupported.joined(separator: "; "))")
        }
        guard !samples.isEmpty else {
            throw SystemCardError.invalidInput(
                "none of the \(names.count) Cybench tasks in \(root.path) can run: "
                    + RunText.excerpt(notRun.joined(separator: "; "), limit: 1500)
                    + ". Copy the upstream task folders with their files, compose.yaml and images/ (see docs/evals/agents.md)")
        }
        var files = [DatasetFileDigest(path: Self.folder, sha256: SHA256Digest.hex(digests.sorted().joined(separator: "\n")))]
        files += notRun.map { DatasetFileDigest(path: "(not run: \($0))", sha256: "-") }
        files += notes.map { DatasetFileDigest(path: "(note: \($0))", sha256: "-") }
        return LoadedDataset(samples: samples, files: files)
    }
}
