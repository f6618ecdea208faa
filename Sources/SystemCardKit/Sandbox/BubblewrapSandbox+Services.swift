import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension BubblewrapSandbox {
    /// A fresh folder of this sandbox (outside its workspace and `/tmp`, so never visible to its commands) for
    /// a service's files.
    public func serviceFolder(_ name: String) throws -> URL {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw SandboxError.setup("'\(name)' is not a service name")
        }
        let services = root.appendingPathComponent("services")
        let folder = services.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The network's holder, the sandbox's user, writes the services' logs here.
        _ = lchown(services.path, uid, uid)
        chmod(services.path, 0o700)
        return folder
    }

    /// Starts `service` in this sandbox's shared network (the sandbox must have been made with `hostnames`);
    /// it runs until ``tearDown()``. Its output goes to `services/<name>.log` beside its files (shown when it
    /// fails to answer).
    public func start(_ service: IsolatedService) throws {
        guard let network else { throw SandboxError.setup("this sandbox has no shared network for services") }
        try Self.chownTree(service.files, to: uid)
        let log = root.appendingPathComponent("services/\(service.name).log")
        _ = try network.spawn(
            [Self.tools.nice, "-n", String(Self.niceness)] + serviceArguments(service, network: network), log: log)
    }

    /// prlimit → bwrap (its own mounts and processes, in the shared network it is started in) → the command.
    func serviceArguments(_ service: IsolatedService, network: SharedNetwork) -> [String] {
        var arguments = [
            Self.tools.prlimit, "--nproc=\(limits.processes)", "--as=\(limits.memoryBytes)", "--cpu=\(service.cpuSeconds)",
            "--fsize=\(limits.fileBytes)", "--core=0", "--",
            Self.tools.bwrap, "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--hostname", service.name,
            "--ro-bind", "/usr", "/usr",
        ]
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: service.files.path)) ?? []).sorted()
        // The image's own top-level folders first, then the machine's /etc files over them.
        for entry in entries where !["usr", "tmp", "proc", "dev", "sys"].contains(entry) {
            arguments += ["--bind", service.files.appendingPathComponent(entry).path, "/" + entry]
        }
        if FileManager.default.fileExists(atPath: service.files.appendingPathComponent("usr/local").path) {
            arguments += ["--bind", service.files.appendingPathComponent("usr/local").path, "/usr/local"]
        }
        for (link, target) in [("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")] {
            arguments += ["--symlink", target, link]
        }
        arguments += Self.etcFileBinds
        arguments += ["--ro-bind", network.hostsFile.path, "/etc/hosts", "--dev", "/dev", "--proc", "/proc"]
        if entries.contains("tmp") {
            arguments += ["--bind", service.files.appendingPathComponent("tmp").path, "/tmp"]
        } else {
            arguments += ["--tmpfs", "/tmp"]
        }
        let crypto = FileManager.default.fileExists(atPath: Self.cryptodome)
        if crypto { arguments += ["--symlink", Self.cryptodome, "/opt/systemcard/python/Crypto"] }
        arguments += [
            "--remount-ro", "/", "--chdir", service.workingDirectory, "--clearenv",
            "--setenv", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "--setenv", "HOME", "/root",
            "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp", "--setenv", "HOSTNAME", service.name,
            "--setenv", "PYTHONUNBUFFERED", "1",
        ]
        if crypto { arguments += ["--setenv", "PYTHONPATH", "/opt/systemcard/python"] }
        for (name, value) in service.environment.sorted(by: { $0.key < $1.key }) where name != "PYTHONPATH" || !crypto {
            arguments += ["--setenv", name, value]
        }
        return arguments + ["--"] + service.command
    }

    /// Waits until something accepts connections on every port of 127.0.0.1 in the shared network (checked
    /// from a command's side); throws, with the end of the services' logs, when `timeout` passes or a service
    /// ends first.
    public func waitForPorts(_ ports: [Int], timeout: Duration) async throws {
        guard let network else { throw SandboxError.setup("this sandbox has no shared network for services") }
        let probe = """
            import socket, sys
            for port in sys.argv[1:]:
                socket.create_connection(('127.0.0.1', int(port)), timeout=0.5).close()
            """
        let deadline = ContinuousClock.now + timeout
        while true {
            let result = try await run(SandboxCommand(
                "python3 - \(ports.map(String.init).joined(separator: " "))", input: Data(probe.utf8), timeout: .seconds(10)))
            if result.exitCode == 0 { return }
            try SandboxChecks.requireTools(result, program: "python3")
            if network.stoppedService != nil {
                throw SandboxError.setup("a service ended before its port answered: \(serviceLogs())")
            }
            if ContinuousClock.now >= deadline {
                throw SandboxError.setup(
                    "the service did not accept connections on port \(ports.map(String.init).joined(separator: ", ")) within "
                        + "\(timeout.inMilliseconds / 1000) s: \(serviceLogs())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The last lines of every service's log, for a failure message.
    func serviceLogs() -> String {
        let folder = root.appendingPathComponent("services")
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".log") }.sorted()
        let parts = logs.map { name -> String in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return "\(name.dropLast(4)): " + (text.isEmpty ? "(no output)" : SandboxChecks.tail(text))
        }
        return parts.isEmpty ? "no service output" : parts.joined(separator: "; ")
    }
}
