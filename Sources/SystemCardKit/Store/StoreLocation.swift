import Foundation

/// Where a command keeps its results (`--db`, `$SYSTEMCARD_DB`): a SQLite file (the default, on one machine) or
/// a shared PostgreSQL database (`postgres://…`, for a team or a run sharded across machines).
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads `text`: a `postgres://` URL, or else a file path.
    public init(_ text: String) throws {
        self = PostgresLocation.isURL(text) ? .postgres(try PostgresLocation(text)) : .sqlite(path: text)
    }

    /// Opens the store, creating and migrating its schema if needed.
    public func open() async throws -> any ResultStore {
        switch self {
        case .sqlite(let path): try SQLiteResultStore(path: path)
        case .postgres(let location): try await PostgresResultStore.open(location)
        }
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}
