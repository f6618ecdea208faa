import ArgumentParser
import Foundation
import SystemCardArena
import SystemCardKit

extension ArenaUser.Role: ExpressibleByArgument {}

/// `systemcard arena`: the red-teaming arena (a web app) and its accounts.
struct ArenaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena", abstract: "The red-teaming arena: people attack and compare models in a web app.",
        subcommands: [Serve.self, AddUser.self, Results.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the arena (127.0.0.1 unless --host says otherwise) until interrupted.",
            discussion: """
                Create the first admin with `systemcard arena add-user --name NAME --role admin` (the password is read \
                from standard input); admins invite red teamers from the Admin page. Pairwise comparisons need two \
                models or more; the jailbreak arena needs --grader (the judge, with the content classifier on it).
                """)

        @Option(help: "Comma-separated models red teamers talk to, e.g. openai/gpt-4o-mini,local/smollm2.")
        var models: String

        @Option(help: "The judge of jailbreak attempts (and its content classifier), e.g. openai/gpt-4o.")
        var grader: String?

        @Option(help: "The content classifier's format on the judge: \(ModerationFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var classifierFormat: ModerationFormat = .systemcard

        @Option(help: "Address to listen on (127.0.0.1: this machine only).")
        var host: String = "127.0.0.1"

        @Option(help: "Port (0: any free port, printed when listening).")
        var port: Int = 8080

        @Option(help: .hidden) var bcryptCost: UInt8 = 12
        @Option(help: .hidden) var failureDelayMilliseconds: Int = 1000
        @Option(help: .hidden) var lockoutAfter: Int = 5

        @OptionGroup var endpoint: EndpointArguments
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var configuration = ArenaConfiguration(
                models: try models.split(separator: ",").map {
                    ModelEndpoint(spec: try ModelSpec(parsing: $0.trimmingCharacters(in: .whitespaces)))
                },
                judge: try grader.map { ModelEndpoint(spec: try ModelSpec(parsing: $0)) })
            configuration.classifierFormat = classifierFormat
            configuration.host = host
            configuration.port = port
            configuration.bcryptCost = max(4, min(bcryptCost, 31))
            configuration.failureDelay = .milliseconds(max(0, failureDelayMilliseconds))
            configuration.lockoutAfter = max(1, lockoutAfter)
            let planner = RunPlanner(endpoint: endpoint.options(), registry: CommandContext.registry)
            let server: ArenaServer
            do {
                server = try ArenaServer(configuration: configuration, store: try await store.open(), planner: planner)
            } catch {
                await planner.shutdown()
                throw error
            }
            let host = self.host
            let task = Task {
                try await server.run { port in
                    // Written at once (print buffers when the output is not a terminal): scripts wait for this line.
                    FileHandle.standardOutput.write(Data(
                        "arena listening on http://\(host):\(port) with \(server.modelList.joined(separator: ", "))\n".utf8))
                }
            }
            let interrupts = InterruptHandler(message: "stopping the arena") { task.cancel() }
            defer { interrupts.cancel() }
            do {
                try await task.value
            } catch is CancellationError {}
            await planner.shutdown()
        }
    }

    struct AddUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-user", abstract: "Create an arena account; the password is the first line of standard input.")

        @Option(help: "The account's name.")
        var name: String

        @Option(help: "admin or redteamer.")
        var role: ArenaUser.Role = .redteamer

        @Option(help: .hidden) var bcryptCost: UInt8 = 12

        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw SystemCardError.invalidInput("give the password on standard input (it is never a flag: flags end up in shell history)")
            }
            try await ArenaServer.addUser(
                name: name, password: line, role: role, store: try await store.open(), cost: max(4, min(bcryptCost, 31)))
            print("account \(name) (\(role.rawValue)) created")
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The arena's figures per model: refusal rate, pairwise safety ranking, attack success rate (JSON).")

        @Option(help: "Comma-separated models, as served (provider/model).")
        var models: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let results = try await ArenaServer.results(
                store: try await store.open(), models: models.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
    }
}
