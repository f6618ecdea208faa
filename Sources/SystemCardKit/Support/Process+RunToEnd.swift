import Dispatch
import Foundation

extension Process {
    /// Starts the process, runs `whileRunning` (reading its output, say), then blocks this thread until the process
    /// ends; its exit status is in `terminationStatus`. The termination handler wakes the thread: Foundation's
    /// `waitUntilExit()` spins its run loop at full CPU on a thread that has none, as every engine thread.
    /// For synchronous callers of short programs (a `chmod`, a `dpkg-query`); async code awaits a termination
    /// handler or a ``SpawnedProcess`` and holds no thread.
    func runToEnd(whileRunning: () throws -> Void = {}) throws {
        let ended = DispatchSemaphore(value: 0)
        let previous = terminationHandler
        terminationHandler = { process in
            previous?(process)
            ended.signal()
        }
        try run()
        do {
            try whileRunning()
        } catch {
            terminate()  // it may be waiting for input that will not come
            ended.wait()
            throw error
        }
        ended.wait()
    }
}
