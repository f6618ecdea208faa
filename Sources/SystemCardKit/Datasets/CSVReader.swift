import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into ``DataRecord``s keyed
/// by the header row.
///
/// Written here rather than taken from a CSV package because every error must name the file, the line a
/// row starts on and the field, and rows with the wrong number of fields must fail, not be padded.
enum CSVReader {
    /// Parses the file at `url`. `displayName` is how errors name the file.
    static func read(_ url: URL, displayName: String? = nil) throws -> [DataRecord] {
        let name = displayName ?? url.lastPathComponent
        let data = try DatasetError.readFile(url, name: name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetError(file: name, reason: "not valid UTF-8")
        }
        return try parse(text, file: name)
    }

    /// Parses CSV text. The first row is the header.
    static func parse(_ text: String, file: String) throws -> [DataRecord] {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let rows = try rows(of: text, file: file)
        guard let header = rows.first else { throw DatasetError(file: file, reason: "empty file (no header row)") }
        let names = header.fields
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw DatasetError(file: file, line: 1, field: duplicate, reason: "duplicate column in header")
        }
        var records: [DataRecord] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            if row.isBlank { continue }  // an empty line (a quoted "" is a value, not a blank line)
            guard row.fields.count == names.count else {
                throw DatasetError(
                    file: file, line: row.line,
                    reason: "expected \(names.count) fields (\(names.joined(separator: ","))), found \(row.fields.count)")
            }
            records.append(DataRecord(file: file, line: row.line, fields: Dictionary(uniqueKeysWithValues: zip(names, row.fields))))
        }
        return records
    }

    struct Row {
        var line: Int
        var fields: [String]
        /// Nothing at all on the line (not even a quoted empty value).
        var isBlank = false
    }

    static func rows(of text: String, file: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var quoteOpenedAt = 1
        var fieldWasQuoted = false
        let bytes = Array(text.utf8)
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard field.isEmpty && !fieldWasQuoted else {
                        throw DatasetError(
                            file: file, line: line, field: "column \(fields.count + 1)",
                            reason: "quote inside an unquoted field")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteOpenedAt = line
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\r"):
                    break
                case UInt8(ascii: "\n"):
                    let blank = fields.isEmpty && field.isEmpty && !fieldWasQuoted
                    endField()
                    rows.append(Row(line: rowStart, fields: fields, isBlank: blank))
                    fields.removeAll(keepingCapacity: true)
                    line += 1
                    rowStart = line
                default:
                    if fieldWasQuoted {
                        throw DatasetError(
                            file: file, line: line, field: "column \(fields.count + 1)",
                            reason: "text after a closing quote")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes {
            throw DatasetError(file: file, line: quoteOpenedAt, reason: "unterminated quoted field")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            rows.append(Row(line: rowStart, fields: fields))
        }
        return rows
    }
}
