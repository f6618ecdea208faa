import Foundation

/// What code that checks a sandbox after the model's last command shares: a folder of its own for the checks'
/// files, telling the sandbox's failures from the checked work's, and a short excerpt of what a command said.
enum SandboxChecks {
    /// A fresh folder name with an unguessable part, for files the checks write into the workspace: nothing of
    /// the model's can be waiting there (a link, a FIFO, a file the checks would overwrite or read back).
    static func freshFolder() -> String { ".systemcard-check-" + UUID().uuidString.lowercased() }

    /// Throws when `result` is a failure of the sandbox or of the tools, not of the work being checked: bubblewrap
    /// could not start, or the shell did not find `program` (the system is read-only and `PATH` fixed, so the
    /// model cannot cause that). Such a failure makes the sample an error, never a score.
    static func requireTools(_ result: SandboxResult, program: String) throws {
        if result.stderr.hasPrefix("bwrap:") {
            throw SandboxError.unavailable("the sandbox failed: \(RunText.excerpt(result.stderr, limit: 300))")
        }
        if result.exitCode == 127 && result.stderr.contains("\(program): not found") {
            throw SandboxError.unavailable("\(program) is not installed where the sandbox can run it")
        }
    }

    /// The last few lines of `text` on one line, cut to `limit` characters.
    static func tail(_ text: String, lines: Int = 3, limit: Int = 300) -> String {
        RunText.excerpt(text.split(separator: "\n").suffix(lines).joined(separator: " | "), limit: limit)
    }
}
