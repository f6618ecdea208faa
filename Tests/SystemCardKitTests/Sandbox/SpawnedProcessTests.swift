import Foundation
import SandboxSpawn
import Testing

@testable import SystemCardKit

#if canImport(Glibc)
    import Glibc
#endif

/// How a sandbox's outer program is started: only its three pipes, no signal ignored or blocked, its limits,
/// niceness and user set, input and capped output on one thread, and nothing left behind.
@Suite(.serialized)
struct SpawnedProcessTests {
    static func shell(
        _ script: String, input: Data? = nil, outputLimit: Int = 1 << 20, setup: SpawnedProcess.Setup = .init()
    ) async throws -> SpawnedProcess {
        try await SpawnedProcess.start(
            "/bin/sh", arguments: ["sh", "-c", script], environment: ["PATH": "/usr/bin:/bin"], setup: setup, input: input,
            outputLimit: outputLimit)
    }

    /// A descriptor the engine left inheritable and a signal it ignores stay in the engine (the launcher's thread,
    /// where every child starts, blocks every signal: the child's mask must be empty all the same).
    @Test func onlyTheThreePipesAndNoSignalIgnoredOrBlocked() async throws {
        let leaked = open("/dev/null", O_RDONLY)  // not close-on-exec
        defer { close(leaked) }
        let previous = signal(SIGUSR2, SIG_IGN)  // no one sends the test process SIGUSR2
        defer { signal(SIGUSR2, previous) }
        // One program each, exec'd by the shell: dash itself blocks signals at times.
        let descriptors = await (try Self.shell("exec ls /proc/self/fd")).result
        #expect(descriptors.stdout == Data("0\n1\n2\n3\n".utf8), "3 is ls's own: \(String(decoding: descriptors.stdout, as: UTF8.self))")
        let status = await (try Self.shell("exec grep -E '^Sig(Ign|Blk)' /proc/self/status")).result
        let lines = String(decoding: status.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000"])
    }

    /// Limits, niceness and user are the child's own; the engine keeps its own.
    @Test func limitsNicenessAndUserAreSet() async throws {
        let limits = SandboxLimits(cpuSeconds: 7, memoryBytes: 1 << 30, processes: 33, fileBytes: 1 << 20)
        let uid: UInt32 = 1_999_123
        let setup = SpawnedProcess.Setup(niceness: 5, limits: limits, identity: .init(uid: uid, gid: uid))
        let process = try await Self.shell(
            "id -u; id -g; id -G; nice; grep -E '^Max (cpu time|address space|processes|file size|core)' /proc/self/limits",
            setup: setup)
        let outcome = await process.result
        let text = String(decoding: outcome.stdout, as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(outcome.exitCode == 0, "\(text) \(String(decoding: outcome.stderr, as: UTF8.self))")
        #expect(Array(lines.prefix(4)) == ["\(uid)", "\(uid)", "\(uid)", "\(getpriority(Int32(PRIO_PROCESS.rawValue), 0) + 5)"], "\(text)")
        #expect(lines.contains("Max cpu time 7 7 seconds"), "\(text)")
        #expect(lines.contains("Max file size 1048576 1048576 bytes"), "\(text)")
        #expect(lines.contains("Max processes 33 33 processes"), "\(text)")
        #expect(lines.contains("Max address space 1073741824 1073741824 bytes"), "\(text)")
        #expect(lines.contains("Max core file size 0 0 bytes"), "\(text)")
    }

    /// The child's changes stay in the child, though it shares the engine's memory until it execs: the engine
    /// keeps its user, niceness, limits and its dumpable flag (which the kernel clears on a change of user).
    @Test func theEngineKeepsItsOwnUserLimitsAndDumpableFlag() async throws {
        // Real, effective, saved and file-system uids and gids, and every limit, as the kernel reports them.
        func identityAndLimits() throws -> [String] {
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8).split(separator: "\n")
            let limits = try String(contentsOfFile: "/proc/self/limits", encoding: .utf8).split(separator: "\n")
            return (status.filter { $0.hasPrefix("Uid:") || $0.hasPrefix("Gid:") || $0.hasPrefix("Groups:") } + limits).map(String.init)
        }
        let before = try identityAndLimits()
        let niceBefore = getpriority(Int32(PRIO_PROCESS.rawValue), 0)
        let dumpableBefore = sandbox_dumpable()
        let setup = SpawnedProcess.Setup(
            niceness: 7, limits: SandboxLimits(cpuSeconds: 5, processes: 17), identity: .init(uid: 1_999_124, gid: 1_999_124))
        #expect(await (try Self.shell("id -u", setup: setup)).result.exitCode == 0)
        #expect(try identityAndLimits() == before)
        #expect(getpriority(Int32(PRIO_PROCESS.rawValue), 0) == niceBefore)
        #expect(sandbox_dumpable() == dumpableBefore)
        #expect(dumpableBefore == 1)
    }

    /// Input larger than a pipe's buffer goes in while output comes out; past the cap it is counted, not kept.
    @Test func inputAndCappedOutput() async throws {
        let input = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        let process = try await Self.shell("cat; echo err >&2; exit 4", input: input, outputLimit: 1000)
        let outcome = await process.result
        #expect(outcome.exitCode == 4)
        #expect(outcome.stdout == input.prefix(1000))
        #expect(outcome.stderr == Data("err\n".utf8))
        #expect(outcome.droppedBytes == (1 << 20) - 1000)
        let ignoring = try await Self.shell("exec 0<&-; echo closed", input: input)
        #expect(await ignoring.result.stdout == Data("closed\n".utf8), "input the command never reads is dropped")
    }

    @Test func aSignalsDeathIs128PlusTheSignal() async throws {
        #expect(await (try Self.shell("kill -9 $$")).result.exitCode == 137)
        let hung = try await Self.shell("sleep 30")
        hung.kill()
        #expect(await hung.result.exitCode == 137)
        #expect(hung.hasEnded)
        hung.kill()  // after the reap: nothing (the pid may belong to another process by now)
    }

    /// A process left holding the output after the program ended (here a background `sleep`, which in a sandbox
    /// would be one that escaped its kill) is killed 2 s after the end, and the outcome comes back.
    @Test func outputHeldAfterTheEndIsReleased() async throws {
        let started = ContinuousClock.now
        let process = try await Self.shell("sleep 30 & echo $!; exit 0")
        let outcome = await process.result
        #expect(outcome.exitCode == 0)
        #expect(started.duration(to: .now) < .seconds(10))
        #expect(await Self.ends(try Self.printedPID(outcome)), "the sleep still runs")
    }

    /// After a kill, what escaped it is found within a fraction of a second (not 2 s).
    @Test func aKilledProcessesEscapedHoldersGoQuickly() async throws {
        // A session of its own: out of the group the kill reaches, as a process that escaped a sandbox's kill.
        let process = try await Self.shell("setsid sleep 30 & echo $!; sleep 30")
        try await Task.sleep(for: .milliseconds(200))
        let killedAt = ContinuousClock.now
        process.kill()
        let outcome = await process.result
        #expect(outcome.exitCode == 137)
        #expect(killedAt.duration(to: .now) < .seconds(1.5))
        #expect(await Self.ends(try Self.printedPID(outcome)), "the escaped sleep still runs")
    }

    /// The process id a command printed (`echo $!`).
    static func printedPID(_ outcome: SpawnedProcess.Outcome) throws -> Int32 {
        try #require(Int32(String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Whether process `pid` is gone (or a zombie waiting for whichever process adopted it) within a second.
    static func ends(_ pid: Int32) async -> Bool {
        for _ in 0..<50 {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            if state == nil || state == "Z" { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test func aProgramThatCannotStartIsAClearError() async throws {
        await #expect {
            _ = try await SpawnedProcess.start(
                "/nonexistent/program", arguments: ["program"], environment: [:], setup: .init(), input: nil, outputLimit: 10)
        } throws: { error in
            "\(error)".contains("cannot start /nonexistent/program (execve: No such file or directory)")
        }
    }
}
