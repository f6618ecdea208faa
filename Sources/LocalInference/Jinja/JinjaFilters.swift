import Foundation

extension JinjaInterpreter {
    /// `value | name(arguments)`: Jinja2's built-in filters that chat templates use, with Hugging Face's `tojson`.
    func applyFilter(
        _ name: String, to value: JinjaValue, _ arguments: [JinjaValue], _ keywords: [(String, JinjaValue)]
    ) throws -> JinjaValue {
        func argument(_ i: Int, _ key: String) -> JinjaValue? {
            if i < arguments.count { return arguments[i] }
            return keywords.first { $0.0 == key }?.1
        }
        switch name {
        case "safe", "e", "escape", "forceescape":
            if name == "safe" { return value }
            return .string(value.rendered.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&#34;").replacingOccurrences(of: "'", with: "&#39;"))
        case "string":
            return .string(value.rendered)
        case "tojson":
            let indent = argument(0, "indent")?.intValue.map { min(max($0, 0), 16) }
            return .string(try value.json(indent: indent))
        case "trim":
            let chars = argument(0, "chars")
            return .string(JinjaMethods.strip(value.rendered, chars: chars.flatMap { $0.isDefined && $0 != .none ? $0.rendered : nil }, leading: true, trailing: true))
        case "length", "count":
            switch value {
            case .string(let s): return .int(s.count)
            case .array(let a): return .int(a.count)
            case .object(let o): return .int(o.count)
            case .undefined: return .int(0)
            default: throw JinjaError.type("object of type '\(value.typeName)' has no len()")
            }
        case "default", "d":
            let fallback = argument(0, "default_value") ?? .string("")
            let boolean = argument(1, "boolean")?.isTruthy ?? false
            if !value.isDefined || (boolean && !value.isTruthy) { return fallback }
            return value
        case "upper": return .string(value.rendered.uppercased())
        case "lower": return .string(value.rendered.lowercased())
        case "capitalize": return .string(JinjaMethods.capitalize(value.rendered))
        case "title": return .string(JinjaMethods.title(value.rendered))
        case "first":
            return try value.iterated().first ?? .undefined
        case "last":
            return try value.iterated().last ?? .undefined
        case "list":
            return .array(try value.iterated())
        case "reverse":
            if case .string(let s) = value { return .string(String(s.reversed())) }
            return .array(try value.iterated().reversed())
        case "join":
            let separator = argument(0, "d")?.rendered ?? ""
            var items = try value.iterated()
            if let attribute = argument(1, "attribute") {
                items = try items.map { try self.applyFilter("attr", to: $0, [attribute], []) }
            }
            return .string(items.map(\.rendered).joined(separator: separator))
        case "attr":
            guard let key = arguments.first else { return .undefined }
            if case .object(let o) = value { return o[key.rendered] ?? .undefined }
            if case .namespace(let ns) = value { return ns.attributes[key.rendered] ?? .undefined }
            return .undefined
        case "items":
            guard case .object(let o) = value else {
                if !value.isDefined { return .array([]) }
                throw JinjaError.type("'\(value.typeName)' has no items")
            }
            return .array(o.entries.map { .array([JinjaObject.keyValue($0.key), $0.value]) })
        case "dictsort":
            guard case .object(let o) = value else { throw JinjaError.type("dictsort expects a dict") }
            let caseSensitive = argument(0, "case_sensitive")?.isTruthy ?? false
            let byValue = argument(1, "by")?.rendered == "value"
            let reverse = argument(2, "reverse")?.isTruthy ?? false
            var pairs = o.entries.map { (JinjaObject.keyValue($0.key), $0.value) }
            var failure: (any Error)?
            pairs.sort { a, b in
                var x = byValue ? a.1 : a.0, y = byValue ? b.1 : b.0
                if !caseSensitive, case .string(let s) = x, case .string(let r) = y { x = .string(s.lowercased()); y = .string(r.lowercased()) }
                do { return try Self.compare(reverse ? ">" : "<", x, y) } catch { failure = error; return false }
            }
            if let failure { throw failure }
            return .array(pairs.map { .array([$0.0, $0.1]) })
        case "replace":
            guard arguments.count >= 2 else { throw JinjaError.type("replace expects two arguments") }
            let count = arguments.count > 2 ? arguments[2].intValue : nil
            return .string(JinjaMethods.replace(value.rendered, arguments[0].rendered, arguments[1].rendered, count: count))
        case "int":
            switch value {
            case .int: return value
            case .double(let d): return .int(Int(exactly: d.rounded(.towardZero)) ?? 0)
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                return .int(Int(t) ?? Double(t).flatMap { Int(exactly: $0.rounded(.towardZero)) } ?? argument(0, "default")?.intValue ?? 0)
            default: return argument(0, "default") ?? .int(0)
            }
        case "float":
            if let n = value.number { return .double(n) }
            if case .string(let s) = value, let d = Double(s.trimmingCharacters(in: .whitespaces)) { return .double(d) }
            return argument(0, "default") ?? .double(0)
        case "abs":
            switch value {
            case .int(let i):
                guard i != .min else { throw JinjaError.type("integer overflow in abs") }
                return .int(abs(i))
            case .double(let d): return .double(abs(d))
            default: throw JinjaError.type("bad operand type for abs(): '\(value.typeName)'")
            }
        case "round":
            guard let n = value.number else { throw JinjaError.type("round expects a number") }
            let precision = argument(0, "precision")?.intValue ?? 0
            let method = argument(1, "method")?.rendered ?? "common"
            let scale = pow(10, Double(precision))
            let rule: FloatingPointRoundingRule = method == "ceil" ? .up : method == "floor" ? .down : .toNearestOrAwayFromZero
            return .double((n * scale).rounded(rule) / scale)
        case "sum":
            var total: JinjaValue = argument(1, "start") ?? .int(0)
            for item in try value.iterated() {
                let v = try argument(0, "attribute").map { try self.applyFilter("attr", to: item, [$0], []) } ?? item
                total = try Self.arithmetic("+", total, v)
            }
            return total
        case "min", "max":
            let items = try value.iterated()
            guard var best = items.first else { return .undefined }
            for item in items.dropFirst() where try Self.compare(name == "min" ? "<" : ">", item, best) { best = item }
            return best
        case "unique":
            var seen: [JinjaValue] = []
            for item in try value.iterated() where !seen.contains(item) { seen.append(item) }
            return .array(seen)
        case "sort":
            let reverse = argument(0, "reverse")?.isTruthy ?? false
            let attribute = argument(2, "attribute")
            var failure: (any Error)?
            let sorted = try value.iterated().sorted { a, b in
                do {
                    let x = try attribute.map { try self.applyFilter("attr", to: a, [$0], []) } ?? a
                    let y = try attribute.map { try self.applyFilter("attr", to: b, [$0], []) } ?? b
                    return try Self.compare(reverse ? ">" : "<", x, y)
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return .array(sorted)
        case "map":
            let items = try value.iterated()
            if let attribute = keywords.first(where: { $0.0 == "attribute" })?.1 {
                let fallback = keywords.first { $0.0 == "default" }?.1
                return .array(try items.map { item in
                    let v = try self.applyFilter("attr", to: item, [attribute], [])
                    return v.isDefined ? v : (fallback ?? v)
                })
            }
            guard let filter = arguments.first?.rendered else { return .array(items) }
            let rest = Array(arguments.dropFirst())
            return .array(try items.map { try self.applyFilter(filter, to: $0, rest, []) })
        case "select", "reject":
            let items = try value.iterated()
            let test = arguments.first?.rendered
            let rest = Array(arguments.dropFirst())
            return .array(try items.filter { item in
                let passes = try test.map { try self.applyTest($0, to: item, rest) } ?? item.isTruthy
                return passes == (name == "select")
            })
        case "selectattr", "rejectattr":
            guard let attribute = arguments.first else { throw JinjaError.type("\(name) expects an attribute") }
            let test = arguments.count > 1 ? arguments[1].rendered : nil
            let rest = Array(arguments.dropFirst(2))
            return .array(try value.iterated().filter { item in
                let v = try self.applyFilter("attr", to: item, [attribute], [])
                let passes = try test.map { try self.applyTest($0, to: v, rest) } ?? v.isTruthy
                return passes == (name == "selectattr")
            })
        case "indent":
            let width = argument(0, "width")
            let prefix = width.map { if case .string(let s) = $0 { return s } else { return String(repeating: " ", count: min(max($0.intValue ?? 4, 0), 1_000)) } }
                ?? "    "
            let first = argument(1, "first")?.isTruthy ?? false
            let blank = argument(2, "blank")?.isTruthy ?? false
            let lines = value.rendered.components(separatedBy: "\n")
            return .string(lines.enumerated().map { i, line in
                if i == 0 && !first { return line }
                if line.isEmpty && !blank { return line }
                return prefix + line
            }.joined(separator: "\n"))
        case "truncate":
            let s = value.rendered
            let length = argument(0, "length")?.intValue ?? 255
            let end = argument(2, "end")?.rendered ?? "..."
            guard s.count > length else { return value }
            return .string(String(s.prefix(max(0, length - end.count))) + end)
        case "wordcount":
            return .int(value.rendered.split(whereSeparator: { $0.isWhitespace }).count)
        case "center":
            let width = min(argument(0, "width")?.intValue ?? 80, 10_000)
            let s = value.rendered
            let pad = max(0, width - s.count)
            return .string(String(repeating: " ", count: pad / 2) + s + String(repeating: " ", count: pad - pad / 2))
        case "format":
            return .string(try JinjaFilters.percentFormat(value.rendered, arguments.count == 1 ? arguments[0] : .array(arguments)))
        case "batch":
            let size = max(1, argument(0, "linecount")?.intValue ?? 1)
            let items = try value.iterated()
            return .array(Swift.stride(from: 0, to: items.count, by: size).map { .array(Array(items[$0..<min($0 + size, items.count)])) })
        default:
            throw JinjaError.type("unknown filter '\(name)'")
        }
    }

    /// `value is name(arguments)`: Jinja2's built-in tests.
    func applyTest(_ name: String, to value: JinjaValue, _ arguments: [JinjaValue]) throws -> Bool {
        switch name {
        case "defined": return value.isDefined
        case "undefined": return !value.isDefined
        case "none": return value == .none && value.isDefined
        case "string": return value.isString
        case "number":
            switch value { case .int, .double: return true; default: return false }
        case "integer":
            if case .int = value { return true }
            return false
        case "float": return value.isDouble
        case "boolean":
            if case .bool = value { return true }
            return false
        case "true": return value == .bool(true) && { if case .bool = value { return true }; return false }()
        case "false": return value == .bool(false) && { if case .bool = value { return true }; return false }()
        case "mapping":
            switch value { case .object, .namespace: return true; default: return false }
        case "sequence", "iterable":
            switch value { case .array, .string, .object: return true; default: return false }
        case "callable":
            if case .function = value { return true }
            return false
        case "odd": return (value.intValue ?? 0) % 2 != 0
        case "even": return (value.intValue ?? 1) % 2 == 0
        case "divisibleby":
            guard let n = value.intValue, let d = arguments.first?.intValue, d != 0 else { return false }
            return n % d == 0
        case "lower": return value.rendered == value.rendered.lowercased()
        case "upper": return value.rendered == value.rendered.uppercased()
        case "eq", "equalto", "==": return value == (arguments.first ?? .undefined)
        case "ne", "!=": return value != (arguments.first ?? .undefined)
        case "sameas": return value == (arguments.first ?? .undefined)
        case "in": return try Self.contains(arguments.first ?? .undefined, value)
        case "lt", "lessthan", "<": return try Self.compare("<", value, arguments.first ?? .undefined)
        case "le", "<=": return try Self.compare("<=", value, arguments.first ?? .undefined)
        case "gt", "greaterthan", ">": return try Self.compare(">", value, arguments.first ?? .undefined)
        case "ge", ">=": return try Self.compare(">=", value, arguments.first ?? .undefined)
        default: throw JinjaError.type("unknown test '\(name)'")
        }
    }
}

/// Helpers for filters and globals that are not tied to the interpreter.
enum JinjaFilters {
    /// Python's `format % value` for the `%s`, `%d`, `%i`, `%f`, `%r` and `%%` conversions.
    static func percentFormat(_ format: String, _ value: JinjaValue) throws -> String {
        var values: [JinjaValue]
        if case .array(let items) = value { values = items } else { values = [value] }
        var out = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            guard c == "%" else { out.append(c); continue }
            guard let conversion = chars.popFirst() else { throw JinjaError.type("incomplete format") }
            if conversion == "%" { out.append("%"); continue }
            guard !values.isEmpty else { throw JinjaError.type("not enough arguments for format string") }
            let v = values.removeFirst()
            switch conversion {
            case "s": out += v.rendered
            case "r": out += v.repr
            case "d", "i": out += String(v.intValue ?? Int(exactly: (v.number ?? 0).rounded(.towardZero)) ?? 0)
            case "f": out += String(format: "%f", v.number ?? 0)
            default: throw JinjaError.type("unsupported format character '\(conversion)'")
            }
        }
        return out
    }

    /// C's `strftime` of `date` in the local time zone (Hugging Face's `strftime_now`).
    static func localTime(_ format: String, _ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [Int8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { strftime($0.baseAddress, 256, format, &parts) }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
