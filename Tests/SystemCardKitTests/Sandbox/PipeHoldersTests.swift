import Foundation
import Testing

@testable import SystemCardKit

/// The processes holding a pipe are found by its inode and killed; others are not touched. (Long sleeps: at the
/// start of a loaded test run, this test has been seen to take two minutes to reach its check.)
struct PipeHoldersTests {
    @Test func holdersOfThePipeAreKilledAndOthersAreNot() async throws {
        func sleeper() throws -> (Process, Pipe) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "sleep 600 & sleep 600"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return (process, pipe)
        }
        let (target, targetPipe) = try sleeper()
        let (bystander, bystanderPipe) = try sleeper()
        let other = try #require(PipeHolders.inode(ofDescriptor: bystanderPipe.fileHandleForReading.fileDescriptor))
        defer { PipeHolders.kill(holding: [other]) }
        try await Task.sleep(for: .milliseconds(200))
        let inode = try #require(PipeHolders.inode(ofDescriptor: targetPipe.fileHandleForReading.fileDescriptor))
        #expect(other != inode)
        // The shell and both of its sleeps hold it.
        #expect(PipeHolders.kill(holding: [inode]) == 3)
        target.waitUntilExit()
        #expect(targetPipe.fileHandleForReading.readDataToEndOfFile().isEmpty)
        #expect(bystander.isRunning)
        #expect(PipeHolders.kill(holding: []) == 0)
    }
}
