import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A network namespace that lives as long as one sandbox, shared by all its commands and the services started
/// beside them (``IsolatedService``): loopback only, no route out, no DNS; the services' names resolve to
/// 127.0.0.1 through the sandbox's own `/etc/hosts`.
///
/// A holder process owns it: `unshare --user --map-current-user --keep-caps --net` as the sandbox's user brings
/// loopback up, drops every capability, then starts the services it is sent (one JSON line each) and ends when
/// its standard input closes, at ``stop()`` or with the engine; each service's bubblewrap dies with it
/// (`--die-with-parent`, whose parent is the holder's one thread, not a thread of the engine that may end).
/// Commands enter the holder's user and network namespaces as they start (``SpawnedProcess``); below them bubblewrap gives each
/// command and each service a user, PID, mount, IPC and UTS namespace of its own: a command sees neither the
/// services' processes nor their files, and holds no capability in the holder's namespaces.
public final class SharedNetwork: Sendable {
    /// The holder's process id (whose namespaces commands enter).
    let holderPID: Int32
    /// The hosts file every command and service sees as `/etc/hosts`.
    let hostsFile: URL
    private let holder: Process
    private let requests: FileHandle
    private let replies: FileHandle
    private let services = Mutex<[Int32]>([])

    static let unshare = "/usr/bin/unshare"

    /// Loopback up (SIOCGIFFLAGS / SIOCSIFFLAGS), capabilities dropped (ambient, then all sets), then one service
    /// per input line `{"argv": [...], "log": path}` (default SIGCHLD, no signal blocked), answered with its
    /// process id or `error …`.
    static let holderProgram = """
        import ctypes, fcntl, json, os, signal, socket, struct, sys
        libc = ctypes.CDLL(None, use_errno=True)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        flags = struct.unpack('16sH', fcntl.ioctl(s, 0x8913, struct.pack('16sH14x', b'lo', 0))[:18])[1]
        fcntl.ioctl(s, 0x8914, struct.pack('16sH14x', b'lo', flags | 1))
        s.close()
        libc.prctl(47, 4, 0, 0, 0)
        if libc.capset((ctypes.c_uint32 * 2)(0x20080522, 0), (ctypes.c_uint32 * 6)()) != 0:
            sys.exit('cannot drop capabilities')
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        os.write(1, b'ready\\n')
        for line in sys.stdin:
            try:
                request = json.loads(line)
                log = os.open(request['log'], os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
                pid = os.posix_spawn(
                    request['argv'][0], request['argv'], {'PATH': '/usr/bin:/bin'},
                    file_actions=[(os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
                                  (os.POSIX_SPAWN_DUP2, log, 1), (os.POSIX_SPAWN_DUP2, log, 2)],
                    setsigdef=(signal.SIGCHLD,), setsigmask=(), setsid=True)
                os.close(log)
                os.write(1, b'%d\\n' % pid)
            except Exception as error:
                os.write(1, ('error ' + str(error).replace('\\n', ' ') + '\\n').encode())
        """

    /// Starts the holder as `uid` and writes the hosts file (at `hostsFile`) naming `hostnames` as 127.0.0.1.
    init(uid: UInt32, hostnames: [String], hostsFile: URL) throws {
        self.hostsFile = hostsFile
        // Only plain host names: a name from a task's compose file cannot add lines or addresses.
        let names = (["localhost", "sandbox"] + hostnames).filter { name in
            !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        }
        try Data("127.0.0.1\t\(names.joined(separator: " "))\n::1\tlocalhost\n".utf8).write(to: hostsFile)
        chmod(hostsFile.path, 0o644)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BubblewrapSandbox.tools.setpriv)
        process.arguments = [
            "--reuid", String(uid), "--regid", String(uid), "--clear-groups", "--",
            Self.unshare, "--user", "--map-current-user", "--keep-caps", "--net", "--",
            "/usr/bin/python3", "-c", Self.holderProgram,
        ]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.runWithEmptySignalMask()
        } catch {
            throw SandboxError.unavailable("cannot start the sandbox's network holder (\(Self.unshare)): \(error)")
        }
        holder = process
        requests = input.fileHandleForWriting
        replies = output.fileHandleForReading
        holderPID = process.processIdentifier
        // Ready once it says so; anything else (user namespaces off, no python3) is the sandbox's failure.
        guard Self.line(from: replies) == "ready" else {
            try? requests.close()
            ended.wait()  // (waitUntilExit would spin at full CPU)
            let detail = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            throw SandboxError.unavailable(
                "the sandbox's shared network could not be made: "
                    + RunText.excerpt(detail.trimmingCharacters(in: .whitespacesAndNewlines), limit: 300))
        }
    }

    /// One line of the holder's replies (without its newline); nil at the end of its output.
    private static func line(from handle: FileHandle) -> String? {
        var bytes = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == Data([0x0A]) { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    /// The namespace files a command enters, in order: the holder's user namespace (which owns the network), then
    /// its network (what `nsenter --user --net --preserve-credentials` did, without a program of its own).
    var namespaces: [String] {
        ["/proc/\(holderPID)/ns/user", "/proc/\(holderPID)/ns/net"]
    }

    /// Has the holder start `argv` (already inside this network, as the sandbox's user, without capabilities),
    /// its output appended to `log`; returns its process id.
    func spawn(_ argv: [String], log: URL) throws -> Int32 {
        let request = try JSONSerialization.data(withJSONObject: ["argv": argv, "log": log.path]) + Data([0x0A])
        let reply: String? = try services.withLock { _ in
            try requests.write(contentsOf: request)
            return Self.line(from: replies)
        }
        guard let reply, let pid = Int32(reply) else {
            throw SandboxError.setup("the service could not be started: \(reply ?? "the network's holder ended")")
        }
        services.withLock { $0.append(pid) }
        return pid
    }

    /// The process ids of the services started so far.
    var servicePIDs: [Int32] { services.withLock { $0 } }

    /// The first service that no longer runs (the holder reaps its children at once), if any.
    var stoppedService: Int32? {
        services.withLock { $0.first { kill($0, 0) != 0 && errno == ESRCH } }
    }

    /// Ends the holder (each service's bubblewrap, and with it the service's PID namespace, dies with it) and
    /// kills the services as well, in case one outlived it.
    func stop() {
        try? requests.close()
        for pid in services.withLock({ $0 }) { kill(pid, SIGKILL) }
        if holder.isRunning { kill(holderPID, SIGKILL) }
    }
}
