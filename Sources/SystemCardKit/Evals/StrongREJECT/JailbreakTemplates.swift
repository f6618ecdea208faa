import Foundation
import Yams

/// The PyRIT jailbreak templates in `jailbreak-templates/pyrit/*.yaml` (`value` holds the template with a
/// `{{ prompt }}` placeholder).
enum JailbreakTemplates {
    static let folder = "jailbreak-templates/pyrit"

    struct File: Decodable {
        var name: String?
        var value: String
    }

    /// The template names available in the data directory (file names without `.yaml`), sorted.
    static func available(in directory: DataDirectory) -> [String] {
        let url = directory.url.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Reads one template; its text must contain the placeholder.
    static func load(_ name: String, from directory: DataDirectory) throws
        -> (JailbreakTechnique, DatasetFileDigest)
    {
        let path = "\(folder)/\(name).yaml"
        let url = try directory.file(path, dataset: "jailbreak-templates")
        let file: File
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw DatasetError(file: path, reason: "not a PyRIT template: \(error)")
        }
        guard file.value.range(of: placeholder, options: .regularExpression) != nil else {
            throw DatasetError(file: path, field: "value", reason: "no {{ prompt }} placeholder")
        }
        let technique = JailbreakTechnique(
            name: JailbreakTechnique.templatePrefix + name, kind: .template(file.value))
        return (technique, DatasetFileDigest(path: path, sha256: try SHA256Digest.file(url)))
    }

    static let placeholder = #"\{\{\s*prompt\s*\}\}"#

    /// The template with every placeholder replaced by `prompt` (taken literally).
    static func fill(_ template: String, prompt: String) -> String {
        var result = ""
        var rest = Substring(template)
        while let range = rest.range(of: placeholder, options: .regularExpression) {
            result += rest[..<range.lowerBound]
            result += prompt
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
