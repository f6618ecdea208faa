import Foundation

/// Reads a Cybench task folder's compose file and its services' Dockerfiles into a ``CybenchServicePlan``,
/// or the reason the task's services cannot be started here.
///
/// Every compose service but `default` (the agent's own container upstream) is a service to start. Its
/// Dockerfile is `build`'s (`context`/`dockerfile`), or `images/<service>/Dockerfile` (Inspect AI's layout,
/// where compose names only the prebuilt image). The host:port pairs of the prompt (`victim:1337`) must name a
/// service; their ports are waited for before the agent's first turn.
enum CybenchServicePlanner {
    /// What reading a task folder gave: a plan (nil when the task has no service), the digests of the files read.
    struct Outcome {
        var plan: CybenchServicePlan?
        var digests: [String]
    }

    /// A failure that means the task folder lacks a file (rather than a feature this engine lacks).
    struct MissingFile: Error { var name: String }

    /// The host:port pairs a prompt names (`victim:1337`, `http://web:8080/`).
    static func endpoints(in prompt: String) -> [(host: String, port: Int)] {
        let pattern = #"\b([a-z][a-z0-9_-]*):(\d{2,5})\b"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = prompt as NSString
        return expression.matches(in: prompt, range: NSRange(location: 0, length: text.length)).compactMap {
            match -> (host: String, port: Int)? in
            guard let port = Int(text.substring(with: match.range(at: 2))), port < 65536 else { return nil }
            let host = text.substring(with: match.range(at: 1))
            return ["http", "https", "tcp"].contains(host) ? nil : (host, port)
        }
    }

    /// Reads `task` (a task folder) whose descriptor names `composeFile`, for an agent given `prompt`.
    static func plan(task: URL, composeFile: String, prompt: String, machine: BuildMachine) throws -> Outcome {
        let named = endpoints(in: prompt)
        let composeURL = task.appendingPathComponent(composeFile)
        guard let text = try? String(contentsOf: composeURL, encoding: .utf8) else {
            if named.isEmpty { return Outcome(plan: nil, digests: []) }
            throw MissingFile(name: composeFile)
        }
        var digests = ["\(task.lastPathComponent)/\(composeFile) \(SHA256Digest.hex(text))"]
        let composed = try ComposeService.services(in: text).filter { $0.name != "default" }
        if composed.isEmpty && named.isEmpty { return Outcome(plan: nil, digests: digests) }
        var services: [CybenchServicePlan.Service] = []
        var notes: [String] = []
        for service in composed {
            let contextPath = service.buildContext ?? "images/\(service.name)"
            let context = task.appendingPathComponent(contextPath).standardizedFileURL
            // Links resolved on both sides: a context that is a link out of the task folder is outside it.
            let taskRoot = task.resolvingSymlinksInPath().path
            let resolvedContext = context.resolvingSymlinksInPath().path
            guard resolvedContext.hasPrefix(taskRoot + "/") || resolvedContext == taskRoot else {
                throw ServiceUnsupported("its service \(service.name) builds from \(contextPath), outside the task folder")
            }
            let dockerfileURL = context.appendingPathComponent(service.dockerfile ?? "Dockerfile")
            guard let dockerfile = try? String(contentsOf: dockerfileURL, encoding: .utf8) else {
                if service.buildContext == nil && service.image != nil {
                    throw MissingFile(name: "\(contextPath)/Dockerfile (the service \(service.name)'s image \(service.image!) is not pulled)")
                }
                throw MissingFile(name: "\(contextPath)/\(service.dockerfile ?? "Dockerfile")")
            }
            digests.append("\(task.lastPathComponent)/\(contextPath)/\(dockerfileURL.lastPathComponent) \(SHA256Digest.hex(dockerfile))")
            let image: ServiceImage
            do {
                image = try ServiceImage(dockerfile: dockerfile, context: context, machine: machine)
            } catch let error as ServiceUnsupported {
                throw ServiceUnsupported("its service \(service.name) \(error.reason)")
            }
            for case .copy(let source, _) in image.steps {
                digests += try fileDigests(URL(fileURLWithPath: source), relativeTo: task)
            }
            let entrypoint = service.entrypoint ?? image.entrypoint
            let shellEntry = service.entrypoint == nil && image.entrypointIsShell
            let command = service.command ?? (service.entrypoint != nil ? nil : image.command)
            let argv = (entrypoint ?? []) + (shellEntry ? [] : command ?? [])
            guard let program = argv.first else {
                throw ServiceUnsupported("its service \(service.name) has no command (CMD, ENTRYPOINT or compose command)")
            }
            if !program.hasPrefix("/") && !program.contains("/") {
                let found = ["/usr/local/bin", "/usr/bin", "/usr/sbin", "/bin", "/sbin"].contains {
                    FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
                } || (image.pythonBase && ["python", "python3"].contains(program))
                guard found else {
                    throw ServiceUnsupported("its service \(service.name) runs \(program), which is not installed on this machine")
                }
            }
            notes += image.notes.map { "\(service.name): \($0)" }
            services.append(CybenchServicePlan.Service(
                name: service.name, hostnames: service.hostnames.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
                ports: Array(Set(image.exposed + service.ports)).sorted(), steps: image.steps,
                workdir: service.workingDirectory.map { ImagePath.absolute($0, in: image.workdir) } ?? image.workdir,
                environment: image.environment.merging(service.environment) { $1 }, command: argv,
                pythonAliases: image.pythonBase))
        }
        var owners: [Int: String] = [:]
        for service in services {
            for port in service.ports {
                if let other = owners[port] {
                    throw ServiceUnsupported("its services \(other) and \(service.name) both listen on port \(port), and here they share one loopback")
                }
                owners[port] = service.name
            }
        }
        var ready: [Int] = []
        for (host, port) in named {
            guard host == "localhost" || services.contains(where: { $0.hostnames.contains(host) }) else {
                throw ServiceUnsupported("its prompt names \(host):\(port), but its compose file starts no service \(host)")
            }
            ready.append(port)
        }
        if ready.isEmpty { ready = services.flatMap(\.ports) }
        guard !ready.isEmpty else {
            throw ServiceUnsupported("its services declare no port to wait for (EXPOSE, ports or expose)")
        }
        return Outcome(plan: CybenchServicePlan(services: services, readyPorts: Array(Set(ready)).sorted(), notes: notes), digests: digests)
    }

    /// Digests of a copied file, or of every file of a copied folder.
    private static func fileDigests(_ url: URL, relativeTo task: URL) throws -> [String] {
        let prefix = task.standardizedFileURL.path + "/"
        func name(_ url: URL) -> String {
            let path = url.standardizedFileURL.path
            return task.lastPathComponent + "/" + (path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        guard isFolder.boolValue else { return ["\(name(url)) \(try SHA256Digest.file(url))"] }
        var digests: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        for case let relative as String in enumerator {
            let file = url.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                digests.append("\(name(file)) \(try SHA256Digest.file(file))")
            }
        }
        return digests
    }
}
