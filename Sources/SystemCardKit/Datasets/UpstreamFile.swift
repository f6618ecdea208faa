import Foundation

/// A source file of an upstream project that a reference grader reads at run time (a judge prompt, a
/// classifier's rules): the repository never carries third-party prompts, so the file is fetched with the
/// evaluation's dataset (`systemcard data fetch NAME`) and must have its pinned SHA-256. A user may name
/// another copy instead (an evaluation option); its digest then identifies the grader and the card says it is
/// not the pinned file.
struct UpstreamFile: Sendable {
    /// Where it comes from, where it goes and its pinned digest.
    var remote: DataCatalog.RemoteFile
    /// The catalog entry that fetches it (`simpleqa`).
    var dataset: String
    /// What it is, for messages (`simple-evals' SimpleQA grader template`).
    var what: String

    /// The file's text, its SHA-256, and whether that is the pinned one.
    struct Contents: Sendable {
        var text: String
        var sha256: String
        var isPinned: Bool
    }

    /// Reads the pinned copy in `directory` (an error names the fetch command when it is missing or differs),
    /// or the file at `path` when one is given.
    func read(from directory: DataDirectory, path: String?) throws -> Contents {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SystemCardError.invalidInput("\(what): no file at \(path)")
            }
        } else {
            do {
                url = try directory.file(remote.path, dataset: dataset)
            } catch let error as SystemCardError {
                throw SystemCardError.invalidInput("the reference grader reads \(what): \(error.message)")
            }
        }
        let data = try Data(contentsOf: url)
        let digest = SHA256Digest.hex(data)
        if path == nil, digest != remote.sha256 {
            throw SystemCardError.invalidInput(
                "\(remote.path) in \(directory.url.path) is not the pinned \(what) (sha256 \(digest), pinned "
                    + "\(remote.sha256)); delete it and run `systemcard data fetch \(dataset)`")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SystemCardError.invalidInput("\(url.path) is not UTF-8 text")
        }
        return Contents(text: text, sha256: digest, isPinned: digest == remote.sha256)
    }

    /// The string constant `name` of this Python file's `source`, checked to contain each of `fields` (the
    /// placeholders upstream fills in).
    func constant(_ name: String, fields: [String], in source: String) throws -> String {
        let value: String
        do {
            value = try PythonSource.stringAssignment(name, in: source)
        } catch {
            throw SystemCardError.invalidInput("\(what) has no usable \(name): \(error)")
        }
        for field in fields where !value.contains(field) {
            throw SystemCardError.invalidInput("\(name) of \(what) lacks \(field)")
        }
        return value
    }
}
