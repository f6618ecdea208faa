import ArgumentParser
import Foundation
import SystemCardKit

/// `--db`: where results are kept.
struct StoreOptions: ParsableArguments {
    @Option(help: "SQLite database file (default: $SYSTEMCARD_DB or ~/.systemcard/systemcard.sqlite).")
    var db: String?

    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["SYSTEMCARD_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return SystemCardPaths.defaultDatabase().path
    }

    func open() throws -> SQLiteResultStore {
        try SQLiteResultStore(path: path)
    }
}
