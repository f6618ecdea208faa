import Foundation

/// A PostgreSQL database named by a URL, as libpq reads it:
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require|verify-full]`.
///
/// The password may instead come from `$PGPASSWORD`. It is never printed: ``description`` leaves it out, and no
/// error message carries the URL as given.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS (libpq's `sslmode`; `prefer`, libpq's default, when not given).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, the certificate unchecked (libpq's default).
        case prefer
        /// TLS, the certificate unchecked.
        case require
        /// TLS, the certificate and host name checked against the system's trusted roots.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    var password: String?
    public var database: String
    public var tls: TLSMode

    /// True for a `postgres://` or `postgresql://` URL (anything else is a SQLite path).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`; throws a message naming what is wrong (never repeating a password).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func invalid(_ why: String) -> SystemCardError {
            SystemCardError.invalidInput(
                "--db: \(why) (expected postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require|verify-full])")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw invalid("not a PostgreSQL URL")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw invalid("the URL names no user") }
        let name = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !name.isEmpty, !name.contains("/") else { throw invalid("the URL names no database") }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw invalid("sslmode must be disable, prefer, require or verify-full")
                }
                tls = mode
            default:
                throw invalid("unknown URL parameter '\(item.name)'")
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.database = name.removingPercentEncoding ?? name
        self.tls = tls
    }

    /// The URL without its password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(username)@\(shownHost):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }
}
