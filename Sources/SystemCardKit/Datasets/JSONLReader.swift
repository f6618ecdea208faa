import Foundation

/// Reads JSON Lines: one JSON object per line. Scalar values become strings (top-level numbers exactly as written —
/// `1.0` stays `1.0` —, booleans as `true`/`false`, null as empty); nested values are kept as compact JSON text.
enum JSONLReader {
    static func read(_ url: URL, displayName: String? = nil) throws -> [DataRecord] {
        let name = displayName ?? url.lastPathComponent
        let data = try DatasetError.readFile(url, name: name)
        return try parse(data, file: name)
    }

    static func parse(_ data: Data, file: String) throws -> [DataRecord] {
        var records: [DataRecord] = []
        var lineNumber = 0
        for lineData in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = lineData.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let object: JSONValue
            do {
                object = try JSONCoding.decoder.decode(JSONValue.self, from: Data(lineData))
            } catch {
                throw DatasetError(file: file, line: lineNumber, reason: "not valid JSON")
            }
            guard case .object(let dictionary) = object else {
                throw DatasetError(file: file, line: lineNumber, reason: "expected a JSON object")
            }
            var fields = dictionary.mapValues(\.text)
            if dictionary.values.contains(where: \.isNumber),
                let written = JSONNumberSpans.topLevelNumbers(in: lineData)
            {
                for (key, text) in written where dictionary[key]?.isNumber == true { fields[key] = text }
            }
            records.append(DataRecord(file: file, line: lineNumber, fields: fields))
        }
        return records
    }
}
