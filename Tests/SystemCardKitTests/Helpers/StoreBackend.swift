import Foundation
import GRDB
import SystemCardTestSupport
import Testing
@testable import SystemCardKit

/// The stores the store contract runs against: SQLite always, PostgreSQL when the test server starts (a test in
/// ``ResultStoreTests`` says so when it does not).
enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The backends this machine can run.
    static var available: [StoreBackend] { PostgresTestServer.isAvailable ? allCases : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty store: an in-memory SQLite database, or a fresh database on the test PostgreSQL server.
    func makeStore() async throws -> any ResultStore {
        switch self {
        case .sqlite: return try SQLiteResultStore(writer: DatabaseQueue())
        case .postgres: return try await PostgresResultStore.open(PostgresLocation(try PostgresTestServer.shared.get().makeDatabase()))
        }
    }
}
