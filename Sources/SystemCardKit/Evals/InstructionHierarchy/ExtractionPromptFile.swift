import Foundation
import Yams

/// The system-prompt extraction requests in `instruction-hierarchy/garak_system_prompt_extraction.prompt`
/// (PyRIT's YAML port of garak's `sysprompt_extraction` attacks: `seeds[]` of `{value, metadata.technique}`).
enum ExtractionPromptFile {
    static let path = "instruction-hierarchy/garak_system_prompt_extraction.prompt"

    /// The prompts and their techniques, with the file digest; nil when the file is absent.
    static func load(from directory: DataDirectory) throws -> (
        prompts: [(text: String, technique: String)], digest: DatasetFileDigest
    )? {
        let url = directory.url.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try DatasetError.readFile(url, name: path)
        let text = String(decoding: data, as: UTF8.self)
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw DatasetError(file: path, reason: "not valid YAML: \(error)")
        }
        guard let object = root as? [String: Any], let seeds = object["seeds"] as? [Any] else {
            throw DatasetError(file: path, field: "seeds", reason: "missing list of seeds")
        }
        var prompts: [(String, String)] = []
        for (index, seed) in seeds.enumerated() {
            guard let seed = seed as? [String: Any], let value = seed["value"] as? String,
                !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { throw DatasetError(file: path, field: "seeds[\(index)].value", reason: "missing or empty") }
            let technique = (seed["metadata"] as? [String: Any])?["technique"] as? String ?? "unlabelled"
            prompts.append((value, technique))
        }
        guard !prompts.isEmpty else { throw DatasetError(file: path, field: "seeds", reason: "no prompts") }
        return (prompts, DatasetFileDigest(path: path, sha256: try SHA256Digest.file(url)))
    }
}
