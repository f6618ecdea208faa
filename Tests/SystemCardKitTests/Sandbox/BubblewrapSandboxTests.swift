import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Whether this machine can run sandboxes (`.ci/run` installs bubblewrap; elsewhere the tests say why they skip).
enum SandboxSupport {
    static let available: Bool = FileManager.default.isExecutableFile(atPath: BubblewrapSandbox.tools.bwrap)
    static let skipReason: Comment = "bubblewrap is not installed (apt-get install bubblewrap)"
}

/// The sandbox's guarantees, each tried by a hostile command: no network to the host, no name resolution, no
/// secret, no file outside the workspace, and fork bombs, memory hogs, endless output and hung commands contained.
@Suite(.enabled(if: SandboxSupport.available, SandboxSupport.skipReason), .serialized)
struct BubblewrapSandboxTests {
    static func sandbox(files: URL? = nil, limits: SandboxLimits = SandboxLimits()) throws -> BubblewrapSandbox {
        try BubblewrapSandbox(files: files, limits: limits)
    }

    /// A command starts with no signal blocked, whatever the mask of the engine's thread that spawned it: `nc -q`
    /// and `timeout` need SIGALRM and SIGTERM (with them blocked, `nc -q 2` hung until the tool's timeout).
    @Test func commandsStartWithNoSignalBlocked() async throws {
        let sandbox = try Self.sandbox()
        var blocked = sigset_t()
        var saved = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGALRM)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &saved)
        let result = try await sandbox.run(SandboxCommand(
            "true | python3 -c 'import signal; print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))'"))
        pthread_sigmask(SIG_SETMASK, &saved, nil)
        await sandbox.tearDown()
        #expect(result.stdout == "[]\n", "\(result.stdout) \(result.stderr)")
    }

    @Test func filesGoInAndPersistBetweenCommands() async throws {
        let task = FileManager.default.temporaryDirectory.appendingPathComponent("task-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: task.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: task.appendingPathComponent("sub/given.txt"))
        defer { try? FileManager.default.removeItem(at: task) }
        let sandbox = try Self.sandbox(files: task)
        let first = try await sandbox.run(SandboxCommand("cat sub/given.txt; echo made > made.txt; pwd; id -u"))
        #expect(first.exitCode == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.first == "hello")
        #expect(lines.dropFirst().first == "/workspace")
        #expect(lines.last != "0", "commands never run as root")
        let priority = try await sandbox.run(SandboxCommand("nice; echo $OPENBLAS_NUM_THREADS"))
        #expect(priority.stdout == "10\n1\n", "below the engine's priority, one BLAS thread")
        let second = try await sandbox.run(SandboxCommand("cat made.txt && exit 3"))
        #expect(second.stdout == "made\n")
        #expect(second.exitCode == 3)
        try sandbox.writeFile("notes/in.txt", contents: Data("from host".utf8))
        #expect(try await sandbox.run(SandboxCommand("cat in.txt", workingDirectory: "notes")).stdout == "from host")
        #expect(String(decoding: try sandbox.readFile("made.txt"), as: UTF8.self) == "made\n")
        let input = try await sandbox.run(SandboxCommand("tr a-z A-Z", input: Data("shout".utf8)))
        #expect(input.stdout == "SHOUT")
        // The CTF tools are there, pycryptodome under the name solutions import.
        let tools = try await sandbox.run(
            SandboxCommand("python3 -c 'from Crypto.Util.number import long_to_bytes; print(long_to_bytes(0x6869).decode())'"))
        #expect(tools.stdout == "hi\n", "\(tools)")
        await sandbox.tearDown()
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.path))
    }

    @Test func noNetworkToTheHostAndNoNames() async throws {
        let server = try await FakeChatServer.start { _ in .answer("you reached the host") }
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        let probe = """
            python3 -c "
            import socket, urllib.request
            try:
                print(urllib.request.urlopen('\(server.baseURL)/models', timeout=3).read()); print('REACHED')
            except Exception as e: print('blocked', type(e).__name__)
            try:
                print(socket.gethostbyname('example.com')); print('RESOLVED')
            except Exception as e: print('no dns', type(e).__name__)
            "
            """
        let result = try await sandbox.run(SandboxCommand(probe, timeout: .seconds(20)))
        await server.stop()
        #expect(!result.stdout.contains("REACHED"), "\(result.stdout)")
        #expect(!result.stdout.contains("RESOLVED"), "\(result.stdout)")
        #expect(result.stdout.contains("blocked"), "\(result.stdout) \(result.stderr)")
        // Its own loopback works: a server a task starts inside is reachable from inside.
        let inside = try await sandbox.run(
            SandboxCommand(
                "python3 -m http.server 8765 --bind 127.0.0.1 >/dev/null 2>&1 & sleep 0.5; "
                    + "python3 -c \"import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:8765/').status)\"",
                timeout: .seconds(20)))
        #expect(inside.stdout.contains("200"), "\(inside.stdout) \(inside.stderr)")
    }

    @Test func noSecretNoHomeNoStore() async throws {
        // Nothing of this process's environment reaches the sandbox (an API key would be there). No setenv here:
        // changing the environment while other tests start processes crashed Foundation's Process.run once.
        let ours = ProcessInfo.processInfo.environment.filter { key, value in
            !["PATH", "HOME", "LANG", "TERM", "TMPDIR", "PWD", "SHLVL", "_", "OLDPWD", "HOSTNAME", "USER", "LOGNAME"]
                .contains(key) && value.count >= 4
        }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite")
        try Data("database".utf8).write(to: store)
        defer { try? FileManager.default.removeItem(at: store) }
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        let result = try await sandbox.run(
            SandboxCommand(
                "env; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n'; ls -a /root ~root 2>&1; cat '\(store.path)' 2>&1; "
                    + "ls /work /home 2>&1; cat /etc/shadow 2>&1"))
        #expect(!ours.isEmpty, "the test process has an environment to leak")
        for (key, value) in ours { #expect(!result.stdout.contains("\(key)=\(value)"), "\(key) reached the sandbox") }
        #expect(!result.stdout.contains("database"))
        #expect(!result.stdout.contains("OPENAI"))
        #expect(result.stdout.contains("No such file"), "\(result.stdout)")
    }

    /// `/etc` holds what programs need of the machine's (one read-only copy, bound once) and a hosts file naming
    /// localhost, nothing else of it; a command holds no descriptor but its three.
    @Test func etcHasWhatProgramsNeedAndNothingElse() async throws {
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        let result = try await sandbox.run(
            SandboxCommand(
                "ls /etc | tr '\\n' ' '; echo; "
                    + "python3 -c 'import socket, ssl, json; print(socket.gethostbyname(\"sandbox\")); print(json.dumps(1))'; "
                    + "test -L /etc/localtime && date +%Z; ls /etc/alternatives | grep -c . ; "
                    + "(echo x > /etc/hosts) 2>/dev/null || echo read-only; ls /proc/self/fd | tr '\\n' ' '"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
        let listed = Set((lines.first ?? "").split(separator: " ").map(String.init))
        let expected = Set(BubblewrapSandbox.etcFiles.filter { FileManager.default.fileExists(atPath: $0) }.map {
            String($0.dropFirst(5).prefix { $0 != "/" })
        } + ["hosts"])
        #expect(listed == expected, "\(listed.symmetricDifference(expected))")
        #expect(lines.dropFirst().first?.hasPrefix("127.0.0.1") == true, "\(lines) \(result.stderr)")
        #expect(lines.contains("1"), "python3 with ssl and json: \(result.stderr)")
        #expect(lines.contains("read-only"))
        #expect(Int(lines.dropLast(2).last ?? "") ?? 0 > 0, "the alternatives' links are there: \(lines)")
        #expect(lines.last == "0 1 2 3 ", "descriptors (3 is ls's own): \(lines.last ?? "")")
    }

    @Test func nothingOutsideTheWorkspaceCanBeWritten() async throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        let result = try await sandbox.run(
            SandboxCommand(
                "for f in /usr/x /etc/x /x /work/x /proc/sys/kernel/hostname; do "
                    + "(echo pwned > $f) 2>/dev/null && echo WROTE $f; done; echo ok > /workspace/inside; "
                    // The host's temporary folder is not the sandbox's /tmp: this lands in the private one.
                    + "echo pwned > '\(outside.path)'; echo done"))
        #expect(!result.stdout.contains("WROTE"), "\(result.stdout)")
        #expect(result.stdout.contains("done"))
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        #expect(!FileManager.default.fileExists(atPath: "/usr/x"))
        // Links the agent makes cannot carry the host's file reads or writes out of the workspace.
        _ = try await sandbox.run(SandboxCommand("ln -s /etc/passwd leak; ln -s / up; mkdir real"))
        #expect(throws: SandboxError.self) { _ = try sandbox.readFile("leak") }
        #expect(throws: SandboxError.self) { _ = try sandbox.readFile("up/etc/passwd") }
        #expect(throws: SandboxError.self) { try sandbox.writeFile("up/tmp/x", contents: Data()) }
        #expect(throws: SandboxError.self) { try sandbox.writeFile("../x", contents: Data()) }
        try sandbox.writeFile("real/ok", contents: Data("fine".utf8))
    }

    @Test func forkBombMemoryHogEndlessOutputAndHangsAreContained() async throws {
        let sandbox = try Self.sandbox(limits: SandboxLimits(cpuSeconds: 20, memoryBytes: 1 << 30, processes: 64))
        defer { Task { await sandbox.tearDown() } }
        let bomb = try await sandbox.run(SandboxCommand("f() { f | f & }; f; sleep 2; echo survived", timeout: .seconds(10)))
        #expect(bomb.milliseconds < 15_000)
        let hog = try await sandbox.run(
            SandboxCommand("python3 -c 'x = bytearray(3 * 1024**3); print(\"ALLOCATED\")'", timeout: .seconds(30)))
        #expect(hog.exitCode != 0)
        #expect(!hog.stdout.contains("ALLOCATED"))
        #expect(hog.stderr.contains("MemoryError"), "\(hog.stderr)")
        let flood = try await sandbox.run(
            SandboxCommand("head -c 20000000 /dev/zero | tr '\\0' a; echo end", timeout: .seconds(30), outputLimit: 1 << 16))
        #expect(flood.stdout.utf8.count == 1 << 16)
        #expect(flood.droppedBytes >= 20_000_000 - (1 << 16))
        #expect(!flood.timedOut)
        let started = ContinuousClock.now
        let hung = try await sandbox.run(SandboxCommand("sleep 300 & sleep 300", timeout: .seconds(1)))
        #expect(hung.timedOut)
        #expect(hung.exitCode == 137)
        #expect(started.duration(to: .now) < .seconds(20))
        // The sandbox still works after all of that, and nothing of it is left running.
        let after = try await sandbox.run(SandboxCommand("echo alive; ps -e | wc -l"))
        #expect(after.stdout.hasPrefix("alive"))
        let left = Int(after.stdout.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 99
        #expect(left <= 5, "\(after.stdout)")
    }

    /// A command outlives the engine thread that started it: bubblewrap dies with its parent *thread*, and the
    /// concurrency pool ends idle threads after about 5 s (such commands were killed, exit 137, mid-way). Here
    /// every step of `run` executes on a thread of its own that ends half a second later (once bubblewrap has
    /// bound itself to it).
    @Test func aCommandOutlivesTheThreadThatStartedIt() async throws {
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        let result = try await withTaskExecutorPreference(ThreadPerJobExecutor()) {
            try await sandbox.run(SandboxCommand("sleep 2; echo done", timeout: .seconds(60)))
        }
        #expect(result.exitCode == 0 && result.stdout == "done\n", "exit \(result.exitCode) after \(result.milliseconds) ms")
    }

    /// A launch killed at any moment of its start (before bubblewrap's child has asked to die with its parent,
    /// or after) leaves nothing running that holds its output open: each run ends soon after its timeout.
    @Test func aLaunchKilledWhileStartingLeavesNothingBehind() async throws {
        let sandbox = try Self.sandbox()
        defer { Task { await sandbox.tearDown() } }
        for milliseconds in stride(from: 0, through: 60, by: 2) {
            let started = ContinuousClock.now
            let result = try await sandbox.run(SandboxCommand("sleep 30 & sleep 30", timeout: .milliseconds(milliseconds)))
            #expect(result.timedOut)
            #expect(started.duration(to: .now) < .seconds(10), "killed after \(milliseconds) ms")
        }
    }

    @Test func aServiceRunsBesideEveryCommandAndItsSecretCannotBeRead() async throws {
        let secret = "flag{0123456789abcdef01234567}"
        let service = SandboxService(
            code: """
                import http.server
                def serve(secret, port):
                    class Handler(http.server.BaseHTTPRequestHandler):
                        def log_message(self, *args): pass
                        def do_GET(self):
                            self.send_response(200); self.end_headers()
                            self.wfile.write(('length %d' % len(secret)).encode())
                    http.server.HTTPServer(('127.0.0.1', port), Handler).serve_forever()
                """,
            secret: secret, port: 8099)
        let sandbox = try BubblewrapSandbox(service: service)
        defer { Task { await sandbox.tearDown() } }
        let reached = try await sandbox.run(
            SandboxCommand("python3 -c \"import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:8099/').read().decode())\""))
        #expect(reached.stdout == "length 30\n", "\(reached.stdout) \(reached.stderr)")
        // Everything a command could try, as the sandbox's user: environments, command lines, memory, ptrace, files.
        let snoop = try await sandbox.run(
            SandboxCommand(
                """
                env; cat /proc/*/environ /proc/*/cmdline 2>/dev/null | tr '\\0' '\\n'
                python3 - <<'PY'
                import os, re
                for pid in sorted(p for p in os.listdir('/proc') if p.isdigit()):
                    try:
                        mem = open(f'/proc/{pid}/mem', 'rb')
                        for line in open(f'/proc/{pid}/maps').read().splitlines():
                            start, end = (int(x, 16) for x in line.split()[0].split('-'))
                            try:
                                mem.seek(start)
                                for found in re.findall(rb'flag\\{[0-9a-f]{24}\\}', mem.read(min(end - start, 1 << 24))):
                                    print('memory of', pid, found.decode())
                            except (OSError, ValueError):
                                pass
                    except OSError as error:
                        print('denied', pid, type(error).__name__)
                PY
                for pid in $(ls /proc | grep -E '^[0-9]+$'); do gdb -p $pid -batch -ex 'info proc' 2>&1 | head -n 2; done
                grep -rs 'flag{' / --exclude-dir=proc --exclude-dir=sys --exclude-dir=usr | head
                echo END
                """, input: Data("and the command still gets its own input\n".utf8), timeout: .seconds(60)))
        #expect(snoop.stdout.contains("END"), "\(snoop.stderr)")
        #expect(snoop.stdout.contains("denied"), "the service's memory must be unreadable")
        #expect(!snoop.stdout.contains(secret), "\(snoop.stdout.suffix(2000))")
        #expect(!snoop.stdout.contains("0123456789abcdef"))
        let input = try await sandbox.run(SandboxCommand("cat", input: Data("own input".utf8)))
        #expect(input.stdout == "own input")
    }

    @Test func availabilityCheckPasses() async throws {
        try await BubblewrapSandbox.checkAvailable()
    }
}

/// Runs each job on a new thread that ends half a second after the job.
final class ThreadPerJobExecutor: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        Thread {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
            Thread.sleep(forTimeInterval: 0.5)
        }.start()
    }
}
