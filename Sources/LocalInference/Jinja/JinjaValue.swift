import Foundation

/// A value inside a chat template: what Python's Jinja2 sees when Hugging Face's `apply_chat_template` renders one.
///
/// Objects keep their keys in insertion order (as Python dicts do), so `tool | tojson` writes a tool's JSON Schema in
/// the order it was given. `undefined` is a missing variable, key or attribute: it renders as nothing, is false, and
/// fails `is defined`.
indirect enum JinjaValue: Sendable {
    case undefined
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JinjaValue])
    case object(JinjaObject)
    /// `namespace(...)`: the one mutable object a template can assign attributes of from inside a loop.
    case namespace(JinjaNamespace)
    /// A built-in function, a bound method or a macro.
    case function(JinjaFunction)

    /// Python's truthiness.
    var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        case .namespace, .function: return true
        }
    }

    var isDefined: Bool {
        if case .undefined = self { return false }
        return true
    }

    /// The Jinja type name used in error messages.
    var typeName: String {
        switch self {
        case .undefined: return "undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        case .namespace: return "Namespace"
        case .function: return "function"
        }
    }

    /// Python's `str()` of the value, which is what `{{ value }}` writes.
    var rendered: String {
        switch self {
        case .undefined: return ""
        case .string(let s): return s
        default: return repr
        }
    }

    /// Python's `repr()`: lists and dicts print their items so.
    var repr: String {
        switch self {
        case .undefined: return ""
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return Self.pythonFloat(d)
        case .string(let s): return Self.pythonRepr(s)
        case .array(let a): return "[" + a.map(\.repr).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.entries.map { JinjaObject.keyValue($0.key).repr + ": " + $0.value.repr }.joined(separator: ", ") + "}"
        case .namespace: return "<Namespace>"
        case .function(let f): return "<function \(f.name)>"
        }
    }

    /// Python's float repr: shortest round-trip digits, `1.0` for integral values, `inf`, `nan`.
    static func pythonFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description  // Swift's description follows the same shortest round-trip rule and exponent style
    }

    /// Python's repr of a string: single quotes unless the text has a single quote and no double quote.
    static func pythonRepr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Iteration as Python does it: lists their items, dicts their keys, strings their characters.
    func iterated() throws -> [JinjaValue] {
        switch self {
        case .array(let a): return a
        case .object(let o): return o.entries.map { JinjaObject.keyValue($0.key) }
        case .string(let s): return s.map { .string(String($0)) }
        case .undefined: return []
        default: throw JinjaError.type("'\(typeName)' object is not iterable")
        }
    }
}

extension JinjaValue: Equatable {
    /// Python's `==`: numbers compare across int and float, `True == 1`, containers item by item.
    static func == (lhs: JinjaValue, rhs: JinjaValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.entries.allSatisfy { b[$0.key] == $0.value }
        case (.namespace(let a), .namespace(let b)): return a === b
        default:
            if let a = lhs.number, let b = rhs.number { return a == b }
            return false
        }
    }

    /// The value as a number, if it is one (booleans count as 0 and 1, as in Python).
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}

/// A dict with Python's insertion order. Keys are strings; a key of another type (`{4096: 512}` in a template) is
/// stored under a tagged text (``key(for:)``) and given back as its value (``keyValue(_:)``).
struct JinjaObject: Sendable {
    /// The stored key for a key value: strings as themselves, other values tagged so `1` and `"1"` stay apart.
    static func key(for value: JinjaValue) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return "\u{1}i\(i)"
        case .double(let d): return d == d.rounded() && abs(d) < 1e18 ? "\u{1}i\(Int(d))" : "\u{1}f\(d)"
        case .bool(let b): return "\u{1}i\(b ? 1 : 0)"
        case .none: return "\u{1}n"
        default: return "\u{1}r" + value.repr
        }
    }

    /// The key value a stored key stands for.
    static func keyValue(_ key: String) -> JinjaValue {
        guard key.hasPrefix("\u{1}") else { return .string(key) }
        let body = key.dropFirst(2)
        switch key.dropFirst().first {
        case "i": return .int(Int(body) ?? 0)
        case "f": return .double(Double(body) ?? 0)
        case "n": return .none
        default: return .string(String(body))
        }
    }

    private(set) var entries: [(key: String, value: JinjaValue)] = []
    private var index: [String: Int] = [:]

    init() {}

    init(_ pairs: [(String, JinjaValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    subscript(key: String) -> JinjaValue? {
        get { index[key].map { entries[$0].value } }
        set {
            if let i = index[key] {
                if let newValue { entries[i].value = newValue } else { remove(at: i) }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    private mutating func remove(at i: Int) {
        index[entries[i].key] = nil
        entries.remove(at: i)
        for j in i..<entries.count { index[entries[j].key] = j }
    }
}

/// The state of a `namespace()`: shared by reference, so assignments inside a loop are seen after it.
final class JinjaNamespace: @unchecked Sendable {
    // Only touched by the single render that created it.
    var attributes = JinjaObject()
    init(_ attributes: JinjaObject) { self.attributes = attributes }
}

/// A callable value: positional and keyword arguments in, a value out.
struct JinjaFunction: Sendable {
    let name: String
    let call: @Sendable ([JinjaValue], [(String, JinjaValue)]) throws -> JinjaValue
}

/// Why a template could not be compiled or rendered.
public struct JinjaError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }

    static func syntax(_ message: String, line: Int) -> JinjaError { JinjaError("template syntax error, line \(line): \(message)") }
    static func type(_ message: String) -> JinjaError { JinjaError("template error: \(message)") }
    /// `raise_exception(...)` called by the template itself.
    static func raised(_ message: String) -> JinjaError { JinjaError("the chat template refused the conversation: \(message)") }
}
