import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A ``Sandbox`` on bubblewrap: every command runs as a user of its own (never root), in new user, PID,
/// network, IPC and UTS namespaces, with the system folders read-only and nothing else of the host visible.
///
/// - Network: a namespace of its own with only loopback (no route out, no DNS), so a server a task starts
///   inside is reachable from inside only.
/// - Files: `/usr` (and `/bin`, `/lib`, …) read-only, a few files of `/etc` that programs need, the workspace
///   at `/workspace` and a private `/tmp`, both writable; no home folder, store, data folder or API key.
/// - Environment: cleared (`PATH`, `HOME`, `LANG`, `TMPDIR`, and one BLAS/OpenMP thread per process only); `bwrap` itself starts with an empty
///   environment, so not even `/proc/1/environ` shows the parent's.
/// - Priority: every command runs at niceness 10, below the engine, whose HTTP and store work stays responsive.
/// - Limits: ``SandboxLimits`` per process (CPU, memory, processes of the sandbox's user, file size), the
///   command's wall clock and output cap; at the timeout the whole process tree is killed.
///
/// ```swift
/// let sandbox = try BubblewrapSandbox(files: taskFolder)
/// let result = try await sandbox.run(SandboxCommand("ls -la && python3 solve.py"))
/// await sandbox.tearDown()
/// ```
public final class BubblewrapSandbox: Sandbox {
    /// The host folder holding `workspace/` and `tmp/`.
    public let root: URL
    /// The host folder seen as `/workspace` inside.
    public var workspace: URL { root.appendingPathComponent("workspace") }
    public let limits: SandboxLimits
    /// Keep the folder at ``tearDown()`` (for debugging; `--keep-sandbox`).
    public let keep: Bool
    /// A service every command runs beside (a web challenge's server), if any.
    public let service: SandboxService?
    /// The network namespace all commands share with the services started beside them (``start(_:)``), when
    /// the sandbox was made with hostnames; otherwise each command has a loopback of its own.
    public let network: SharedNetwork?
    /// The user every command runs as (a user of this sandbox alone, so the process limit is its own).
    let uid: UInt32
    /// The launches running now, by process id.
    private let running = Mutex<[Int32: SpawnedProcess]>([:])
    private let tornDown = Mutex(false)

    static let tools = (
        nice: "/usr/bin/nice", setpriv: "/usr/bin/setpriv", prlimit: "/usr/bin/prlimit", bwrap: "/usr/bin/bwrap"
    )
    /// The scheduling niceness of every command (the engine runs at 0).
    static let niceness = 10
    private static let nextUID = Mutex<UInt32>(0)

    /// Makes a sandbox whose workspace holds a copy of `files` (a folder's contents), or is empty.
    /// - Parameters:
    ///   - hostnames: when given, the commands share one network namespace for the sandbox's life, in which
    ///     services can be started (``start(_:)``), and these names resolve to 127.0.0.1.
    ///   - parent: where the sandbox folder is made (default: the temporary folder).
    public init(
        files: URL? = nil, limits: SandboxLimits = SandboxLimits(), keep: Bool = false, service: SandboxService? = nil,
        hostnames: [String]? = nil, parent: URL = FileManager.default.temporaryDirectory
    ) throws {
        self.limits = limits
        self.keep = keep
        self.service = service
        uid = Self.allocateUID()
        root = parent.appendingPathComponent("systemcard-sandbox-\(UUID().uuidString.prefix(12).lowercased())")
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root.appendingPathComponent("workspace"), withIntermediateDirectories: true)
            try manager.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            if let files {
                for item in try manager.contentsOfDirectory(atPath: files.path) {
                    try manager.copyItem(
                        at: files.appendingPathComponent(item), to: root.appendingPathComponent("workspace/\(item)"))
                }
            }
            try Self.chownTree(root, to: uid)
            chmod(root.path, 0o700)
            chmod(root.appendingPathComponent("tmp").path, 0o1777)
        } catch {
            try? manager.removeItem(at: root)
            throw SandboxError.setup("cannot prepare the sandbox folder \(root.path): \(error)")
        }
        if let hostnames {
            do {
                network = try SharedNetwork(uid: uid, hostnames: hostnames, hostsFile: root.appendingPathComponent("hosts"))
            } catch {
                try? manager.removeItem(at: root)
                throw error
            }
        } else {
            network = nil
        }
    }

    /// Users 1,000,000 and up, one per sandbox of this process (offset by the process id, so two processes
    /// rarely share one); never root, never a user of the machine.
    static func allocateUID() -> UInt32 {
        let base = 1_000_000 + UInt32(getpid() % 4096) * 4096
        return nextUID.withLock { next in
            defer { next = (next + 1) % 4096 }
            return base + next
        }
    }

    public func run(_ command: SandboxCommand) async throws -> SandboxResult {
        if tornDown.withLock({ $0 }) { throw SandboxError.setup("the sandbox was torn down") }
        // At a lower priority than the engine, so a busy agent never starves the run's HTTP and store work.
        let setup = SpawnedProcess.Setup(
            niceness: Int32(Self.niceness), limits: limits, identity: .init(uid: uid, gid: uid),
            namespaces: network?.namespaces ?? [])
        // With a service, the launcher reads the secret from the first line of input; the command gets the rest.
        let input = service.map { Data(($0.secret + "\n").utf8) + (command.input ?? Data()) } ?? command.input
        let started = ContinuousClock.now
        let process = try await SpawnedProcess.start(
            Self.tools.bwrap, arguments: [Self.tools.bwrap] + arguments(for: command),
            environment: ["PATH": "/usr/bin:/bin"], setup: setup, input: input, outputLimit: command.outputLimit)
        running.withLock { $0[process.pid] = process }
        defer { running.withLock { _ = $0.removeValue(forKey: process.pid) } }

        let timedOut = Flagged()
        let watchdog = Task.detached {
            try? await Task.sleep(for: command.timeout)
            if !Task.isCancelled && !process.hasEnded {
                timedOut.set()
                await Self.stop(process)
            }
        }
        let outcome = await withTaskCancellationHandler {
            await process.result
        } onCancel: {
            Task.detached { await Self.stop(process) }
        }
        watchdog.cancel()
        return SandboxResult(
            exitCode: outcome.exitCode, stdout: String(decoding: outcome.stdout, as: UTF8.self),
            stderr: String(decoding: outcome.stderr, as: UTF8.self), droppedBytes: outcome.droppedBytes,
            timedOut: timedOut.value, milliseconds: started.duration(to: .now).inMilliseconds)
    }

    /// Stops a launch: kills it and its process group (``SpawnedProcess/kill()``); its monitor then kills whatever
    /// still holds its output open, a process that escaped the kill. bwrap's child stays in the launch's group
    /// until `--new-session`, which comes after it has asked to die with its parent; killed in that window, the
    /// parent alone would leave the child running the command unwatched, holding the output open until it ends.
    /// Services run in groups of their own and are not touched.
    static func stop(_ process: SpawnedProcess) async {
        process.kill()
        _ = await process.result
    }

    /// bwrap's arguments (namespaces and mounts, then `sh -c`); the user, limits, niceness and the shared network
    /// are set before bwrap starts (``SpawnedProcess``).
    func arguments(for command: SandboxCommand) -> [String] {
        var directory = "/workspace"
        if let relative = command.workingDirectory, !relative.isEmpty {
            directory += "/" + relative.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        // Every namespace of its own; with a shared network, every one but the network, which it has entered.
        var arguments =
            network == nil
            ? ["--unshare-all"] : ["--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--unshare-cgroup-try"]
        arguments += ["--die-with-parent", "--new-session", "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"]
        for (link, target) in [("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")] {
            arguments += ["--symlink", target, link]
        }
        if let etc = SandboxEtc.shared.folder {
            arguments += ["--ro-bind", etc.path, "/etc"]
        } else {
            arguments += Self.etcFileBinds
        }
        if let network { arguments += ["--ro-bind", network.hostsFile.path, "/etc/hosts"] }
        arguments += [
            "--dev", "/dev", "--proc", "/proc",
            "--bind", root.appendingPathComponent("tmp").path, "/tmp",
            "--bind", workspace.path, "/workspace",
        ]
        // Debian packages pycryptodome as `Cryptodome`; CTF solutions import `Crypto`.
        let crypto = FileManager.default.fileExists(atPath: Self.cryptodome)
        if crypto { arguments += ["--symlink", Self.cryptodome, "/opt/systemcard/python/Crypto"] }
        arguments += [
            "--remount-ro", "/",
            "--chdir", directory, "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/workspace",
            "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp", "--setenv", "TERM", "dumb",
            // One math-library thread per process: the CPU limit counts every thread, and idle BLAS threads spin.
            "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "OMP_NUM_THREADS", "1",
        ]
        if crypto { arguments += ["--setenv", "PYTHONPATH", "/opt/systemcard/python"] }
        if let service {
            arguments += [
                "--", "/usr/bin/python3", "-c", SandboxService.launcher, service.code, String(service.port), command.shell,
            ]
        } else {
            arguments += ["--", "/bin/sh", "-c", command.shell]
        }
        return arguments
    }

    /// `etcFiles` bound one by one, where present (services, whose image may bring an /etc of its own, and
    /// commands when the ``SandboxEtc`` copy cannot be made).
    static let etcFileBinds = etcFiles.flatMap { ["--ro-bind-try", $0, $0] }

    /// Where Debian's python3-pycryptodome puts the library.
    static let cryptodome = "/usr/lib/python3/dist-packages/Cryptodome"

    /// What programs need of `/etc` (the dynamic linker's cache, alternatives, tool configuration such as openssl.cnf but none of /etc/ssl's keys); nothing
    /// that names the host's network or users beyond the standard tables.
    static let etcFiles = [
        "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/passwd", "/etc/group",
        "/etc/nsswitch.conf", "/etc/localtime", "/etc/ImageMagick-6", "/etc/fonts", "/etc/gdb", "/etc/magic",
        "/etc/mime.types", "/etc/python3", "/etc/python3.11", "/etc/ssl/openssl.cnf",
    ]

    /// Runs `body` with a fresh sandbox (default limits) and tears it down afterwards, whatever happens.
    public static func withFresh<T: Sendable>(_ body: (BubblewrapSandbox) async throws -> T) async throws -> T {
        try await BubblewrapSandbox().tearingDown(after: body)
    }

    public func writeFile(_ path: String, contents: Data) throws {
        let url = try resolve(path, creatingParents: true)
        // Never through a link, never blocking on a FIFO the agent left there, only into a regular file.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SandboxError.file("cannot write \(path) in the sandbox (errno \(errno))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try Self.requireRegularFile(descriptor, path)
        ftruncate(descriptor, 0)
        try handle.write(contentsOf: contents)
        fchown(descriptor, uid, uid)
    }

    public func readFile(_ path: String) throws -> Data {
        let url = try resolve(path, creatingParents: false)
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw SandboxError.file("cannot read \(path) in the sandbox (errno \(errno))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try Self.requireRegularFile(descriptor, path)
        return try handle.readToEnd() ?? Data()
    }

    /// Throws unless `descriptor` is a regular file (not a FIFO, device or folder the agent put at a path).
    static func requireRegularFile(_ descriptor: Int32, _ path: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw SandboxError.file("\(path) in the sandbox is not a regular file")
        }
    }

    /// The host path of `path` inside the workspace; a path that leaves the workspace (`..`, or a folder that is
    /// a link to elsewhere: the agent controls the workspace) is refused.
    func resolve(_ path: String, creatingParents: Bool) throws -> URL {
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else {
            throw SandboxError.file("'\(path)' is not a path inside the workspace")
        }
        var directory = workspace
        for part in parts.dropLast() {
            directory.appendPathComponent(part)
            if creatingParents && !FileManager.default.fileExists(atPath: directory.path) {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
                _ = lchown(directory.path, uid, uid)
            }
            // Not followed: a link here is the agent's, and may lead anywhere.
            let type = (try? FileManager.default.attributesOfItem(atPath: directory.path))?[.type] as? FileAttributeType
            guard type == .typeDirectory else {
                throw SandboxError.file("'\(path)' goes through something that is not a folder of the workspace")
            }
        }
        return directory.appendingPathComponent(parts.last!)
    }

    public func tearDown() async {
        tornDown.withLock { $0 = true }
        let launches = running.withLock { Array($0.values) }
        await withTaskGroup(of: Void.self) { group in
            for process in launches { group.addTask { await Self.stop(process) } }
        }
        network?.stop()
        // Anything the sandbox's user still runs (a daemon that left the namespace cannot exist: the PID
        // namespace ends with its first process) is gone with it; the folder goes unless kept.
        if !keep { try? FileManager.default.removeItem(at: root) }
    }

    /// Checks that sandboxes can run here (the tools exist, user namespaces are on) by running `true` in one;
    /// the error says what to install or switch on. Agentic evaluations call this before any model call and
    /// never fall back to running a model's commands unsandboxed.
    public static func checkAvailable() async throws {
        for tool in [tools.bwrap, tools.setpriv, tools.prlimit, tools.nice] where !FileManager.default.isExecutableFile(atPath: tool) {
            let package = tool == tools.bwrap ? "bubblewrap" : tool == tools.nice ? "coreutils" : "util-linux"
            throw SandboxError.unavailable(
                "\(tool) is missing: agentic evaluations run every command in a bubblewrap sandbox; install it with "
                    + "`apt-get install \(package)`")
        }
        let sandbox = try BubblewrapSandbox()
        defer { Task { await sandbox.tearDown() } }
        let result = try await sandbox.run(SandboxCommand("true", timeout: .seconds(30)))
        guard result.exitCode == 0 else {
            let detail = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw SandboxError.unavailable(
                "bubblewrap cannot start a sandbox here (\(detail.isEmpty ? "exit \(result.exitCode)" : detail)); "
                    + "user namespaces may be switched off: `sysctl -w kernel.unprivileged_userns_clone=1` and "
                    + "`sysctl -w user.max_user_namespaces=15000`")
        }
    }

    static func chownTree(_ url: URL, to uid: UInt32) throws {
        _ = lchown(url.path, uid, uid)
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return }
        for case let relative as String in enumerator {
            _ = lchown(url.appendingPathComponent(relative).path, uid, uid)
        }
    }
}

/// A failure of the sandbox itself (not of a command in it).
public enum SandboxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// bubblewrap (or setpriv / prlimit) is missing, or user namespaces are switched off.
    case unavailable(String)
    /// The workspace could not be prepared.
    case setup(String)
    /// A file could not be read or written, or its path leaves the workspace.
    case file(String)

    public var description: String {
        switch self {
        case .unavailable(let message), .setup(let message), .file(let message): return message
        }
    }
}

/// A flag set once, from any thread.
final class Flagged: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var value: Bool { state.withLock { $0 } }
}
