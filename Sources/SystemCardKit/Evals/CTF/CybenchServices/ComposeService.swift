import Foundation
import Yams

/// One service of a task's compose file, with what this engine reads of it.
///
/// Read: `build` (a context path, or `context` and `dockerfile`), `image` (only named: nothing is pulled),
/// `command` and `entrypoint` (a string, split as compose does, or a list), `environment` (a map or a list of
/// `NAME=value`), `working_dir`, `ports` (the container side: `"8080:80"` is 80), `expose`, `hostname`,
/// `networks` aliases. Ignored: `init`, `healthcheck`, `depends_on`, `restart`, `mem_limit`, `cpus`,
/// `runtime`, `platform`, `container_name`, `user`, `labels`, `logging`, `x-*`, and the others that only
/// tune a container. Refused: `volumes` (and any key not named here), which would need files from outside
/// the task.
struct ComposeService: Equatable {
    var name: String
    var buildContext: String?
    var dockerfile: String?
    var image: String?
    var command: [String]?
    var entrypoint: [String]?
    var environment: [String: String] = [:]
    var workingDirectory: String?
    var ports: [Int] = []
    var hostnames: [String] = []

    static let ignoredKeys: Set<String> = [
        "init", "healthcheck", "depends_on", "restart", "mem_limit", "memswap_limit", "cpus", "cpu_shares",
        "runtime", "platform", "container_name", "user", "labels", "logging", "stdin_open", "tty", "ulimits",
        "cap_add", "cap_drop", "security_opt", "privileged", "read_only", "shm_size", "deploy", "pull_policy",
        "stop_signal", "stop_grace_period", "domainname", "extra_hosts", "dns", "sysctls", "pids_limit",
    ]

    init(name: String, _ fields: [String: Any]) throws {
        self.name = name
        hostnames = [name]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "build":
                if let context = value as? String {
                    buildContext = context
                } else if let map = value as? [String: Any] {
                    buildContext = map["context"] as? String ?? "."
                    dockerfile = map["dockerfile"] as? String
                    if map["args"] != nil { throw ServiceUnsupported("its service \(name) passes build args") }
                }
            case "image":
                image = value as? String
            case "command":
                command = try Self.words(value, key, name)
            case "entrypoint":
                entrypoint = try Self.words(value, key, name)
            case "environment":
                if let map = value as? [String: Any] {
                    for (variable, setting) in map { environment[variable] = setting is NSNull ? "" : "\(setting)" }
                } else if let list = value as? [Any] {
                    for item in list {
                        let text = "\(item)"
                        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                        environment[parts[0]] = parts.count > 1 ? parts[1] : ""
                    }
                }
            case "working_dir":
                workingDirectory = value as? String
            case "ports", "expose":
                for item in value as? [Any] ?? [] {
                    ports.append(try Self.port(item, name))
                }
            case "hostname":
                if let host = value as? String { hostnames.append(host) }
            case "networks":
                if let map = value as? [String: Any] {
                    for case let network as [String: Any] in map.values {
                        hostnames += (network["aliases"] as? [Any] ?? []).map { "\($0)" }
                    }
                }
            case "volumes":
                throw ServiceUnsupported("its service \(name) mounts volumes, which are not supported")
            default:
                if key.hasPrefix("x-") || Self.ignoredKeys.contains(key) { continue }
                throw ServiceUnsupported("its service \(name) uses the compose key `\(key)`, which is not supported")
            }
        }
    }

    /// A `command` or `entrypoint`: a list, or a string split into words as compose does (no shell).
    private static func words(_ value: Any, _ key: String, _ name: String) throws -> [String] {
        if let text = value as? String { return ShellWords.split(text) }
        if let list = value as? [Any] { return list.map { "\($0)" } }
        throw ServiceUnsupported("its service \(name) has a `\(key)` that is neither a string nor a list")
    }

    /// The container's port of a `ports` or `expose` entry (`1337`, `"8080:80"`, `"127.0.0.1:80:80/tcp"`,
    /// `{target: 80}`).
    private static func port(_ item: Any, _ name: String) throws -> Int {
        if let number = item as? Int { return number }
        if let map = item as? [String: Any], let target = map["target"] as? Int { return target }
        let text = "\(item)".split(separator: "/").first.map(String.init) ?? ""
        guard let last = text.split(separator: ":").last, let port = Int(last) else {
            throw ServiceUnsupported("its service \(name) declares the port `\(item)`, which is not understood")
        }
        return port
    }

    /// The services of a compose file's text, by name.
    static func services(in text: String) throws -> [ComposeService] {
        guard let root = try Yams.load(yaml: text) as? [String: Any], let services = root["services"] as? [String: Any] else {
            throw ServiceUnsupported("its compose file has no services")
        }
        return try services.keys.sorted().map { name in
            try ComposeService(name: name, services[name] as? [String: Any] ?? [:])
        }
    }
}
