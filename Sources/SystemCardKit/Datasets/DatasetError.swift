import Foundation

/// A dataset row that could not be read. It names the file, the line and the field, so the user can
/// open the file and fix it; rows are never skipped silently.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file, as the data directory names it.
    public var file: String
    /// The line the bad row starts on; nil when the whole file is wrong.
    public var line: Int?
    /// The bad field; nil when the whole row or file is wrong.
    public var field: String?
    /// What is wrong (`missing field`, `not valid JSON`).
    public var reason: String

    /// Creates an error; `line` and `field` are optional.
    public init(file: String, line: Int? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// The file's bytes, or an error naming the file.
    static func readFile(_ url: URL, name: String) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DatasetError(file: name, reason: "cannot read file: \(error.localizedDescription)")
        }
    }

    /// `file:line field 'name': reason`, with the parts that are known.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += " field '\(field)'" }
        return "\(location): \(reason)"
    }
}
