import Foundation

extension JinjaValue {
    /// Parses JSON text keeping object keys in their written order (Foundation's parser does not).
    /// - Throws: ``JinjaError`` when the text is not one JSON value.
    init(json text: String) throws {
        var parser = OrderedJSONParser(Array(text.utf8))
        self = try parser.parseDocument()
    }

    /// The value as JSON, as Python's `json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False)` writes
    /// it (Hugging Face's `tojson`): `", "` and `": "` between items without an indent, `","` and newlines with one.
    func json(indent: Int? = nil, level: Int = 0) throws -> String {
        if level > 600 { throw JinjaError.type("value nested too deeply for JSON") }
        switch self {
        case .undefined: throw JinjaError.type("Object of type Undefined is not JSON serializable")
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return Self.pythonFloat(d)
        case .string(let s): return Self.jsonString(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let parts = try items.map { try $0.json(indent: indent, level: level + 1) }
            return Self.container("[", "]", parts, indent: indent, level: level)
        case .object(let object):
            if object.isEmpty { return "{}" }
            let parts = try object.entries.map { entry in
                let key: String
                switch JinjaObject.keyValue(entry.key) {
                case .string(let s): key = s
                case .none: key = "null"
                case let other: key = (try? other.json()) ?? other.repr  // Python writes 4096 as "4096", True as "true"
                }
                return Self.jsonString(key) + ": " + (try entry.value.json(indent: indent, level: level + 1))
            }
            return Self.container("{", "}", parts, indent: indent, level: level)
        case .namespace(let ns):
            return try JinjaValue.object(ns.attributes).json(indent: indent, level: level)
        case .function(let f):
            throw JinjaError.type("Object of type function (\(f.name)) is not JSON serializable")
        }
    }

    private static func container(_ open: String, _ close: String, _ parts: [String], indent: Int?, level: Int) -> String {
        guard let indent else { return open + parts.joined(separator: ", ") + close }
        let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
        let outer = "\n" + String(repeating: " ", count: indent * level)
        return open + inner + parts.joined(separator: "," + inner) + outer + close
    }

    /// A JSON string as Python writes it with `ensure_ascii=False`.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A small JSON reader that keeps object keys in order; numbers without a fraction or exponent stay integers.
private struct OrderedJSONParser {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws -> JinjaValue {
        let value = try parseValue(depth: 0)
        skipSpace()
        guard i == bytes.count else { throw fail("trailing characters") }
        return value
    }

    private func fail(_ message: String) -> JinjaError { JinjaError("invalid JSON at byte \(i): \(message)") }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func parseValue(depth: Int) throws -> JinjaValue {
        guard depth < 512 else { throw fail("nested too deeply") }
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var object = JinjaObject()
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try parseString()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                object[key] = try parseValue(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JinjaValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .none
        default:
            return try parseNumber()
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw fail("unexpected token") }
        i += w.count
    }

    private mutating func parseNumber() throws -> JinjaValue {
        let start = i
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        while i < bytes.count {
            let c = bytes[i]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { i += 1; continue }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                || ((c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && i > start)
            {
                isInteger = false
                i += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let n = Int(text) { return .int(n) }
        guard !text.isEmpty, text != "-", let d = Double(text) else { throw fail("unexpected character") }
        return .double(d)
    }

    private mutating func parseString() throws -> String {
        i += 1  // opening quote
        var out = [UInt8]()
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
        else { throw fail("bad \\u escape") }
        i += 4
        return v
    }
}
