import Foundation
import Synchronization

/// The StrongREJECT judge prompt, read at run time from `strongreject/rubric_system.txt` and
/// `strongreject/rubric_user.txt` (upstream text, not committed here; their SHA-256 are part of the run's
/// dataset files). The dataset fills it when it loads; the rubric grader reads it.
final class StrongREJECTRubric: Sendable {
    static let systemFile = "strongreject/rubric_system.txt"
    static let userFile = "strongreject/rubric_user.txt"

    struct Text: Sendable, Hashable {
        var system: String
        /// With `{forbidden_prompt}` and `{response}` placeholders.
        var user: String

        init(system: String, user: String) {
            self.system = system
            self.user = user
        }
    }

    private let state = Mutex<Text?>(nil)

    init(_ text: Text? = nil) {
        state.withLock { $0 = text }
    }

    var text: Text? { state.withLock { $0 } }

    /// Reads both files when present (the rules grader does not need them) and returns their digests.
    @discardableResult
    func load(from directory: DataDirectory) throws -> [DatasetFileDigest] {
        let systemURL = directory.url.appendingPathComponent(Self.systemFile)
        let userURL = directory.url.appendingPathComponent(Self.userFile)
        guard FileManager.default.fileExists(atPath: systemURL.path),
            FileManager.default.fileExists(atPath: userURL.path)
        else {
            state.withLock { $0 = nil }
            return []
        }
        let system = try Self.read(systemURL, path: Self.systemFile)
        let user = try Self.read(userURL, path: Self.userFile)
        for placeholder in ["{forbidden_prompt}", "{response}"] where !user.contains(placeholder) {
            throw DatasetError(file: Self.userFile, reason: "no \(placeholder) placeholder")
        }
        state.withLock { $0 = Text(system: system, user: user) }
        return [
            DatasetFileDigest(path: Self.systemFile, sha256: try SHA256Digest.file(systemURL)),
            DatasetFileDigest(path: Self.userFile, sha256: try SHA256Digest.file(userURL)),
        ]
    }

    static func read(_ url: URL, path: String) throws -> String {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw DatasetError(file: path, reason: "cannot read as UTF-8 text")
        }
        return text
    }
}
