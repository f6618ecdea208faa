import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Starts processes from one thread that lives as long as the engine.
///
/// A sandbox's bubblewrap asks to die with its parent (`--die-with-parent`), and Linux takes the parent to be the
/// *thread* that started it, not the process. Started from a worker thread of the concurrency pool, which ends
/// after a few idle seconds, a command that ran longer than that was killed with the thread: exit 137 about 5 s
/// into a training script, whenever the pool shrank. From this thread a command lives until it ends, its
/// timeout, or the engine. The thread blocks every signal (its children start with none blocked: ``SpawnedProcess``).
final class ProcessLauncher: Sendable {
    static let shared = ProcessLauncher()

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let waiting = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [self] in serve() }
        thread.name = "systemcard-process-launcher"
        thread.start()
    }

    private func serve() -> Never {
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, nil)
        while true {
            waiting.wait()
            guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job()
        }
    }

    /// Runs `body` on the launcher's thread (where every sandbox command is started) and returns its result.
    func perform<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            jobs.withLock { $0.append { continuation.resume(with: Swift.Result { try body() }) } }
            waiting.signal()
        }
    }
}
