import Foundation

/// The InterCode-CTF tasks: `intercode-ctf/ic_ctf.json` and each task's files in
/// `intercode-ctf/task_assets/<task_id>/` (a task without a folder needs no file). A task whose known files are
/// missing is left out, and the run's dataset files say which and why.
struct InterCodeCTFDataset: Dataset {
    static let tasksFile = "intercode-ctf/ic_ctf.json"
    static let assetsFolder = "intercode-ctf/task_assets"
    static let filesKey = "files"

    /// Files some tasks need that copies of the data often lack (large disk images).
    static let knownLargeFiles: [Int: String] = [
        65: "dds1-alpine.flag.img.gz", 66: "disk.img.gz", 70: "suspicious.dd.sda1",
    ]

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let tasksURL = try directory.file(Self.tasksFile, dataset: "intercode-ctf")
        let assets = directory.url.appendingPathComponent(Self.assetsFolder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assets.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SystemCardError.invalidInput(
                "the InterCode-CTF task files are not in \(assets.path): copy upstream's data/ctf/task_assets there "
                    + "(without the solution/ folders; see docs/evals/agents.md)")
        }
        guard let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: tasksURL)) as? [[String: Any]] else {
            throw DatasetError(file: Self.tasksFile, reason: "is not a JSON array of tasks")
        }
        var samples: [Sample] = []
        var missing: [String] = []
        for (index, row) in rows.enumerated() {
            guard let id = row["task_id"] as? Int, let query = row["query"] as? String, let gold = row["gold"] as? String
            else {
                throw DatasetError(file: Self.tasksFile, line: index + 1, reason: "task without task_id, query or gold")
            }
            if let file = Self.knownLargeFiles[id],
                !FileManager.default.fileExists(atPath: assets.appendingPathComponent("\(id)/\(file)").path)
            {
                missing.append("\(id) (\(file))")
                continue
            }
            let tags = (row["tags"] as? [String]) ?? []
            let folder = assets.appendingPathComponent(String(id))
            samples.append(
                Sample(
                    id: "ic-\(id)",
                    messages: [.user(query + "\n\nThe flag looks like picoCTF{...}.")],
                    target: gold,
                    metadata: [
                        "task_id": String(id), "category": tags.first ?? "Uncategorized",
                        "tags": tags.joined(separator: ", "), "tier": CTFTier.highSchool.rawValue,
                        // Where the sandbox copies the task's files from (none when the task has no folder).
                        Self.filesKey: FileManager.default.fileExists(atPath: folder.path) ? folder.path : "",
                    ]))
        }
        var files = [DatasetFileDigest(path: Self.tasksFile, sha256: try SHA256Digest.file(tasksURL))]
        files.append(DatasetFileDigest(path: Self.assetsFolder, sha256: try Self.digest(of: assets)))
        if !missing.isEmpty {
            files.append(
                DatasetFileDigest(path: "(not run, files missing: \(missing.joined(separator: ", ")))", sha256: "-"))
        }
        return LoadedDataset(samples: samples, files: files)
    }

    /// One digest over every task file (path and content), so a changed task changes the run.
    static func digest(of folder: URL) throws -> String {
        var lines: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                lines.append("\(relative) \(try SHA256Digest.file(url))")
            }
        }
        return SHA256Digest.hex(lines.sorted().joined(separator: "\n"))
    }
}
