import Foundation

/// The Python methods of strings, lists and dicts that chat templates call (`content.strip()`,
/// `message.get('tool_calls')`, `tool.items()`…), as bound functions.
enum JinjaMethods {
    static func method(_ name: String, of value: JinjaValue) -> JinjaFunction? {
        switch value {
        case .string(let s): return stringMethod(name, s)
        case .object(let o): return dictMethod(name, o)
        case .array(let a): return listMethod(name, a)
        default: return nil
        }
    }

    private static func bound(_ name: String, _ body: @escaping @Sendable ([JinjaValue], [(String, JinjaValue)]) throws -> JinjaValue) -> JinjaFunction {
        JinjaFunction(name: name, call: body)
    }

    private static func optionalText(_ arguments: [JinjaValue], _ i: Int) -> String? {
        guard i < arguments.count else { return nil }
        if case .none = arguments[i] { return nil }
        return arguments[i].rendered
    }

    private static func stringMethod(_ name: String, _ s: String) -> JinjaFunction? {
        switch name {
        case "strip", "lstrip", "rstrip":
            return bound(name) { arguments, _ in
                .string(strip(s, chars: optionalText(arguments, 0), leading: name != "rstrip", trailing: name != "lstrip"))
            }
        case "upper": return bound(name) { _, _ in .string(s.uppercased()) }
        case "lower": return bound(name) { _, _ in .string(s.lowercased()) }
        case "title": return bound(name) { _, _ in .string(title(s)) }
        case "capitalize": return bound(name) { _, _ in .string(capitalize(s)) }
        case "startswith", "endswith":
            return bound(name) { arguments, _ in
                guard let first = arguments.first else { throw JinjaError.type("\(name) takes an argument") }
                let candidates: [JinjaValue]
                if case .array(let items) = first { candidates = items } else { candidates = [first] }
                return .bool(candidates.contains { name == "startswith" ? s.hasPrefix($0.rendered) : s.hasSuffix($0.rendered) })
            }
        case "split", "rsplit":
            return bound(name) { arguments, keywords in
                let separator = optionalText(arguments, 0) ?? keywords.first { $0.0 == "sep" }.flatMap { $0.1 == .none ? nil : $0.1.rendered }
                let limit = min((arguments.count > 1 ? arguments[1].intValue : keywords.first { $0.0 == "maxsplit" }?.1.intValue) ?? -1, 1_000_000)
                return .array(split(s, separator: separator, limit: limit, fromRight: name == "rsplit").map { .string($0) })
            }
        case "splitlines":
            return bound(name) { _, _ in
                var lines = s.components(separatedBy: "\n")
                if lines.last == "" { lines.removeLast() }
                return .array(lines.map { .string($0) })
            }
        case "replace":
            return bound(name) { arguments, _ in
                guard arguments.count >= 2 else { throw JinjaError.type("replace takes two arguments") }
                return .string(replace(s, arguments[0].rendered, arguments[1].rendered, count: arguments.count > 2 ? arguments[2].intValue : nil))
            }
        case "find", "rfind", "index":
            return bound(name) { arguments, _ in
                let needle = arguments.first?.rendered ?? ""
                let range = name == "rfind" ? s.range(of: needle, options: .backwards) : s.range(of: needle)
                guard let range else {
                    if name == "index" { throw JinjaError.type("substring not found") }
                    return .int(-1)
                }
                return .int(s.distance(from: s.startIndex, to: range.lowerBound))
            }
        case "count":
            return bound(name) { arguments, _ in
                let needle = arguments.first?.rendered ?? ""
                guard !needle.isEmpty else { return .int(s.count + 1) }
                return .int(s.components(separatedBy: needle).count - 1)
            }
        case "join":
            return bound(name) { arguments, _ in
                .string(try (arguments.first ?? .array([])).iterated().map(\.rendered).joined(separator: s))
            }
        case "format":
            return bound(name) { arguments, keywords in
                var out = ""
                var next = 0
                var rest = Substring(s)
                while let open = rest.firstIndex(of: "{") {
                    out += rest[..<open]
                    let after = rest[rest.index(after: open)...]
                    if after.first == "{" {
                        out += "{"
                        rest = after.dropFirst()
                        continue
                    }
                    guard let close = after.firstIndex(of: "}") else { throw JinjaError.type("unmatched '{' in format string") }
                    let field = String(after[..<close])
                    if field.isEmpty {
                        guard next < arguments.count else { throw JinjaError.type("not enough arguments for format") }
                        out += arguments[next].rendered
                        next += 1
                    } else if let i = Int(field), i < arguments.count {
                        out += arguments[i].rendered
                    } else if let value = keywords.first(where: { $0.0 == field })?.1 {
                        out += value.rendered
                    } else {
                        throw JinjaError.type("unknown format field '\(field)'")
                    }
                    rest = after[after.index(after: close)...]
                }
                return .string(out + rest.replacingOccurrences(of: "}}", with: "}"))
            }
        case "isdigit": return bound(name) { _, _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isspace": return bound(name) { _, _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isalpha": return bound(name) { _, _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        default: return nil
        }
    }

    private static func dictMethod(_ name: String, _ o: JinjaObject) -> JinjaFunction? {
        switch name {
        case "items": return bound(name) { _, _ in .array(o.entries.map { .array([JinjaObject.keyValue($0.key), $0.value]) }) }
        case "keys": return bound(name) { _, _ in .array(o.entries.map { JinjaObject.keyValue($0.key) }) }
        case "values": return bound(name) { _, _ in .array(o.entries.map(\.value)) }
        case "get":
            return bound(name) { arguments, _ in
                guard let key = arguments.first else { throw JinjaError.type("get takes a key") }
                return o[JinjaObject.key(for: key)] ?? (arguments.count > 1 ? arguments[1] : .none)
            }
        case "copy": return bound(name) { _, _ in .object(o) }
        default: return nil
        }
    }

    private static func listMethod(_ name: String, _ a: [JinjaValue]) -> JinjaFunction? {
        switch name {
        case "index":
            return bound(name) { arguments, _ in
                guard let first = arguments.first, let i = a.firstIndex(of: first) else { throw JinjaError.type("value is not in list") }
                return .int(i)
            }
        case "count":
            return bound(name) { arguments, _ in .int(a.filter { $0 == (arguments.first ?? .undefined) }.count) }
        case "copy": return bound(name) { _, _ in .array(a) }
        default: return nil
        }
    }

    // MARK: - Python string semantics

    /// `str.strip(chars)`: without `chars`, Python's whitespace.
    static func strip(_ s: String, chars: String?, leading: Bool, trailing: Bool) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        let drop: (Unicode.Scalar) -> Bool = { scalar in set.map { $0.contains(scalar) } ?? scalar.properties.isWhitespace }
        var scalars = Substring(s).unicodeScalars[...]
        if leading { while let c = scalars.first, drop(c) { scalars.removeFirst() } }
        if trailing { while let c = scalars.last, drop(c) { scalars.removeLast() } }
        return String(String.UnicodeScalarView(scalars))
    }

    static func capitalize(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst().lowercased()
    }

    static func title(_ s: String) -> String {
        var out = ""
        var previousIsLetter = false
        for c in s {
            out += previousIsLetter ? c.lowercased() : c.uppercased()
            previousIsLetter = c.isLetter
        }
        return out
    }

    static func replace(_ s: String, _ old: String, _ new: String, count: Int?) -> String {
        guard let count, count >= 0 else { return s.replacingOccurrences(of: old, with: new) }
        var out = ""
        var rest = Substring(s)
        var done = 0
        while done < count, !old.isEmpty, let range = rest.range(of: old) {
            out += rest[..<range.lowerBound] + new
            rest = rest[range.upperBound...]
            done += 1
        }
        return out + rest
    }

    /// `str.split(sep, maxsplit)`: without `sep`, runs of whitespace separate and empty parts are dropped.
    static func split(_ s: String, separator: String?, limit: Int, fromRight: Bool) -> [String] {
        guard let separator, !separator.isEmpty else {
            let words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard limit >= 0, words.count > limit + 1 else { return words }
            // Rare in templates: re-split keeping the remainder whole.
            var parts = Array(words.prefix(limit))
            var rest = Substring(s).drop(while: { $0.isWhitespace })
            for _ in 0..<limit {
                rest = rest.drop(while: { !$0.isWhitespace }).drop(while: { $0.isWhitespace })
            }
            parts.append(String(rest))
            return parts
        }
        var parts = s.components(separatedBy: separator)
        guard limit >= 0, parts.count > limit + 1 else { return parts }
        if fromRight {
            let head = parts[..<(parts.count - limit)].joined(separator: separator)
            parts = [head] + parts[(parts.count - limit)...]
        } else {
            let tail = parts[limit...].joined(separator: separator)
            parts = Array(parts[..<limit]) + [tail]
        }
        return parts
    }
}
