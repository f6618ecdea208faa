import Dispatch
import Foundation

/// Turns the first Ctrl-C (or SIGTERM) into cancellation of the run task, so finished samples are flushed
/// and the run is marked interrupted; a second one exits at once.
final class InterruptHandler: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var interrupted = false

    init(message: String = "interrupted: saving finished samples…", onInterrupt: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let second = self.lock.withLock { () -> Bool in
                    defer { self.interrupted = true }
                    return self.interrupted
                }
                if second { Foundation.exit(130) }
                FileHandle.standardError.write(Data("\n\(message)\n".utf8))
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
