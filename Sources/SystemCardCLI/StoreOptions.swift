import ArgumentParser
import Foundation
import SystemCardKit

/// `--db`: where results are kept.
struct StoreOptions: ParsableArguments {
    @Option(
        help: """
            Where results are kept: a SQLite file, or a shared PostgreSQL database as \
            postgres://user@host[:port]/db[?sslmode=disable|prefer|require|verify-full] (password in the URL or $PGPASSWORD). \
            Default: $SYSTEMCARD_DB or ~/.systemcard/systemcard.sqlite.
            """)
    var db: String?

    var text: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["SYSTEMCARD_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return SystemCardPaths.defaultDatabase().path
    }

    /// The store for messages: the path, or the URL without its password.
    var shown: String {
        PostgresLocation.isURL(text) ? ((try? PostgresLocation(text).description) ?? "the PostgreSQL database") : text
    }

    /// False only for a SQLite file that does not exist yet.
    var exists: Bool { PostgresLocation.isURL(text) || FileManager.default.fileExists(atPath: text) }

    /// The store `--db` names, opened (and migrated).
    func open() async throws -> any ResultStore {
        try await StoreLocation(text).open()
    }
}
