/// One row of a CSV or JSONL file, with the line it started on, so a loader can report a bad field
/// precisely.
public struct DataRecord: Sendable {
    public var file: String
    public var line: Int
    public var fields: [String: String]

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

    public func error(_ field: String?, _ reason: String) -> DatasetError {
        DatasetError(file: file, line: line, field: field, reason: reason)
    }
}

import Foundation
