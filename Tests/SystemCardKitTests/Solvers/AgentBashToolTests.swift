import Foundation
import Testing

@testable import SystemCardKit

/// The agent's `bash` tool runs bash (the sandbox's /bin/sh is dash), with the command passed through intact.
struct AgentBashToolTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "bubblewrap is not installed"))
    func bashSyntaxAndQuotesSurvive() async throws {
        let command = #"if [[ "a b" == a* ]]; then arr=(x 'y z'); echo "it's ${#arr[@]}: ${arr[1]}" $'\x21'; fi"#
        let result = try await BubblewrapSandbox.withFresh { sandbox in
            try await sandbox.run(SandboxCommand(AgentTools.bashCommand(command), timeout: .seconds(30)))
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "it's 2: y z !\n")
    }
}
