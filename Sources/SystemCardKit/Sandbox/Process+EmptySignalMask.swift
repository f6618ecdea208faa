import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Process {
    /// Starts the process with no signal blocked. A child inherits the signal mask of the thread that spawns it,
    /// and the engine's worker threads block most signals; through setpriv, unshare and the shared network's
    /// holder (none of which resets it) a service could start with SIGALRM and SIGTERM blocked, as sandbox
    /// commands once did (`printf x | nc -q 2 host port` hung until the tool's timeout, depending on which
    /// thread ran it; they are started by ``SpawnedProcess`` now).
    func runWithEmptySignalMask() throws {
        var empty = sigset_t()
        var saved = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try run()
    }
}
