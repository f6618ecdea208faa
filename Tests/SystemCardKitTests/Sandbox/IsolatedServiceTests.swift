import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// A Cybench task's service started inside its sample's sandbox: it answers at `victim:1337` from the agent's
/// commands, its files (the flag) stay out of their reach, and it ends with the sandbox.
@Suite(.enabled(if: SandboxSupport.available, SandboxSupport.skipReason), .serialized)
struct IsolatedServiceTests {
    /// The sandbox of the fixture task (with its services started), and the folder to remove afterwards.
    static func started(
        socat: Bool = false, dockerfile: String = CybenchTaskFixture.dockerfile, timeout: Duration = .seconds(20)
    ) async throws -> (BubblewrapSandbox, URL) {
        let challenges = CybenchTaskFixture.temporaryFolder()
        let task = try CybenchTaskFixture.write("svc", under: challenges, dockerfile: dockerfile, socat: socat)
        let plan = try #require(try CybenchServicePlanner.plan(
            task: task, composeFile: "compose.yaml", prompt: "running on victim:1337", machine: .current).plan)
        let sandbox = try BubblewrapSandbox(hostnames: plan.hostnames)
        do {
            try await CybenchEvaluation.startServices(plan, in: sandbox, timeout: timeout)
        } catch {
            await sandbox.tearDown()
            try? FileManager.default.removeItem(at: challenges)
            throw error
        }
        return (sandbox, challenges)
    }

    @Test func theServiceAnswersAtItsNameAndItsFilesAreOutOfReach() async throws {
        let (sandbox, folder) = try await Self.started()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answer = try await sandbox.run(SandboxCommand("printf 'x\\n' | nc victim 1337", timeout: .seconds(20)))
        #expect(answer.stdout.contains(CybenchTaskFixture.flag), "\(answer.stdout) \(answer.stderr)")
        let wrong = try await sandbox.run(SandboxCommand("printf 'y\\n' | nc victim 1337", timeout: .seconds(20)))
        #expect(wrong.stdout == "no\n")
        #expect(try await sandbox.run(SandboxCommand("getent hosts victim")).stdout.hasPrefix("127.0.0.1"))

        // Everything a command could try to read the service's files or reach into its processes.
        let snoop = try await sandbox.run(SandboxCommand(
            """
            cat /app/flag.txt; ls -la / /app; ls /proc
            for p in /proc/[0-9]*; do cat $p/cmdline $p/environ $p/root/app/flag.txt 2>/dev/null; ls $p/cwd/ 2>/dev/null; done
            grep -rsoh 'HTB{[^}]*}' / --exclude-dir=usr --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev 2>/dev/null | head
            nsenter --target 1 --mount -- cat /app/flag.txt
            python3 -c "
            import os, fcntl
            fd = os.open('/proc/self/ns/user', os.O_RDONLY)
            try:
                parent = fcntl.ioctl(fd, 0xb702)
                os.setns(parent, os.CLONE_NEWUSER)
                print('ENTER' + 'ED the shared network namespace owner')
            except OSError as error:
                print('REFU' + 'SED', error.errno)
            "
            """, timeout: .seconds(60)))
        #expect(!snoop.stdout.contains(CybenchTaskFixture.flag), "the agent read the service's flag: \(snoop.stdout)")
        // (Joined at run time: the command's own text, in /proc/*/cmdline, holds the two halves only.)
        #expect(!snoop.stdout.contains("ENTERED"), "\(snoop.stdout)")
        #expect(snoop.stdout.contains("REFUSED 1"), "the user namespace above the command's is out of reach (EPERM)")

        // The network is the sandbox's: a later command still reaches the same service.
        #expect(try await sandbox.run(SandboxCommand("printf 'x\\n' | nc victim 1337", timeout: .seconds(20)))
            .stdout.contains(CybenchTaskFixture.flag))
        let network = try #require(sandbox.network)
        #expect(network.stoppedService == nil)
        #expect(network.servicePIDs.count == 1)
        await sandbox.tearDown()
        try await Task.sleep(for: .milliseconds(500))
        #expect(kill(network.holderPID, 0) != 0, "the network's holder ends with the sandbox")
        for pid in network.servicePIDs {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            #expect(state == nil || state == "Z", "the service \(pid) is killed with the sandbox")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.path), "the service's files go with the sandbox")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/socat"), "socat is not installed"))
    func aSocatServiceRunsItsChallengePerConnection() async throws {
        let (sandbox, folder) = try await Self.started(socat: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<2 {
            let answer = try await sandbox.run(SandboxCommand("printf 'x\\n' | nc victim 1337", timeout: .seconds(20)))
            #expect(answer.stdout == CybenchTaskFixture.flag + "\n", "a fresh challenge per connection: \(answer.stdout) \(answer.stderr)")
            #expect(!answer.timedOut)
        }
        await sandbox.tearDown()
    }

    @Test func aServiceThatNeverListensIsAnErrorWithItsOutput() async throws {
        let dockerfile = "FROM python:3.11-slim\nEXPOSE 1337\nCMD [\"python3\", \"-c\", \"import sys; print('cannot start: no key'); sys.exit(3)\"]"
        let started = ContinuousClock.now
        do {
            let (sandbox, folder) = try await Self.started(dockerfile: dockerfile)
            await sandbox.tearDown()
            try? FileManager.default.removeItem(at: folder)
            Issue.record("a service that exits must not count as started")
        } catch let error as SandboxError {
            #expect(error.description.contains("cannot start: no key"), "\(error)")
            #expect(error.description.contains("ended before its port answered"), "\(error)")
        }
        #expect(started.duration(to: .now) < .seconds(15), "an exited service is reported without waiting for the timeout")
    }

    @Test func aServiceThatRunsButNeverListensTimesOutWithItsOutput() async throws {
        let dockerfile = """
            FROM python:3.11-slim
            EXPOSE 1337
            CMD ["python3", "-c", "import time; print('listening soon', flush=True); time.sleep(120)"]
            """
        let started = ContinuousClock.now
        do {
            let (sandbox, folder) = try await Self.started(dockerfile: dockerfile, timeout: .seconds(2))
            await sandbox.tearDown()
            try? FileManager.default.removeItem(at: folder)
            Issue.record("a service that never listens must not count as started")
        } catch let error as SandboxError {
            #expect(error.description.contains("did not accept connections on port 1337 within 2 s"), "\(error)")
            #expect(error.description.contains("listening soon"), "\(error)")
        }
        #expect(started.duration(to: .now) < .seconds(15))
    }
}
