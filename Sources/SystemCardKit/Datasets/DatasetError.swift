import Foundation

/// A dataset row that could not be read. It names the file, the line and the field, so the user can
/// open the file and fix it; rows are never skipped silently.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var field: String?
    public var reason: String

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

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += " field '\(field)'" }
        return "\(location): \(reason)"
    }
}
