import ArgumentParser
import Foundation
import Logging
import SystemCardKit

/// Writes log records to stderr, one line each: `2026-11-29T22:50:01.123Z info run evaluation=xstest …`.
///
/// Messages and metadata can carry model or server text, so every part is escaped for the terminal and kept
/// on one line. On a terminal the line first clears the progress line that may be drawn there.
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    private let clearsLine = isatty(STDERR_FILENO) == 1

    init(level: Logger.Level) {
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = clearsLine ? "\r\u{1B}[K" : ""
        line += Date.now.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        line += " \(event.level.rawValue) \(TerminalText.escape(event.message.description, singleLine: true))"
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            line += " \(TerminalText.escape(key, singleLine: true))=\(TerminalText.escape("\(merged[key]!)", singleLine: true))"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// `--log-level`: what the run logs on stderr besides the progress line.
struct LoggingArguments: ParsableArguments {
    @Option(help: "trace (every request), debug, info (runs, retries, failed samples), notice, warning (default), error.")
    var logLevel: Logger.Level = .warning

    var logger: Logger {
        let level = logLevel
        return Logger(label: "systemcard") { _ in StderrLogHandler(level: level) }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
