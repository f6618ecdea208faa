import Foundation

/// A compiled Jinja template, rendered as Hugging Face's `apply_chat_template` renders chat templates (Jinja2 with
/// `trim_blocks`, `lstrip_blocks`, the loop-control extension, `raise_exception`, `strftime_now` and a `tojson` that
/// keeps non-ASCII text and key order).
///
/// The language covered is what chat templates use: text, `{{ }}` expressions, `if`/`elif`/`else`, `for` (with
/// `loop`, an `if` filter, `else`, `break`, `continue`), `set` (names, tuples, `namespace` attributes, blocks),
/// `macro`/`call`, `filter` blocks, `raw`, and Jinja2's expressions, filters, tests and the Python string, list and
/// dict methods templates call. Templates are data from a model file: rendering has a step limit and never runs code.
struct JinjaTemplate: Sendable {
    let nodes: [JinjaNode]

    /// Compiles a template.
    /// - Throws: ``JinjaError`` with the line of a syntax error.
    init(_ source: String) throws {
        nodes = try JinjaParser.parse(source)
    }

    /// Renders the template with `context`'s variables.
    /// - Throws: ``JinjaError`` for a type error, an undefined value used as an object, a template's own
    ///   `raise_exception(...)`, or a render that runs past its step limit.
    /// - Parameter stepLimit: statements and loop iterations allowed before the render stops.
    func render(_ context: [String: JinjaValue], stepLimit: Int = 5_000_000) throws -> String {
        let interpreter = JinjaInterpreter(context, stepLimit: stepLimit)
        var out = ""
        _ = try interpreter.execute(nodes, into: &out)
        return out
    }
}

/// Runs a template's statements; one per render.
final class JinjaInterpreter: @unchecked Sendable {
    // @unchecked: a render is single-threaded; closures for macros and bound methods capture it for that render only.

    enum Flow { case normal, breakLoop, continueLoop }

    /// Variables, innermost scope last (a `for` body and a macro call get their own).
    private var scopes: [[String: JinjaValue]]
    /// The body of the `{% call %}` block whose macro is being invoked.
    private var pendingCaller: JinjaFunction?
    /// Steps left before the render stops: a model file's template must not loop forever.
    private var budget: Int
    /// Macro calls in progress (a recursive macro stops at ``maxCallDepth``, as Jinja2's RecursionError would).
    private var callDepth = 0
    static let maxCallDepth = 100
    /// The longest output a render may produce.
    static let maxOutput = 16 << 20

    init(_ context: [String: JinjaValue], stepLimit: Int) {
        scopes = [Self.globals, context]
        budget = stepLimit
    }

    // MARK: - Statements

    func execute(_ nodes: [JinjaNode], into out: inout String) throws -> Flow {
        for node in nodes {
            budget -= 1
            if budget < 0 { throw JinjaError.type("the template ran too long") }
            switch node {
            case .text(let text):
                out += text
            case .output(let expression):
                out += try evaluate(expression).rendered
                if out.utf8.count > Self.maxOutput { throw JinjaError.type("the template's output passed 16 MB") }
            case .ifChain(let branches, let otherwise):
                var taken = false
                for (condition, body) in branches where try evaluate(condition).isTruthy {
                    taken = true
                    let flow = try execute(body, into: &out)
                    if flow != .normal { return flow }
                    break
                }
                if !taken {
                    let flow = try execute(otherwise, into: &out)
                    if flow != .normal { return flow }
                }
            case .forLoop(let target, let iterable, let filter, let body, let otherwise):
                try runLoop(target: target, iterable: iterable, filter: filter, body: body, otherwise: otherwise, into: &out)
            case .set(let target, let expression):
                try assign(target, try evaluate(expression))
            case .setBlock(let name, let body):
                var captured = ""
                _ = try execute(body, into: &captured)
                scopes[scopes.count - 1][name] = .string(captured)
            case .macro(let name, let parameters, let body):
                scopes[scopes.count - 1][name] = .function(makeMacro(name: name, parameters: parameters, body: body))
            case .callBlock(let callee, let body):
                let definitionScopes = scopes
                pendingCaller = JinjaFunction(name: "caller") { [unowned self] _, _ in
                    let saved = self.scopes
                    self.scopes = definitionScopes + [[:]]
                    defer { self.scopes = saved }
                    var captured = ""
                    _ = try self.execute(body, into: &captured)
                    return .string(captured)
                }
                out += try evaluate(callee).rendered
                pendingCaller = nil
            case .filterBlock(let name, let arguments, let body):
                var captured = ""
                _ = try execute(body, into: &captured)
                out += try applyFilter(name, to: .string(captured), try arguments.map(evaluate), []).rendered
            case .breakLoop:
                return .breakLoop
            case .continueLoop:
                return .continueLoop
            }
        }
        return .normal
    }

    private func runLoop(
        target: JinjaTarget, iterable: JinjaExpression, filter: JinjaExpression?, body: [JinjaNode],
        otherwise: [JinjaNode], into out: inout String
    ) throws {
        var items = try evaluate(iterable).iterated()
        scopes.append([:])
        defer { scopes.removeLast() }
        if let filter {
            items = try items.filter { item in
                try bind(target, item)
                return try evaluate(filter).isTruthy
            }
        }
        if items.isEmpty {
            _ = try execute(otherwise, into: &out)
            return
        }
        let count = items.count
        for (index, item) in items.enumerated() {
            budget -= 1
            if budget < 0 { throw JinjaError.type("the template ran too long") }
            scopes[scopes.count - 1] = [:]
            try bind(target, item)
            var loop = JinjaObject()
            loop["index"] = .int(index + 1)
            loop["index0"] = .int(index)
            loop["revindex"] = .int(count - index)
            loop["revindex0"] = .int(count - index - 1)
            loop["first"] = .bool(index == 0)
            loop["last"] = .bool(index == count - 1)
            loop["length"] = .int(count)
            loop["previtem"] = index > 0 ? items[index - 1] : .undefined
            loop["nextitem"] = index + 1 < count ? items[index + 1] : .undefined
            loop["cycle"] = .function(JinjaFunction(name: "cycle") { arguments, _ in
                arguments.isEmpty ? .undefined : arguments[index % arguments.count]
            })
            scopes[scopes.count - 1]["loop"] = .object(loop)
            let flow = try execute(body, into: &out)
            if flow == .breakLoop { break }
        }
    }

    private func bind(_ target: JinjaTarget, _ value: JinjaValue) throws {
        switch target {
        case .name(let name):
            scopes[scopes.count - 1][name] = value
        case .tuple(let names):
            let items = try value.iterated()
            guard items.count == names.count else {
                throw JinjaError.type("cannot unpack \(items.count) values into \(names.count) names")
            }
            for (name, item) in zip(names, items) { scopes[scopes.count - 1][name] = item }
        case .attribute(let object, let attribute):
            guard case .namespace(let ns) = lookup(object) else {
                throw JinjaError.type("cannot assign attribute '\(attribute)' of '\(object)', which is not a namespace")
            }
            ns.attributes[attribute] = value
        }
    }

    private func assign(_ target: JinjaTarget, _ value: JinjaValue) throws { try bind(target, value) }

    private func makeMacro(name: String, parameters: [(String, JinjaExpression?)], body: [JinjaNode]) -> JinjaFunction {
        let definitionScopes = scopes
        return JinjaFunction(name: name) { [unowned self] arguments, keywords in
            var scope: [String: JinjaValue] = [:]
            for (i, (parameter, fallback)) in parameters.enumerated() {
                if i < arguments.count {
                    scope[parameter] = arguments[i]
                } else if let value = keywords.first(where: { $0.0 == parameter })?.1 {
                    scope[parameter] = value
                } else if let fallback {
                    scope[parameter] = try self.evaluate(fallback)
                } else {
                    scope[parameter] = .undefined
                }
            }
            scope["varargs"] = .array(Array(arguments.dropFirst(parameters.count)))
            self.callDepth += 1
            defer { self.callDepth -= 1 }
            if self.callDepth > Self.maxCallDepth { throw JinjaError.type("macros nested more than \(Self.maxCallDepth) calls deep") }
            if let caller = self.pendingCaller {
                scope["caller"] = .function(caller)
                self.pendingCaller = nil
            }
            // Globals and the template's top level as they are now (a macro sees names set after it, and itself),
            // then the scopes it was defined in.
            let saved = self.scopes
            self.scopes = Array(saved.prefix(2)) + Array(definitionScopes.dropFirst(2)) + [scope]
            defer { self.scopes = saved }
            var out = ""
            _ = try self.execute(body, into: &out)
            return .string(out)
        }
    }

    func lookup(_ name: String) -> JinjaValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return .undefined
    }

    // MARK: - Expressions

    func evaluate(_ expression: JinjaExpression) throws -> JinjaValue {
        switch expression {
        case .literal(let value):
            return value
        case .name(let name):
            return lookup(name)
        case .list(let items):
            return try Self.checkedNesting(.array(try items.map(evaluate)))
        case .dict(let pairs):
            var object = JinjaObject()
            for (key, value) in pairs {
                object[JinjaObject.key(for: try evaluate(key))] = try evaluate(value)
            }
            return try Self.checkedNesting(.object(object))
        case .attribute(let base, let name):
            return try attribute(try evaluate(base), name, describing: base)
        case .item(let base, let index):
            return try item(try evaluate(base), try evaluate(index), describing: base)
        case .slice(let base, let start, let stop, let step):
            return try slice(
                try evaluate(base), start: try start.map(evaluate), stop: try stop.map(evaluate), step: try step.map(evaluate))
        case .call(let callee, let arguments, let keywords):
            let function = try evaluate(callee)
            guard case .function(let f) = function else {
                throw JinjaError.type("\(Self.describe(callee)) is not callable (\(function.typeName))")
            }
            return try f.call(try arguments.map(evaluate), try keywords.map { ($0.0, try evaluate($0.1)) })
        case .filter(let base, let name, let arguments, let keywords):
            return try applyFilter(name, to: try evaluate(base), try arguments.map(evaluate), try keywords.map { ($0.0, try evaluate($0.1)) })
        case .test(let base, let name, let arguments, let negated):
            let result = try applyTest(name, to: try evaluate(base), try arguments.map(evaluate))
            return .bool(result != negated)
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            switch op {
            case "not": return .bool(!value.isTruthy)
            case "-":
                switch value {
                case .int(let i): return .int(-i)
                case .double(let d): return .double(-d)
                case .bool(let b): return .int(b ? -1 : 0)
                default: throw JinjaError.type("bad operand type for unary -: '\(value.typeName)'")
                }
            default: return value
            }
        case .binary(let op, let left, let right):
            return try Self.arithmetic(op, try evaluate(left), try evaluate(right))
        case .and(let left, let right):
            let l = try evaluate(left)
            return l.isTruthy ? try evaluate(right) : l
        case .or(let left, let right):
            let l = try evaluate(left)
            return l.isTruthy ? l : try evaluate(right)
        case .compare(let first, let rest):
            var left = try evaluate(first)
            for (op, expression) in rest {
                let right = try evaluate(expression)
                if !(try Self.compare(op, left, right)) { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .conditional(let then, let condition, let otherwise):
            if try evaluate(condition).isTruthy { return try evaluate(then) }
            return try otherwise.map(evaluate) ?? .undefined
        }
    }

    /// Lists and dicts a template builds may nest at most ``maxNesting`` deep: printing, comparing or freeing a deeper
    /// value would recurse past the stack.
    static let maxNesting = 100

    static func checkedNesting(_ value: JinjaValue) throws -> JinjaValue {
        func deeper(_ v: JinjaValue, _ level: Int) -> Bool {
            if level > maxNesting { return true }
            switch v {
            case .array(let items): return items.contains { deeper($0, level + 1) }
            case .object(let o): return o.entries.contains { deeper($0.value, level + 1) }
            case .namespace(let ns): return ns.attributes.entries.contains { deeper($0.value, level + 1) }
            default: return false
            }
        }
        if deeper(value, 0) { throw JinjaError.type("values nested more than \(maxNesting) levels deep") }
        return value
    }

    static func describe(_ expression: JinjaExpression) -> String {
        switch expression {
        case .name(let n): return "'\(n)'"
        case .attribute(let base, let n): return describe(base).dropLast() + ".\(n)'"
        case .item(let base, .literal(let v)): return describe(base).dropLast() + "[\(v.repr)]'"
        default: return "the value"
        }
    }

    private func attribute(_ base: JinjaValue, _ name: String, describing expression: JinjaExpression) throws -> JinjaValue {
        switch base {
        case .undefined:
            throw JinjaError.type("\(Self.describe(expression)) is undefined (reading its attribute '\(name)')")
        case .namespace(let ns):
            return ns.attributes[name] ?? .undefined
        case .object(let object):
            if let method = JinjaMethods.method(name, of: base) { return .function(method) }
            return object[name] ?? .undefined
        default:
            if let method = JinjaMethods.method(name, of: base) { return .function(method) }
            return .undefined
        }
    }

    private func item(_ base: JinjaValue, _ index: JinjaValue, describing expression: JinjaExpression) throws -> JinjaValue {
        switch (base, index) {
        case (.undefined, _):
            throw JinjaError.type("\(Self.describe(expression)) is undefined (reading its item \(index.repr))")
        case (.object(let object), .string(let key)):
            if let value = object[key] { return value }
            return JinjaMethods.method(key, of: base).map { .function($0) } ?? .undefined
        case (.object(let object), _):
            return object[JinjaObject.key(for: index)] ?? .undefined
        case (.namespace(let ns), .string(let key)):
            return ns.attributes[key] ?? .undefined
        case (.array(let items), _):
            guard let i = index.intValue else { return .undefined }
            let k = i < 0 ? items.count + i : i
            return items.indices.contains(k) ? items[k] : .undefined
        case (.string(let s), _):
            guard let i = index.intValue else { return .undefined }
            let chars = Array(s)
            let k = i < 0 ? chars.count + i : i
            return chars.indices.contains(k) ? .string(String(chars[k])) : .undefined
        default:
            if case .string(let name) = index { return try attribute(base, name, describing: expression) }
            return .undefined
        }
    }

    private func slice(_ base: JinjaValue, start: JinjaValue?, stop: JinjaValue?, step: JinjaValue?) throws -> JinjaValue {
        func indices(_ count: Int) throws -> [Int] {
            let stepValue = step.flatMap(\.intValue) ?? 1
            guard stepValue != 0 else { throw JinjaError.type("slice step cannot be zero") }
            func clamp(_ v: JinjaValue?, _ fallback: Int) -> Int {
                guard let v, let i = v.intValue else { return fallback }
                let k = i < 0 ? count + i : i
                return stepValue > 0 ? min(max(k, 0), count) : min(max(k, -1), count - 1)
            }
            var result: [Int] = []
            if stepValue > 0 {
                var i = clamp(start, 0)
                let end = clamp(stop, count)
                while i < end {
                    result.append(i)
                    let (next, overflow) = i.addingReportingOverflow(stepValue)
                    if overflow { break }
                    i = next
                }
            } else {
                var i = clamp(start, count - 1)
                let end = clamp(stop, -1)
                while i > end {
                    result.append(i)
                    let (next, overflow) = i.addingReportingOverflow(stepValue)
                    if overflow { break }
                    i = next
                }
            }
            return result
        }
        switch base {
        case .array(let items): return .array(try indices(items.count).map { items[$0] })
        case .string(let s):
            let chars = Array(s)
            return .string(String(try indices(chars.count).map { chars[$0] }))
        case .undefined: throw JinjaError.type("cannot slice an undefined value")
        default: throw JinjaError.type("'\(base.typeName)' object is not subscriptable")
        }
    }

    // MARK: - Operators

    static func arithmetic(_ op: String, _ l: JinjaValue, _ r: JinjaValue) throws -> JinjaValue {
        if op == "~" { return .string(l.rendered + r.rendered) }
        switch (op, l, r) {
        case ("+", .string(let a), .string(let b)): return .string(a + b)
        case ("+", .array(let a), .array(let b)): return .array(a + b)
        case ("*", .string(let a), .int(let n)), ("*", .int(let n), .string(let a)):
            guard n <= 0 || a.utf8.count <= maxOutput / n else { throw JinjaError.type("string repetition too long") }
            return .string(String(repeating: a, count: max(0, n)))
        case ("*", .array(let a), .int(let n)):
            guard n <= 0 || a.count <= 1_000_000 / n else { throw JinjaError.type("list repetition too long") }
            return .array(Array([[JinjaValue]](repeating: a, count: max(0, n)).joined()))
        case ("%", .string(let format), _):
            return .string(try JinjaFilters.percentFormat(format, r))
        default: break
        }
        guard let a = l.number, let b = r.number else {
            throw JinjaError.type("unsupported operand types for \(op): '\(l.typeName)' and '\(r.typeName)'")
        }
        if !l.isDouble, !r.isDouble, let x = l.intValue, let y = r.intValue {
            // Integers stay exact; past Int's range is an error (Python's would grow, Swift's would trap).
            func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> JinjaValue {
                if result.overflow { throw JinjaError.type("integer overflow in \(op)") }
                return .int(result.partialValue)
            }
            switch op {
            case "+": return try checked(x.addingReportingOverflow(y))
            case "-": return try checked(x.subtractingReportingOverflow(y))
            case "*": return try checked(x.multipliedReportingOverflow(by: y))
            case "//", "%":
                guard y != 0 else { throw JinjaError.type("integer division or modulo by zero") }
                if x == .min && y == -1 { throw JinjaError.type("integer overflow in \(op)") }
                var q = x / y, m = x % y
                if m != 0 && ((m < 0) != (y < 0)) { q -= 1; m += y }  // Python floors
                return .int(op == "//" ? q : m)
            case "**" where y >= 0:
                var result = 1, base = x, exponent = y
                while exponent > 0 {
                    if exponent & 1 == 1 { result = try checked(result.multipliedReportingOverflow(by: base)).intValue! }
                    exponent >>= 1
                    if exponent > 0 { base = try checked(base.multipliedReportingOverflow(by: base)).intValue! }
                }
                return .int(result)
            default: break
            }
        }
        switch op {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/":
            guard b != 0 else { throw JinjaError.type("division by zero") }
            return .double(a / b)
        case "//":
            guard b != 0 else { throw JinjaError.type("integer division by zero") }
            return .double((a / b).rounded(.down))
        case "%":
            guard b != 0 else { throw JinjaError.type("modulo by zero") }
            return .double(a - b * (a / b).rounded(.down))
        case "**":
            return .double(pow(a, b))
        default:
            throw JinjaError.type("unknown operator \(op)")
        }
    }

    static func compare(_ op: String, _ l: JinjaValue, _ r: JinjaValue) throws -> Bool {
        switch op {
        case "==": return l == r
        case "!=": return l != r
        case "in": return try contains(r, l)
        case "not in": return !(try contains(r, l))
        default: break
        }
        let order: Int
        if let a = l.number, let b = r.number {
            order = a < b ? -1 : a > b ? 1 : 0
        } else if case .string(let a) = l, case .string(let b) = r {
            order = a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : a == b ? 0 : 1
        } else {
            throw JinjaError.type("'\(op)' not supported between '\(l.typeName)' and '\(r.typeName)'")
        }
        switch op {
        case "<": return order < 0
        case ">": return order > 0
        case "<=": return order <= 0
        default: return order >= 0
        }
    }

    static func contains(_ container: JinjaValue, _ element: JinjaValue) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let e) = element else { throw JinjaError.type("'in <string>' requires string as left operand") }
            return e.isEmpty || s.contains(e)
        case .array(let items): return items.contains(element)
        case .object(let object): return object[JinjaObject.key(for: element)] != nil
        case .namespace(let ns): return ns.attributes[element.rendered] != nil
        case .undefined: return false
        default: throw JinjaError.type("argument of type '\(container.typeName)' is not iterable")
        }
    }

    // MARK: - Globals

    static let globals: [String: JinjaValue] = [
        "range": .function(JinjaFunction(name: "range") { arguments, _ in
            let n = arguments.compactMap(\.intValue)
            guard n.count == arguments.count, (1...3).contains(n.count) else { throw JinjaError.type("range expects 1 to 3 integers") }
            let (start, stop, step) = n.count == 1 ? (0, n[0], 1) : (n[0], n[1], n.count == 3 ? n[2] : 1)
            guard step != 0 else { throw JinjaError.type("range() step must not be zero") }
            // Jinja2's sandbox allows ranges of at most 100,000 items.
            let span = stop.subtractingReportingOverflow(start)
            guard !span.overflow, span.partialValue / step <= 100_000 else { throw JinjaError.type("range too long (more than 100000 items)") }
            return .array(Swift.stride(from: start, to: stop, by: step).map { .int($0) })
        }),
        "namespace": .function(JinjaFunction(name: "namespace") { arguments, keywords in
            var attributes = JinjaObject()
            if case .object(let initial)? = arguments.first { attributes = initial }
            for (key, value) in keywords { attributes[key] = value }
            _ = try JinjaInterpreter.checkedNesting(.object(attributes))
            return .namespace(JinjaNamespace(attributes))
        }),
        "dict": .function(JinjaFunction(name: "dict") { arguments, keywords in
            var object = JinjaObject()
            if case .object(let initial)? = arguments.first { object = initial }
            for (key, value) in keywords { object[key] = value }
            return try JinjaInterpreter.checkedNesting(.object(object))
        }),
        "raise_exception": .function(JinjaFunction(name: "raise_exception") { arguments, _ in
            throw JinjaError.raised(arguments.first?.rendered ?? "")
        }),
        "strftime_now": .function(JinjaFunction(name: "strftime_now") { arguments, _ in
            .string(JinjaFilters.localTime(arguments.first?.rendered ?? "", Date()))
        }),
    ]
}

extension JinjaValue {
    var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .double(let d) where d == d.rounded() && abs(d) < 1e18: return Int(d)
        default: return nil
        }
    }

    var isDouble: Bool {
        if case .double = self { return true }
        return false
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
