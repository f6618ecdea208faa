import Foundation

/// What `--techniques` selects: a comma-separated list of technique names, where `builtins` means every
/// built-in technique, `templates` every template in the data directory, `pyrit/NAME` (or just `NAME`
/// when no built-in has that name) one template. Without the option: all built-ins and all templates.
struct JailbreakTechniqueSelection: Sendable, Hashable {
    var names: [String]?

    /// Parses the option; nil or empty means everything.
    init(_ option: String?) throws {
        guard let option, !option.trimmingCharacters(in: .whitespaces).isEmpty else {
            names = nil
            return
        }
        let parts = option.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: \.isEmpty) else {
            throw SystemCardError.invalidInput("--techniques has an empty name in '\(option)'")
        }
        names = parts
    }

    /// The techniques in order (duplicates dropped) and the digests of the template files they read.
    func resolve(in directory: DataDirectory) throws -> ([JailbreakTechnique], [DatasetFileDigest]) {
        let builtIns = JailbreakTechnique.builtIns
        var techniques: [JailbreakTechnique] = []
        var files: [DatasetFileDigest] = []
        var seen = Set<String>()
        func addTemplate(_ name: String) throws {
            guard !seen.contains(JailbreakTechnique.templatePrefix + name) else { return }
            let (technique, digest) = try JailbreakTemplates.load(name, from: directory)
            seen.insert(technique.name)
            techniques.append(technique)
            files.append(digest)
        }
        func addBuiltIn(_ technique: JailbreakTechnique) {
            if seen.insert(technique.name).inserted { techniques.append(technique) }
        }
        for name in names ?? ["builtins", "templates"] {
            if name == "builtins" {
                builtIns.forEach(addBuiltIn)
            } else if name == "templates" {
                for template in JailbreakTemplates.available(in: directory) { try addTemplate(template) }
            } else if let builtIn = builtIns.first(where: { $0.name == name }) {
                addBuiltIn(builtIn)
            } else {
                let template = name.hasPrefix(JailbreakTechnique.templatePrefix)
                    ? String(name.dropFirst(JailbreakTechnique.templatePrefix.count)) : name
                guard JailbreakTemplates.available(in: directory).contains(template) else {
                    throw DatasetError(
                        file: JailbreakTemplates.folder,
                        reason: "unknown technique '\(name)': built-ins are "
                            + builtIns.map(\.name).joined(separator: ", ")
                            + "; templates are pyrit/<name> for the .yaml files of this folder")
                }
                try addTemplate(template)
            }
        }
        return (techniques, files)
    }
}
