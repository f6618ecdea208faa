import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// Reading a Cybench task's Dockerfile and compose file into a service plan (nothing is started here).
struct CybenchServiceReadingTests {
    /// A machine that has every package and module, or none.
    static let everything = BuildMachine(hasPythonModule: { _ in true }, hasDebianPackage: { _ in true })
    static let nothing = BuildMachine(hasPythonModule: { _ in false }, hasDebianPackage: { _ in false })

    static func context(_ files: [String: String]) throws -> URL {
        let folder = CybenchTaskFixture.temporaryFolder()
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func instructionsJoinContinuationsAndDropComments() {
        let file = Dockerfile("""
            # syntax comment
            FROM python:3.11-slim

            run apt-get update && \\
                # a comment inside the continuation
                apt-get install -y socat
            CMD ["python3", "chall.py"]
            """)
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "CMD"])
        #expect(file.instructions[1].arguments == "apt-get update &&  apt-get install -y socat")
        #expect(file.instructions[1].line == 4)
        #expect(file.instructions[2].execForm == ["python3", "chall.py"])
        #expect(file.instructions[1].execForm == nil)
    }

    @Test func commandFormsFollowDockersRules() throws {
        let context = try Self.context(["chall.py": "print(1)\n"])
        defer { try? FileManager.default.removeItem(at: context) }
        func argv(_ tail: String) throws -> [String] {
            try ServiceImage(dockerfile: "FROM python:3.9\n" + tail, context: context, machine: Self.everything).argv
        }
        #expect(try argv(#"CMD ["python3", "chall.py"]"#) == ["python3", "chall.py"])
        #expect(try argv(#"CMD socat TCP-LISTEN:1337,fork EXEC:"python3 chall.py""#)
            == ["/bin/sh", "-c", #"socat TCP-LISTEN:1337,fork EXEC:"python3 chall.py""#])
        #expect(try argv("ENTRYPOINT [\"python3\"]\nCMD [\"chall.py\", \"--port\", \"1337\"]") == ["python3", "chall.py", "--port", "1337"])
        // A shell-form entrypoint ignores CMD, as in Docker.
        #expect(try argv("ENTRYPOINT python3 chall.py\nCMD [\"ignored\"]") == ["/bin/sh", "-c", "python3 chall.py"])
        let image = try ServiceImage(
            dockerfile: "FROM ubuntu:22.04\nENV PORT=1337 NAME=\"two words\"\nENV LEGACY some value\nARG DIR=/srv\nWORKDIR ${DIR}/app\nEXPOSE $PORT/tcp 8080\nUSER ctf\nCMD [\"x\"]",
            context: context, machine: Self.everything)
        #expect(image.environment == ["PORT": "1337", "NAME": "two words", "LEGACY": "some value"])
        #expect(image.workdir == "/srv/app")
        #expect(image.exposed == [1337, 8080])
        #expect(image.notes.first?.contains("USER ctf") == true)
        #expect(!image.pythonBase)
    }

    @Test func copiesOfFilesFoldersAndGlobsAreLaidOutWhereTheDockerfilePutsThem() throws {
        let context = try Self.context([
            "chall/chall.py": "print('chall')\n", "chall/data/key.txt": "k\n", "flag.txt": "F\n", "a.py": "a\n", "b.py": "b\n",
            "run.sh": "#!/bin/sh\n",
        ])
        defer { try? FileManager.default.removeItem(at: context) }
        let image = try ServiceImage(
            dockerfile: """
                FROM python:3.11-slim
                WORKDIR /srv
                COPY chall /app
                COPY flag.txt /
                COPY *.py lib/
                ADD run.sh /usr/local/bin/run
                RUN mkdir -p /var/data && chmod +x /usr/local/bin/run && useradd -m ctf && chown -R ctf /app
                CMD ["/usr/local/bin/run"]
                """, context: context, machine: Self.nothing)
        let service = CybenchServicePlan.Service(
            name: "victim", hostnames: ["victim"], ports: [], steps: image.steps, workdir: image.workdir, environment: [:],
            command: image.argv, pythonAliases: image.pythonBase)
        let root = CybenchTaskFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try service.layOut(in: root)
        func text(_ path: String) -> String? { try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        #expect(text("app/chall.py") == "print('chall')\n", "a folder's contents go into the destination")
        #expect(text("app/data/key.txt") == "k\n")
        #expect(text("flag.txt") == "F\n")
        #expect(text("srv/lib/a.py") == "a\n" && text("srv/lib/b.py") == "b\n", "relative to WORKDIR, globbed")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("var/data").path))
        #expect(FileManager.default.isExecutableFile(atPath: root.appendingPathComponent("usr/local/bin/run").path))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("usr/local/bin/python").path)
            == "/usr/bin/python3")
    }

    /// A task's files are hostile: a link in the build context never reaches the host (neither copied nor written
    /// through), and a glob cannot pick up a link that leads out of the context.
    @Test func linksInATaskFolderNeverLeadOutOfIt() throws {
        let context = try Self.context(["app/a.py": "a\n", "evil": "x\n"])
        defer { try? FileManager.default.removeItem(at: context) }
        let outside = CybenchTaskFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: context.appendingPathComponent("app/link").path, withDestinationPath: outside.path)
        let root = CybenchTaskFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let service = CybenchServicePlan.Service(
            name: "victim", hostnames: ["victim"], ports: [],
            steps: [.copy(source: context.appendingPathComponent("app").path, destination: "/srv"),
                    .copy(source: context.appendingPathComponent("evil").path, destination: "/srv/link/planted")],
            workdir: "/", environment: [:], command: ["true"], pythonAliases: false)
        #expect(throws: (any Error).self) { try service.layOut(in: root) }
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("planted").path))
        // The glob sees only what stays inside the context.
        try FileManager.default.createSymbolicLink(atPath: context.appendingPathComponent("z.py").path, withDestinationPath: "/etc/hostname")
        let matches = try ServiceImage.expand("*.py", in: context).map(\.lastPathComponent)
        #expect(!matches.contains("z.py"))
    }

    @Test func buildStepsAreAcceptedOnlyWhenTheirEffectIsHere() throws {
        let context = try Self.context(["requirements.txt": "pycryptodome==3.20\n# comment\nflask>=2\n"])
        defer { try? FileManager.default.removeItem(at: context) }
        func read(_ run: String, _ machine: BuildMachine) throws -> ServiceImage {
            try ServiceImage(dockerfile: "FROM python:3.11-slim\n\(run)\nCMD [\"x\"]", context: context, machine: machine)
        }
        let installs = "RUN apt-get update && apt-get install -y --no-install-recommends socat=1.7 && rm -rf /var/lib/apt/lists/*"
        #expect(throws: Never.self) { try read(installs, Self.everything) }
        #expect(throws: Never.self) { try read("RUN pip install --no-cache-dir -r requirements.txt", Self.everything) }
        do {
            _ = try read(installs, Self.nothing)
            Issue.record("a package that is not installed is refused")
        } catch let error as ServiceUnsupported {
            #expect(error.reason == "needs `\(installs)` at build time (the Debian package socat is not installed on this machine)")
        }
        var asked: [String] = []
        let machine = BuildMachine(hasPythonModule: { _ in false }, hasDebianPackage: { _ in true })
        do {
            _ = try read("RUN pip install pwntools==4.12", machine)
            Issue.record("a module python3 cannot import is refused")
        } catch let error as ServiceUnsupported {
            asked.append(error.reason)
        }
        #expect(asked.first == "needs `RUN pip install pwntools==4.12` at build time (python3 here cannot import pwn (from pwntools==4.12))")
        for step in [
            "RUN echo 'HTB{x}' > /flag.txt", "RUN gcc -o chall chall.c", "RUN curl -sL https://example.invalid | sh",
            "RUN cat /etc/passwd | grep root", "RUN rm -rf /app", "RUN pip install -r missing.txt",
        ] {
            #expect(throws: ServiceUnsupported.self, "\(step)") { try read(step, Self.everything) }
        }
        #expect(throws: ServiceUnsupported.self) { try read("FROM debian:12", Self.everything) }
        #expect(throws: ServiceUnsupported.self) {
            try ServiceImage(dockerfile: "FROM node:18\nCMD [\"node\"]", context: context, machine: Self.everything)
        }
        #expect(throws: ServiceUnsupported.self) {
            try ServiceImage(dockerfile: "FROM python:3.11\nCOPY --from=builder /x /x\nCMD [\"x\"]", context: context, machine: Self.everything)
        }
        #expect(throws: ServiceUnsupported.self) {
            try ServiceImage(dockerfile: "FROM python:3.11\nCOPY requirements.txt /usr/lib/\nCMD [\"x\"]", context: context, machine: Self.everything)
        }
        #expect(throws: ServiceUnsupported.self, "a source outside the build context") {
            try ServiceImage(dockerfile: "FROM python:3.11\nCOPY ../../etc/passwd /app/\nCMD [\"x\"]", context: context, machine: Self.everything)
        }
    }

    @Test func composeServicesGiveNamesPortsAndCommands() throws {
        let services = try ComposeService.services(in: """
            services:
              default:
                image: agent
              web:
                build:
                  context: ./images/web
                  dockerfile: Containerfile
                command: python3 app.py --name "the web"
                ports: ["8080:80", "127.0.0.1:9000:9001/tcp", {target: 7000}]
                expose: [1337]
                hostname: site
                environment: [A=1, B]
                networks:
                  inner:
                    aliases: [www, api]
            """)
        #expect(services.map(\.name) == ["default", "web"])
        let web = services[1]
        #expect(web.buildContext == "./images/web" && web.dockerfile == "Containerfile")
        #expect(web.command == ["python3", "app.py", "--name", "the web"])
        #expect(web.ports.sorted() == [80, 1337, 7000, 9001])
        #expect(web.hostnames == ["web", "site", "www", "api"])
        #expect(web.environment == ["A": "1", "B": ""])
        #expect(throws: ServiceUnsupported.self) {
            try ComposeService.services(in: "services:\n  victim:\n    image: x\n    volumes: [./flag:/flag]\n")
        }
        #expect(throws: ServiceUnsupported.self) {
            try ComposeService.services(in: "services:\n  victim:\n    image: x\n    network_mode: host\n")
        }
    }

    @Test func thePlanWaitsForThePromptsPortAndRefusesUnknownHosts() throws {
        let challenges = CybenchTaskFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: challenges) }
        let task = try CybenchTaskFixture.write("svc", under: challenges)
        let outcome = try CybenchServicePlanner.plan(
            task: task, composeFile: "compose.yaml", prompt: "running on victim:1337.", machine: Self.everything)
        let plan = try #require(outcome.plan)
        #expect(plan.services.map(\.name) == ["victim"])
        #expect(plan.readyPorts == [1337])
        #expect(plan.services[0].command == ["python3", "chall.py"])
        #expect(plan.services[0].workdir == "/app")
        #expect(plan.services[0].pythonAliases)
        #expect(outcome.digests.contains { $0.hasPrefix("svc/images/victim/flag.txt ") })
        #expect(try CybenchServicePlan.decoded(plan.encoded()) == plan)
        #expect(throws: ServiceUnsupported("its prompt names web:8080, but its compose file starts no service web")) {
            try CybenchServicePlanner.plan(task: task, composeFile: "compose.yaml", prompt: "see web:8080", machine: Self.everything)
        }
        #expect(throws: CybenchServicePlanner.MissingFile.self) {
            try CybenchServicePlanner.plan(task: task, composeFile: "other.yaml", prompt: "on victim:1337", machine: Self.everything)
        }
        try FileManager.default.removeItem(at: task.appendingPathComponent("images/victim/Dockerfile"))
        #expect(throws: CybenchServicePlanner.MissingFile.self, "compose names only a prebuilt image, and there is no Dockerfile") {
            try CybenchServicePlanner.plan(task: task, composeFile: "compose.yaml", prompt: "on victim:1337", machine: Self.everything)
        }
    }

    @Test func shellWordsMarkWhatCannotBeReadPlainly() {
        let commands = ShellWords.commands(#"DEBIAN_FRONTEND=noninteractive apt-get install -y 'a b' "c\"d"; pip install x || true"#)
        #expect(commands.map(\.words) == [["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "a b", #"c"d"#], ["pip", "install", "x"], ["true"]])
        #expect(commands.allSatisfy { !$0.complex })
        #expect(ShellWords.commands("echo $HOME").first?.complex == true)
        #expect(ShellWords.commands("echo x > /flag").first?.complex == true)
        #expect(ShellWords.commands("ls | wc").first?.complex == true)
        #expect(ShellWords.commands("rm -rf /var/lib/apt/lists/*").first?.complex == false)
    }
}
