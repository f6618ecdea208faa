import Foundation

/// Where an agent's commands run: never on the host.
///
/// A sandbox has a workspace that persists between commands of one sample (the task's files, whatever the agent
/// writes) and is removed by ``tearDown()``. Each command runs with its own wall-clock timeout and output cap;
/// what the command prints beyond the cap is dropped, and a command still running at its timeout is killed
/// with every process it started.
public protocol Sandbox: Sendable {
    /// Runs one command and returns what it printed and how it ended. Throws only when the sandbox itself
    /// cannot run (not when the command fails: that is an exit code).
    func run(_ command: SandboxCommand) async throws -> SandboxResult
    /// Writes a file into the workspace (`path` relative to it; folders are created).
    func writeFile(_ path: String, contents: Data) throws
    /// Reads a file of the workspace (`path` relative to it).
    func readFile(_ path: String) throws -> Data
    /// Kills anything still running and removes the workspace (unless the sandbox was asked to keep it).
    func tearDown() async
}

extension Sandbox {
    /// Runs `body` with this sandbox and tears it down afterwards, whatever happens.
    public func tearingDown<T: Sendable>(after body: (Self) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await tearDown()
            return result
        } catch {
            await tearDown()
            throw error
        }
    }
}

/// One command for a ``Sandbox``.
public struct SandboxCommand: Sendable, Hashable {
    /// Run by `/bin/sh -c` inside the sandbox.
    public var shell: String
    /// Sent to the command's standard input, then closed.
    public var input: Data?
    /// A folder of the workspace to start in (relative), or nil for the workspace itself.
    public var workingDirectory: String?
    /// Killed, with every process it started, after this long.
    public var timeout: Duration
    /// Bytes kept of standard output and of standard error each; the rest is dropped and counted.
    public var outputLimit: Int

    /// A command with a 180 s timeout and a 1 MiB output cap, Inspect AI's CTF settings.
    public init(
        _ shell: String, input: Data? = nil, workingDirectory: String? = nil, timeout: Duration = .seconds(180),
        outputLimit: Int = 1 << 20
    ) {
        self.shell = shell
        self.input = input
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.outputLimit = outputLimit
    }
}

/// How a sandboxed command ended.
public struct SandboxResult: Sendable, Hashable, Codable {
    /// The exit code; 128 + N when killed by signal N (137 after a timeout).
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    /// Bytes dropped past the output cap (standard output and error together).
    public var droppedBytes: Int
    /// True when the command was killed at its timeout.
    public var timedOut: Bool
    /// Wall-clock milliseconds from start to the end of the last process.
    public var milliseconds: Int

    public init(exitCode: Int32, stdout: String, stderr: String, droppedBytes: Int, timedOut: Bool, milliseconds: Int) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.droppedBytes = droppedBytes
        self.timedOut = timedOut
        self.milliseconds = milliseconds
    }
}

/// Resource limits of every command in a sandbox (per command; the workspace persists).
public struct SandboxLimits: Sendable, Hashable {
    /// CPU seconds per process (RLIMIT_CPU).
    public var cpuSeconds: Int
    /// Address space per process in bytes (RLIMIT_AS): a memory hog fails to allocate.
    public var memoryBytes: Int
    /// Processes the sandbox's user may run at once (RLIMIT_NPROC, for a user of its own): a fork bomb stops there.
    public var processes: Int
    /// Largest file a command may write, in bytes (RLIMIT_FSIZE).
    public var fileBytes: Int

    /// 60 CPU seconds, 2 GiB of address space, 256 processes and 256 MiB files.
    public init(cpuSeconds: Int = 60, memoryBytes: Int = 2 << 30, processes: Int = 256, fileBytes: Int = 256 << 20) {
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.processes = processes
        self.fileBytes = fileBytes
    }
}
