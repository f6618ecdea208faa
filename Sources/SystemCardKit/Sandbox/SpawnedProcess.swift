import Foundation
import SandboxSpawn
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A sandbox's outer program, started by `sandbox_spawn` with its limits, niceness, user and namespaces set
/// between clone and exec (once four programs in a row: nice, setpriv, prlimit, nsenter), from the
/// ``ProcessLauncher`` thread. One thread of its own writes its input, reads its output (up to a cap, the rest
/// counted), waits for its end and reaps it; nothing else waits on a thread.
///
/// No descriptor of the engine reaches it but its three pipes, and no pipe of it reaches another child: every end
/// is close-on-exec from the start (Foundation's `Process` left its own exit-status socket inheritable).
final class SpawnedProcess: Sendable {
    /// What the process left: its exit status (128 + the signal that killed it), the kept output and how many
    /// bytes past the cap were dropped.
    struct Outcome: Sendable {
        let exitCode: Int32
        let stdout: Data
        let stderr: Data
        let droppedBytes: Int
    }

    /// The user and group it runs as.
    struct Identity: Sendable {
        let uid: UInt32
        let gid: UInt32
    }

    /// What `sandbox_spawn` sets before exec.
    struct Setup: Sendable {
        var niceness: Int32 = 0
        var limits: SandboxLimits?
        var identity: Identity?
        /// Namespace files entered in order after the identity change (`/proc/PID/ns/user`, `…/net`).
        var namespaces: [String] = []
    }

    let pid: pid_t
    /// The inodes of its output pipes: whatever else holds them is a process of this launch (``PipeHolders``).
    let outputPipes: Set<UInt64>
    /// Set (under its lock) when the process is reaped: a kill never reaches a pid the kernel has given to another.
    private let reaped = Mutex(false)
    /// Set by ``kill()``: the monitor then waits 0.1 s, not 2 s, for the output to close after the end.
    private let killed = Mutex(false)
    private let outcome = OneShotValue<Outcome>()

    private init(pid: pid_t, outputPipes: Set<UInt64>) {
        self.pid = pid
        self.outputPipes = outputPipes
    }

    /// Starts `path` with `arguments` (the first is the program's name) and `environment`, writes `input` to it
    /// and closes its input; keeps at most `outputLimit` bytes of each output.
    static func start(
        _ path: String, arguments: [String], environment: [String: String], setup: Setup, input: Data?, outputLimit: Int
    ) async throws -> SpawnedProcess {
        let launched = try await ProcessLauncher.shared.perform {
            try spawn(path, arguments: arguments, environment: environment, setup: setup)
        }
        let process = SpawnedProcess(
            pid: launched.pid,
            outputPipes: Set([launched.stdout, launched.stderr].compactMap(PipeHolders.inode(ofDescriptor:))))
        let monitor = Thread { [process] in
            process.outcome.set(
                process.monitor(launched, input: input ?? Data(), outputLimit: outputLimit))
        }
        monitor.name = "systemcard-sandbox-command"
        monitor.start()
        return process
    }

    /// What the process left, once it has ended and its output is read.
    var result: Outcome { get async { await outcome.value } }

    /// Whether it has ended and been reaped.
    var hasEnded: Bool { reaped.withLock { $0 } }

    /// Kills the process and its process group (SIGKILL), unless it has been reaped already. Whatever escaped the
    /// kill and still holds the output (see ``BubblewrapSandbox/stop(_:)``) is killed by the monitor 0.1 s after
    /// the end, while it still holds the pipes: once they are closed their inodes may be another command's.
    func kill() {
        killed.withLock { $0 = true }
        reaped.withLock { reaped in
            guard !reaped else { return }
            Glibc.kill(-pid, SIGKILL)
            Glibc.kill(pid, SIGKILL)
        }
    }

    /// The parent's ends of a started process's pipes and its pidfd (-1 if the kernel has none).
    struct Launched: Sendable {
        let pid: pid_t
        let pidfd: Int32
        let stdin: Int32
        let stdout: Int32
        let stderr: Int32
    }

    /// Makes the pipes and starts the process (on the launcher's thread); closes the child's ends.
    private static func spawn(
        _ path: String, arguments: [String], environment: [String: String], setup: Setup
    ) throws -> Launched {
        var pipes: [[Int32]] = []
        defer { for pipe in pipes { for end in pipe where end >= 0 { close(end) } } }
        for _ in 0..<3 {
            var ends: [Int32] = [-1, -1]
            let error = sandbox_pipe(&ends)
            guard error == 0 else { throw SandboxError.unavailable("cannot make a pipe: \(String(cString: strerror(error)))") }
            pipes.append(ends)
        }
        let strings = (
            path: CStringArray([path]), argv: CStringArray(arguments),
            envp: CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }),
            namespaces: CStringArray(setup.namespaces)
        )
        var request = sandbox_spawn_request()
        request.path = UnsafePointer(strings.path.pointer[0])
        request.argv = UnsafePointer(strings.argv.pointer)
        request.envp = UnsafePointer(strings.envp.pointer)
        request.stdin_fd = pipes[0][0]
        request.stdout_fd = pipes[1][1]
        request.stderr_fd = pipes[2][1]
        request.niceness = setup.niceness
        if let limits = setup.limits {
            request.set_limits = 1
            request.cpu_seconds = UInt64(limits.cpuSeconds)
            request.memory_bytes = UInt64(limits.memoryBytes)
            request.processes = UInt64(limits.processes)
            request.file_bytes = UInt64(limits.fileBytes)
        }
        if let identity = setup.identity {
            request.change_identity = 1
            request.uid = identity.uid
            request.gid = identity.gid
        }
        request.namespace_count = Int32(setup.namespaces.count)
        var pid: pid_t = 0
        var pidfd: Int32 = -1
        var failedStep: UnsafePointer<CChar>?
        // The strings live until the call returns (the child has exec'd or failed by then).
        let error = withExtendedLifetime(strings) {
            strings.namespaces.withConstPointer { names in
                request.namespaces = names
                return sandbox_spawn(&request, &pid, &pidfd, &failedStep)
            }
        }
        guard error == 0 else {
            let step = failedStep.map { String(cString: $0) } ?? "spawn"
            throw SandboxError.unavailable("cannot start \(path) (\(step): \(String(cString: strerror(error))))")
        }
        // The parent keeps the writing end of the input and the reading ends of the output.
        let launched = Launched(pid: pid, pidfd: pidfd, stdin: pipes[0][1], stdout: pipes[1][0], stderr: pipes[2][0])
        pipes[0][1] = -1
        pipes[1][0] = -1
        pipes[2][0] = -1
        return launched
    }

    /// The monitor thread's work: input written, output read until both ends close, then the end awaited and
    /// reaped. Output still held open a while after the process ended can only be a process that escaped its
    /// sandbox's kill; it is killed and the output taken as it is.
    private func monitor(_ launched: Launched, input: Data, outputLimit: Int) -> Outcome {
        // Writing to an input the command closed is EPIPE here, never a SIGPIPE for the engine.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, nil)
        var stdout = Data()
        var stderr = Data()
        var dropped = 0
        var written = 0
        var inputEnd = launched.stdin
        if input.isEmpty {
            close(inputEnd)
            inputEnd = -1
        } else {
            _ = fcntl(inputEnd, F_SETFL, fcntl(inputEnd, F_GETFL) | O_NONBLOCK)
        }
        var outputs = [launched.stdout, launched.stderr]
        var pidfd = launched.pidfd
        var endedAt: ContinuousClock.Instant?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while outputs.contains(where: { $0 >= 0 }) {
            var polled = [
                pollfd(fd: outputs[0], events: Int16(POLLIN), revents: 0),
                pollfd(fd: outputs[1], events: Int16(POLLIN), revents: 0),
                pollfd(fd: inputEnd, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0),
            ]
            var wait: Int32 = -1
            if let endedAt {
                let grace = killed.withLock { $0 } ? Duration.milliseconds(100) : .seconds(2)
                let left = grace - endedAt.duration(to: .now)
                if left <= .zero {
                    PipeHolders.kill(holding: outputPipes)
                    break
                }
                wait = Int32(max(1, left.inMilliseconds))
            }
            if poll(&polled, nfds_t(polled.count), wait) < 0 {
                if errno == EINTR { continue }
                kill()  // cannot watch it any more: end it rather than wait for its timeout
                break
            }
            for index in 0..<2 where outputs[index] >= 0 && polled[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(outputs[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    let kept = index == 0 ? stdout.count : stderr.count
                    let room = max(0, min(count, outputLimit - kept))
                    if room > 0 {
                        if index == 0 { stdout.append(contentsOf: buffer[0..<room]) } else { stderr.append(contentsOf: buffer[0..<room]) }
                    }
                    dropped += count - room
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(outputs[index])
                    outputs[index] = -1
                }
            }
            if inputEnd >= 0 && polled[2].revents != 0 {
                let count = input.withUnsafeBytes { bytes in
                    write(inputEnd, bytes.baseAddress! + written, min(bytes.count - written, 65_536))
                }
                if count > 0 { written += count }
                if written == input.count || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    close(inputEnd)
                    inputEnd = -1
                }
            }
            if pidfd >= 0 && polled[3].revents != 0 {
                close(pidfd)
                pidfd = -1
                endedAt = .now
            }
        }
        for descriptor in outputs + [inputEnd, pidfd] where descriptor >= 0 { close(descriptor) }
        _ = sandbox_wait_for_end(pid)
        var exitCode: Int32 = -1
        reaped.withLock { reaped in
            if sandbox_reap(pid, &exitCode) != 0 { exitCode = -1 }
            reaped = true
        }
        return Outcome(exitCode: exitCode, stdout: stdout, stderr: stderr, droppedBytes: dropped)
    }
}

/// A NULL-terminated array of C strings, freed with the array.
private final class CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointer[index] = strdup(string) }
        pointer[strings.count] = nil
    }

    func withConstPointer<Result>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result) -> Result {
        pointer.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: count + 1) { body(UnsafePointer($0)) }
    }

    deinit {
        for index in 0..<count { free(pointer[index]) }
        pointer.deallocate()
    }
}
