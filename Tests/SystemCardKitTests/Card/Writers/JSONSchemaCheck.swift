import Foundation

@testable import SystemCardKit

/// A small JSON Schema checker for the subset docs/card.md uses: `$ref` to `#/$defs/…`, `type`, `enum`,
/// `properties`, `required`, `additionalProperties` (false, or a schema for the other keys), `items`. Returns every violation with its path.
struct JSONSchemaCheck {
    let root: [String: JSONValue]

    init(schema: JSONValue) throws {
        guard case .object(let object) = schema else { throw SystemCardError.invalidInput("schema is not an object") }
        root = object
    }

    func violations(of value: JSONValue) -> [String] {
        check(value, against: .object(root), path: "$")
    }

    func resolve(_ schema: [String: JSONValue]) -> [String: JSONValue] {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/$defs/"),
            case .object(let definitions)? = root["$defs"],
            case .object(let target)? = definitions[String(reference.dropFirst("#/$defs/".count))]
        else { return schema }
        return target
    }

    func check(_ value: JSONValue, against schemaValue: JSONValue, path: String) -> [String] {
        guard case .object(let raw) = schemaValue else { return ["\(path): bad schema"] }
        let schema = resolve(raw)
        if schema["$ref"] != nil && schema == raw { return ["\(path): unresolved \(raw["$ref"]!.text)"] }
        var problems: [String] = []
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            problems.append("\(path): \(value.text) is not one of \(allowed.map(\.text))")
        }
        if case .string(let type)? = schema["type"], !matches(value, type) {
            return problems + ["\(path): expected \(type), got \(value)"]
        }
        if case .object(let object) = value {
            let properties: [String: JSONValue]
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [:] }
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil {
                    problems.append("\(path): missing \(key)")
                }
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[key] {
                    problems += check(member, against: propertySchema, path: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): undocumented key \(key)")
                } else if case .object? = schema["additionalProperties"], let extra = schema["additionalProperties"] {
                    problems += check(member, against: extra, path: "\(path).\(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                problems += check(item, against: itemSchema, path: "\(path)[\(index)]")
            }
        }
        return problems
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
            ("object", .object), ("array", .array), ("null", .null):
            return true
        default:
            return false
        }
    }
}
