import ArgumentParser
import SystemCardKit

/// `systemcard list`: the evaluations this build can run.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the evaluations.")

    @Flag(help: "List the Preparedness indicators the evaluations declare, with their thresholds and sources.")
    var indicators = false

    func run() throws {
        if indicators {
            CommandContext.registry.indicatorLines().forEach { print($0) }
            return
        }
        let rows = CommandContext.registry.descriptors.map { [$0.name, $0.summary] }
        for line in TextTable.render(header: ["evaluation", "what it measures"], rows: rows, leftAligned: [0, 1]) {
            print(line)
        }
    }
}
