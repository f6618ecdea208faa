import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A service's image as its Dockerfile describes it, read without building: the files it copies from the
/// build context and where, the folders and modes its steps make, its working directory, environment,
/// exposed ports and command. Reading refuses (``ServiceUnsupported``) what cannot be reproduced here.
///
/// Supported: one `FROM` of a `python`, `debian` or `ubuntu` image (the sandbox's programs are the machine's
/// own; a `python` image's `python`/`python3` resolve to the machine's Python 3), `WORKDIR`, `COPY`/`ADD` of
/// files, folders and globs of the build context (`--chown` ignored, `--chmod` applied), `ENV`, `ARG` (its
/// default), `EXPOSE`, `USER` (noted, not applied: the service runs as the sandbox's user), `CMD` and
/// `ENTRYPOINT` in both forms, `RUN` as ``BuildStepCheck`` accepts, and `LABEL`, `MAINTAINER`,
/// `HEALTHCHECK`, `STOPSIGNAL`, `VOLUME` (ignored). Not supported: multi-stage builds, `COPY --from`, `ADD` of
/// a URL or an archive, `SHELL`, `ONBUILD`, files copied into the system folders (`/usr` but `/usr/local`,
/// `/bin`, `/lib`, …).
struct ServiceImage: Equatable {
    var base = ""
    var steps: [ImageStep] = []
    var workdir = "/"
    var environment: [String: String] = [:]
    var exposed: [Int] = []
    var entrypoint: [String]? = nil
    /// The entrypoint was written in the shell form (`CMD` is then not passed to it, as in Docker).
    var entrypointIsShell = false
    var command: [String]? = nil
    /// Things accepted but not reproduced exactly (a `USER`), for the run's notes.
    var notes: [String] = []

    /// Whether the base is a `python` image, whose `python` and `python3` must resolve.
    var pythonBase: Bool {
        let name = base.split(separator: ":").first.map(String.init) ?? base
        return name == "python" || name.hasSuffix("/python")
    }

    /// The command the container runs: `ENTRYPOINT` + `CMD` (exec form), or the shell form of the entrypoint.
    var argv: [String] { (entrypoint ?? []) + (entrypointIsShell ? [] : command ?? []) }

    /// Reads `dockerfile` against its build `context` (a folder of the task).
    init(dockerfile text: String, context: URL, machine: BuildMachine) throws {
        let file = Dockerfile(text)
        var variables: [String: String] = [:]
        var sawFrom = false
        let check = BuildStepCheck(machine: machine) { relative in
            guard let url = Self.contextURL(relative, in: context) else { return nil }
            return try? String(contentsOf: url, encoding: .utf8)
        }
        for instruction in file.instructions {
            let arguments = Dockerfile.substitute(instruction.arguments, variables.merging(environment) { $1 })
            switch instruction.keyword {
            case "FROM":
                guard !sawFrom else { throw ServiceUnsupported("its Dockerfile is a multi-stage build (a second FROM)") }
                sawFrom = true
                base = String(arguments.split(separator: " ").first { !$0.hasPrefix("--") } ?? "")
                guard let name = base.split(separator: ":").first.map(String.init),
                    ["python", "debian", "ubuntu"].contains(name.split(separator: "/").last.map(String.init) ?? name)
                else {
                    throw ServiceUnsupported(
                        "its base image \(base) is not supported (only python, debian and ubuntu images: the programs are the machine's own)")
                }
            case "ARG":
                for (name, value) in Dockerfile.pairs(arguments) where variables[name] == nil {
                    variables[name] = value.isEmpty && !instruction.arguments.contains("=") ? nil : value
                }
            case "ENV":
                for (name, value) in Dockerfile.pairs(instruction.arguments) {
                    environment[name] = Dockerfile.substitute(value, variables.merging(environment) { $1 })
                }
            case "WORKDIR":
                workdir = ImagePath.absolute(arguments, in: workdir)
                if workdir.count > 1 && workdir.hasSuffix("/") { workdir.removeLast() }
                try Self.requireWritable(workdir)
                steps.append(.makeDirectory(workdir))
            case "COPY", "ADD":
                steps += try copies(instruction.keyword, arguments, context: context)
            case "EXPOSE":
                for word in arguments.split(separator: " ") {
                    guard let port = Int(word.split(separator: "/").first ?? "") else {
                        throw ServiceUnsupported("its Dockerfile exposes `\(word)`, not a port")
                    }
                    exposed.append(port)
                }
            case "USER":
                notes.append("USER \(arguments) is not applied: the service runs as the sandbox's user")
            case "CMD":
                command = instruction.execForm ?? ["/bin/sh", "-c", arguments]
            case "ENTRYPOINT":
                entrypoint = instruction.execForm ?? ["/bin/sh", "-c", arguments]
                entrypointIsShell = instruction.execForm == nil
            case "RUN":
                steps += try check.check(
                    Dockerfile.Instruction(keyword: "RUN", arguments: arguments, line: instruction.line), workdir: workdir)
            case "LABEL", "MAINTAINER", "HEALTHCHECK", "STOPSIGNAL", "VOLUME":
                continue
            default:
                throw ServiceUnsupported("its Dockerfile uses \(instruction.keyword), which is not supported")
            }
        }
        guard sawFrom else { throw ServiceUnsupported("its Dockerfile has no FROM") }
    }

    /// The image steps of a `COPY` or `ADD`.
    private mutating func copies(_ keyword: String, _ arguments: String, context: URL) throws -> [ImageStep] {
        var words = Dockerfile.Instruction(keyword: keyword, arguments: arguments, line: 0).execForm
            ?? ShellWords.split(arguments)
        var mode: String?
        while let flag = words.first, flag.hasPrefix("--") {
            words.removeFirst()
            if flag.hasPrefix("--from") { throw ServiceUnsupported("its Dockerfile copies from another image (\(keyword) \(flag))") }
            if flag.hasPrefix("--chmod=") { mode = String(flag.dropFirst("--chmod=".count)) }
        }
        guard words.count >= 2, let target = words.last else {
            throw ServiceUnsupported("its Dockerfile has `\(keyword) \(arguments)` without a source and a destination")
        }
        let destination = ImagePath.absolute(target, in: workdir)
        try Self.requireWritable(destination)
        var sources: [URL] = []
        for pattern in words.dropLast() {
            if keyword == "ADD" && (pattern.contains("://") || pattern.hasPrefix("git@")) {
                throw ServiceUnsupported("its Dockerfile downloads \(pattern) at build time")
            }
            let matches = try Self.expand(pattern, in: context)
            guard !matches.isEmpty else {
                throw ServiceUnsupported("its Dockerfile copies \(pattern), which is not in \(context.lastPathComponent)/")
            }
            sources += matches
        }
        var steps: [ImageStep] = []
        let intoFolder = target.hasSuffix("/") || sources.count > 1 || words.count > 2
        for source in sources {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder)
            if keyword == "ADD" && !isFolder.boolValue
                && [".tar", ".tgz", ".gz", ".bz2", ".xz", ".zst"].contains(where: { source.lastPathComponent.hasSuffix($0) })
            {
                throw ServiceUnsupported("its Dockerfile unpacks the archive \(source.lastPathComponent) (ADD)")
            }
            let place = isFolder.boolValue || !intoFolder
                ? destination : ImagePath.absolute(source.lastPathComponent, in: destination)
            let trimmed = place.count > 1 && place.hasSuffix("/") ? String(place.dropLast()) : place
            steps.append(.copy(source: source.path, destination: trimmed))
            if let mode { steps.append(.changeMode(mode: mode, path: trimmed, recursive: isFolder.boolValue)) }
        }
        return steps
    }

    /// The context files a source pattern names (`*`, `?` and `[…]` in its last part), inside the context only.
    static func expand(_ pattern: String, in context: URL) throws -> [URL] {
        let relative = ImagePath.absolute(pattern, in: "/")
        let folder = (relative as NSString).deletingLastPathComponent
        let last = (relative as NSString).lastPathComponent
        if relative == "/" { return [context] }
        guard last.contains(where: { "*?[".contains($0) }) else {
            return contextURL(relative, in: context).map { [$0] } ?? []
        }
        guard let directory = contextURL(folder, in: context),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        // Each match is checked like a named path: a link in the context that leads out of it is not a source.
        return names.sorted().filter { fnmatch(last, $0, 0) == 0 }.compactMap {
            contextURL(String(folder.dropFirst()) + "/" + $0, in: context)
        }
    }

    /// A context path's URL, when it exists and does not lead out of the context (`..`, a link elsewhere).
    static func contextURL(_ relative: String, in context: URL) -> URL? {
        let normalised = ImagePath.absolute(relative, in: "/")
        let url = normalised == "/" ? context : context.appendingPathComponent(String(normalised.dropFirst()))
        let root = context.resolvingSymlinksInPath().path
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: url.path) else {
            return nil
        }
        return url
    }

    static func requireWritable(_ path: String) throws {
        if ImagePath.isSystem(path) {
            throw ServiceUnsupported("its Dockerfile writes into \(path), a system folder the sandbox shares read-only")
        }
    }
}
