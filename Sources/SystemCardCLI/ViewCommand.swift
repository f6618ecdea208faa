import ArgumentParser
import Foundation
import SystemCardArena
import SystemCardKit

/// `systemcard view`: browse the store's runs in a web browser.
struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Browse runs, samples and transcripts, and compare two runs, in a read-only web viewer (127.0.0.1).")

    @Option(help: "Address to listen on (it has no accounts: keep it on this machine).")
    var host: String = "127.0.0.1"

    @Option(help: "Port (0: any free port, printed when listening).")
    var port: Int = 8081

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let viewer = ViewerServer(store: try await store.open(), host: host, port: port)
        let host = self.host
        let task = Task {
            try await viewer.run { port in
                FileHandle.standardOutput.write(Data("viewer listening on http://\(host):\(port)\n".utf8))
            }
        }
        let interrupts = InterruptHandler(message: "stopping the viewer") { task.cancel() }
        defer { interrupts.cancel() }
        do {
            try await task.value
        } catch is CancellationError {}
    }
}
