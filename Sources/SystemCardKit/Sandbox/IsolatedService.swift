import Foundation

/// A program that runs beside a sandbox's commands for the sandbox's whole life (a CTF task's server), in the
/// sandbox's ``SharedNetwork`` but with its own mount, PID, IPC and UTS namespaces: the commands reach it over
/// loopback at its name and port and can neither read its files nor see its processes.
///
/// Its files are a host folder laid out as the service's root: each top-level entry (`app/`, `challenge/`,
/// `home/`, `etc/…`, `usr/local/`) is bound at `/<entry>`, writable by the service; the system folders are the
/// machine's, read-only, as in the sandbox. It runs as the sandbox's user (not root), with the sandbox's
/// limits but ``cpuSeconds`` of CPU per process.
public struct IsolatedService: Sendable, Hashable {
    /// Its hostname (also a name in the sandbox's hosts file).
    public var name: String
    /// The host folder laid out as its root.
    public var files: URL
    public var workingDirectory: String
    public var environment: [String: String]
    /// The program and its arguments (no shell unless it names one).
    public var command: [String]
    /// CPU seconds per process: a long-lived server outlives a command's budget.
    public var cpuSeconds: Int

    public init(
        name: String, files: URL, workingDirectory: String = "/", environment: [String: String] = [:],
        command: [String], cpuSeconds: Int = 3600
    ) {
        self.name = name
        self.files = files
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.command = command
        self.cpuSeconds = cpuSeconds
    }
}
