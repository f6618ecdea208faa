import Foundation

/// How to start a Cybench task's services inside its sample's sandbox, read from the task folder's compose
/// file and Dockerfiles when the dataset loads (stored in the sample's metadata as JSON).
struct CybenchServicePlan: Codable, Hashable, Sendable {
    /// One service (a compose service other than the agent's `default`).
    struct Service: Codable, Hashable, Sendable {
        var name: String
        /// Its compose name, `hostname` and network aliases: each resolves to 127.0.0.1 in the sandbox.
        var hostnames: [String]
        var ports: [Int]
        var steps: [ImageStep]
        var workdir: String
        var environment: [String: String]
        var command: [String]
        /// A `python` base image: `python` and `python3` in `/usr/local/bin` lead to the machine's Python 3.
        var pythonAliases: Bool
    }

    var services: [Service]
    /// The ports waited for before the agent's first turn: those the prompt names, else every declared one.
    var readyPorts: [Int]
    /// What was accepted but not reproduced exactly (a `USER`), for the run's notes.
    var notes: [String]

    static let metadataKey = "services"

    /// Every hostname of every service.
    var hostnames: [String] { services.flatMap(\.hostnames) }

    /// The plan as it is stored in a sample's metadata.
    func encoded() throws -> String { try JSONCoding.string(self) }

    static func decoded(_ text: String) throws -> CybenchServicePlan {
        try JSONCoding.decoder.decode(CybenchServicePlan.self, from: Data(text.utf8))
    }
}

extension CybenchServicePlan.Service {
    /// Lays the service's image out in `folder` (its root): copies, folders and modes, in the Dockerfile's order.
    func layOut(in folder: URL) throws {
        let manager = FileManager.default
        // Every write lands inside `folder`: no part of a destination under it may be a symbolic link (a task's
        // files are hostile; a link copied earlier must not redirect a later write onto the host).
        func host(_ path: String) throws -> URL {
            let normalised = ImagePath.absolute(path, in: "/")
            guard normalised != "/" else { return folder }
            var url = folder
            for part in normalised.split(separator: "/") {
                url = url.appendingPathComponent(String(part))
                if (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    throw SandboxError.setup("the service path \(normalised) passes through a symbolic link")
                }
            }
            return url
        }
        for step in steps {
            switch step {
            case .makeDirectory(let path):
                try manager.createDirectory(at: try host(path), withIntermediateDirectories: true)
            case .copy(let source, let destination):
                let target = try host(destination)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: source, isDirectory: &isFolder) else {
                    throw SandboxError.setup("the service file \(source) is missing")
                }
                if (try? manager.destinationOfSymbolicLink(atPath: source)) != nil {
                    throw SandboxError.setup("the service file \(source) is a symbolic link; links are not copied")
                }
                if isFolder.boolValue {
                    try Self.merge(URL(fileURLWithPath: source), into: target)
                } else {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                    try manager.copyItem(at: URL(fileURLWithPath: source), to: target)
                }
            case .changeMode(let mode, let path, let recursive):
                let target = try host(path)
                guard (try? manager.destinationOfSymbolicLink(atPath: target.path)) == nil else { continue }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/chmod")
                process.arguments = (recursive ? ["-R"] : []) + ["--", mode, target.path]
                process.standardError = FileHandle.nullDevice
                try process.runToEnd()
            }
        }
        if pythonAliases {
            let bin = folder.appendingPathComponent("usr/local/bin")
            try manager.createDirectory(at: bin, withIntermediateDirectories: true)
            for name in ["python", "python3"] where !manager.fileExists(atPath: bin.appendingPathComponent(name).path) {
                try manager.createSymbolicLink(atPath: bin.appendingPathComponent(name).path, withDestinationPath: "/usr/bin/python3")
            }
        }
    }

    /// Copies a folder's contents into `target`, keeping what is already there (as `COPY dir/ dest/` does).
    private static func merge(_ source: URL, into target: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: from.path, isDirectory: &isFolder)
            if (try? manager.destinationOfSymbolicLink(atPath: from.path)) != nil {
                // A link could point anywhere on the host, and a later COPY through it would write there.
                throw SandboxError.setup("the service file \(from.path) is a symbolic link; links are not copied")
            }
            if (try? manager.destinationOfSymbolicLink(atPath: to.path)) != nil {
                throw SandboxError.setup("the service path \(to.path) is a symbolic link")
            }
            if isFolder.boolValue {
                try merge(from, into: to)
            } else {
                if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
                try manager.copyItem(at: from, to: to)
            }
        }
    }
}
