import Logging

extension Logger {
    /// A logger that drops everything: the default wherever the caller passes none, so library code can log
    /// unconditionally (a disabled level costs one comparison; messages are built only when enabled).
    public static let disabled = Logger(label: "systemcard", factory: { _ in SwiftLogNoOpLogHandler() })
}
