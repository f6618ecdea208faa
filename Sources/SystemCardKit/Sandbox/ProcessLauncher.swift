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
/// timeout, or the engine. The thread blocks every signal but lets the children start with none blocked.
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

    /// Starts `process` (with no signal blocked) from the launcher's thread.
    func run(_ process: Process) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            jobs.withLock {
                $0.append {
                    do {
                        try process.runWithEmptySignalMask()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
            waiting.signal()
        }
    }
}
