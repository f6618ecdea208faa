import Foundation

/// Finds the numbers among a JSON object's top-level values exactly as they are written (`1.0`, `1e3`,
/// `12345678901234567890`), which a decoded `Int`/`Double` cannot give back.
///
/// The line has already been decoded successfully, so this scanner only has to find spans in valid JSON; it
/// returns `nil` (meaning "use the decoded values") on anything it does not expect.
enum JSONNumberSpans {
    static func topLevelNumbers(in bytes: some Collection<UInt8>) -> [String: String]? {
        let line = Array(bytes)
        var index = 0
        var numbers: [String: String] = [:]
        var seen: Set<String> = []
        var duplicated: Set<String> = []

        func skipWhitespace() {
            while index < line.count, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0A || line[index] == 0x0D {
                index += 1
            }
        }

        /// Moves past a string starting at `index` (which holds the opening quote); returns its raw span.
        func skipString() -> Range<Int>? {
            let start = index
            index += 1
            while index < line.count {
                switch line[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<index
                default: index += 1
                }
            }
            return nil
        }

        /// Moves past any value; returns its span.
        func skipValue() -> Range<Int>? {
            let start = index
            guard index < line.count else { return nil }
            switch line[index] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < line.count {
                    switch line[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() != nil else { return nil }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return start..<index
                        }
                    default: break
                    }
                    index += 1
                }
                return nil
            default:
                while index < line.count, !",}] \t\r\n".utf8.contains(line[index]) { index += 1 }
                return start < index ? start..<index : nil
            }
        }

        skipWhitespace()
        guard index < line.count, line[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipWhitespace()
        if index < line.count, line[index] == UInt8(ascii: "}") { return numbers }
        while index < line.count {
            skipWhitespace()
            guard index < line.count, line[index] == UInt8(ascii: "\""), let keySpan = skipString() else { return nil }
            let rawKey = line[(keySpan.lowerBound + 1)..<(keySpan.upperBound - 1)]
            let key: String
            if rawKey.contains(UInt8(ascii: "\\")) {
                guard let decoded = try? JSONCoding.decoder.decode(String.self, from: Data(line[keySpan])) else { return nil }
                key = decoded
            } else {
                key = String(decoding: rawKey, as: UTF8.self)
            }
            skipWhitespace()
            guard index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            guard let valueSpan = skipValue() else { return nil }
            let first = line[valueSpan.lowerBound]
            if !seen.insert(key).inserted { duplicated.insert(key) }
            if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
                numbers[key] = String(decoding: line[valueSpan], as: UTF8.self)
            }
            skipWhitespace()
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            // A duplicated key is left to the decoder (which one it keeps is its business).
            for key in duplicated { numbers[key] = nil }
            return line[index] == UInt8(ascii: "}") ? numbers : nil
        }
        return nil
    }
}
