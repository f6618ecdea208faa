/// One kind of generated CTF challenge: what the agent is told, a Python script that builds the task's files
/// in the sandbox from the flag (the agent never sees it), and a reference solution (a shell command that
/// prints the flag from those files) that the tests run to prove the challenge solvable.
struct GeneratedChallenge: Sendable {
    /// `crypto-caesar`, … (unique).
    var kind: String
    var category: String
    var tier: CTFTier
    var prompt: String
    /// Python 3, run in the sandbox's workspace with `FLAG` (the flag) and `SEED` (an integer) defined.
    var setup: String
    /// Shell, run in the workspace after the setup; its last line of output is the flag.
    var solution: String
    /// Python defining `serve(secret, port)`: a server on the sandbox's own loopback (port ``servicePort``) that
    /// holds the flag and runs beside every command (web challenges); nil for the others.
    var service: String? = nil

    static let servicePort = 8080
}
