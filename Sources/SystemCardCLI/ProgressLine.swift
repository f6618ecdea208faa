import Foundation
import SystemCardKit
import Synchronization

/// Shows run progress on stderr: a line redrawn in place on a terminal, a line every few seconds otherwise.
final class ProgressLine: Sendable {
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lastPrinted = Mutex<ContinuousClock.Instant?>(nil)
    private let quiet: Bool

    init(quiet: Bool = false) {
        self.quiet = quiet
    }

    func show(_ progress: RunProgress) {
        guard !quiet else { return }
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
            return
        }
        let now = ContinuousClock.now
        let due = lastPrinted.withLock { last -> Bool in
            if let last, now - last < .seconds(5), progress.completed < progress.total { return false }
            last = now
            return true
        }
        if due { FileHandle.standardError.write(Data("\(progress.line)\n".utf8)) }
    }

    func finish() {
        if interactive && !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
