/// One row of a CSV or JSONL file, with the line it started on, so a loader can report a bad field
/// precisely.
public struct DataRecord: Sendable {
    /// The file as error messages name it (its path under the data directory).
    public var file: String
    /// The line the row starts on (1-based; a quoted CSV field may span lines).
    public var line: Int
    /// The row's values by column (CSV) or key (JSONL), all as text.
    public var fields: [String: String]

    /// Creates a record.
    public init(file: String, line: Int, fields: [String: String]) {
        self.file = file
        self.line = line
        self.fields = fields
    }

    /// The field's value; throws a ``DatasetError`` naming the row when it is missing or empty.
    public func require(_ name: String) throws -> String {
        guard let value = fields[name] else {
            throw DatasetError(file: file, line: line, field: name, reason: "missing field")
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DatasetError(file: file, line: line, field: name, reason: "empty value")
        }
        return value
    }

    /// The field's value when present and not empty.
    public func optional(_ name: String) -> String? {
        guard let value = fields[name], !value.isEmpty else { return nil }
        return value
    }

    /// The field's value, which must be one of `allowed`.
    public func require(_ name: String, oneOf allowed: Set<String>) throws -> String {
        let value = try require(name)
        guard allowed.contains(value) else {
            throw DatasetError(
                file: file, line: line, field: name,
                reason: "'\(value)' is not one of \(allowed.sorted().joined(separator: ", "))")
        }
        return value
    }

    /// A ``DatasetError`` for this row about `field` (nil: the row as a whole).
    public func error(_ field: String?, _ reason: String) -> DatasetError {
        DatasetError(file: file, line: line, field: field, reason: reason)
    }
}

import Foundation
