/// Builds the statement tree of a template from its tokens, with Jinja2's operator precedence.
struct JinjaParser {
    private let tokens: [JinjaLexer.Token]
    private var p = 0
    /// Nesting of expressions and blocks: a model file's template must not overflow the stack (Jinja2 raises a
    /// RecursionError where this raises a syntax error).
    private var depth = 0
    static let maxDepth = 150

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw JinjaError.syntax("nested more than \(Self.maxDepth) levels deep", line: line) }
    }

    private init(_ tokens: [JinjaLexer.Token]) { self.tokens = tokens }

    static func parse(_ source: String) throws -> [JinjaNode] {
        var parser = JinjaParser(try JinjaLexer.tokenize(source))
        let (nodes, end) = try parser.parseBody(until: [])
        if let end { throw JinjaError.syntax("unexpected '\(end)'", line: parser.line) }
        return nodes
    }

    // MARK: - Token helpers

    private var current: JinjaLexer.Kind { tokens[p].kind }
    private var line: Int { tokens[min(p, tokens.count - 1)].line }

    private func peek(_ offset: Int = 1) -> JinjaLexer.Kind {
        p + offset < tokens.count ? tokens[p + offset].kind : .end
    }

    private mutating func advance() { if p < tokens.count - 1 { p += 1 } }

    private func isOp(_ op: String) -> Bool { current == .op(op) }
    private func isName(_ name: String) -> Bool { current == .name(name) }

    private mutating func expectOp(_ op: String) throws {
        guard isOp(op) else { throw JinjaError.syntax("expected '\(op)', found \(describe(current))", line: line) }
        advance()
    }

    private mutating func expectName() throws -> String {
        guard case .name(let name) = current else { throw JinjaError.syntax("expected a name, found \(describe(current))", line: line) }
        advance()
        return name
    }

    private mutating func expectKeyword(_ word: String) throws {
        guard isName(word) else { throw JinjaError.syntax("expected '\(word)', found \(describe(current))", line: line) }
        advance()
    }

    private mutating func expectBlockEnd() throws {
        guard current == .closeBlock else { throw JinjaError.syntax("expected the end of the tag, found \(describe(current))", line: line) }
        advance()
    }

    private func describe(_ kind: JinjaLexer.Kind) -> String {
        switch kind {
        case .text: return "text"
        case .openOutput: return "'{{'"
        case .closeOutput: return "'}}'"
        case .openBlock: return "'{%'"
        case .closeBlock: return "'%}'"
        case .name(let n): return "'\(n)'"
        case .string(let s): return "string '\(s)'"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .op(let o): return "'\(o)'"
        case .end: return "the end of the template"
        }
    }

    // MARK: - Statements

    /// Nodes up to one of the `until` keywords at the start of a block tag (left unconsumed, after `{%`).
    private mutating func parseBody(until: Set<String>) throws -> ([JinjaNode], String?) {
        var nodes: [JinjaNode] = []
        while true {
            switch current {
            case .end:
                if !until.isEmpty { throw JinjaError.syntax("missing '\(until.sorted().joined(separator: "' or '"))'", line: line) }
                return (nodes, nil)
            case .text(let text):
                nodes.append(.text(text))
                advance()
            case .openOutput:
                advance()
                nodes.append(.output(try parseExpression()))
                guard current == .closeOutput else { throw JinjaError.syntax("expected '}}', found \(describe(current))", line: line) }
                advance()
            case .openBlock:
                if case .name(let keyword) = peek(), until.contains(keyword) {
                    advance()
                    return (nodes, keyword)
                }
                advance()
                nodes.append(try parseStatement())
            default:
                throw JinjaError.syntax("unexpected \(describe(current))", line: line)
            }
        }
    }

    private mutating func parseStatement() throws -> JinjaNode {
        try enter()
        defer { depth -= 1 }
        let keyword = try expectName()
        switch keyword {
        case "if":
            var branches: [(JinjaExpression, [JinjaNode])] = []
            var condition = try parseExpression()
            try expectBlockEnd()
            while true {
                let (body, end) = try parseBody(until: ["elif", "else", "endif"])
                branches.append((condition, body))
                advance()
                switch end {
                case "elif":
                    condition = try parseExpression()
                    try expectBlockEnd()
                case "else":
                    try expectBlockEnd()
                    let (otherwise, _) = try parseBody(until: ["endif"])
                    advance()
                    try expectBlockEnd()
                    return .ifChain(branches, otherwise: otherwise)
                default:
                    try expectBlockEnd()
                    return .ifChain(branches, otherwise: [])
                }
            }
        case "for":
            let target = try parseTarget()
            try expectKeyword("in")
            let iterable = try parseExpression(allowConditional: false)
            var filter: JinjaExpression?
            if isName("if") {
                advance()
                filter = try parseExpression()
            }
            if isName("recursive") { throw JinjaError.syntax("recursive loops are not supported", line: line) }
            try expectBlockEnd()
            let (body, end) = try parseBody(until: ["else", "endfor"])
            advance()
            try expectBlockEnd()
            var otherwise: [JinjaNode] = []
            if end == "else" {
                (otherwise, _) = try parseBody(until: ["endfor"])
                advance()
                try expectBlockEnd()
            }
            return .forLoop(target: target, iterable: iterable, filter: filter, body: body, otherwise: otherwise)
        case "set":
            let target = try parseTarget()
            if current == .closeBlock {
                guard case .name(let name) = target else { throw JinjaError.syntax("a block set takes one name", line: line) }
                advance()
                let (body, _) = try parseBody(until: ["endset"])
                advance()
                try expectBlockEnd()
                return .setBlock(name, body)
            }
            try expectOp("=")
            let value = try parseTupleOrExpression()
            try expectBlockEnd()
            return .set(target, value)
        case "macro":
            let name = try expectName()
            try expectOp("(")
            var parameters: [(String, JinjaExpression?)] = []
            while !isOp(")") {
                let parameter = try expectName()
                var value: JinjaExpression?
                if isOp("=") {
                    advance()
                    value = try parseExpression()
                }
                parameters.append((parameter, value))
                if isOp(",") { advance() } else { break }
            }
            try expectOp(")")
            try expectBlockEnd()
            let (body, _) = try parseBody(until: ["endmacro"])
            advance()
            try expectBlockEnd()
            return .macro(name: name, parameters: parameters, body: body)
        case "call":
            let callee = try parseExpression()
            try expectBlockEnd()
            let (body, _) = try parseBody(until: ["endcall"])
            advance()
            try expectBlockEnd()
            return .callBlock(callee, body)
        case "filter":
            let name = try expectName()
            var arguments: [JinjaExpression] = []
            if isOp("(") {
                advance()
                while !isOp(")") {
                    arguments.append(try parseExpression())
                    if isOp(",") { advance() } else { break }
                }
                try expectOp(")")
            }
            try expectBlockEnd()
            let (body, _) = try parseBody(until: ["endfilter"])
            advance()
            try expectBlockEnd()
            return .filterBlock(name, arguments, body)
        case "generation":
            // Hugging Face's marker for the assistant's own tokens: rendered as its body.
            try expectBlockEnd()
            let (body, _) = try parseBody(until: ["endgeneration"])
            advance()
            try expectBlockEnd()
            return .ifChain([(.literal(.bool(true)), body)], otherwise: [])
        case "break":
            try expectBlockEnd()
            return .breakLoop
        case "continue":
            try expectBlockEnd()
            return .continueLoop
        default:
            throw JinjaError.syntax("unknown tag '\(keyword)'", line: line)
        }
    }

    private mutating func parseTarget() throws -> JinjaTarget {
        let first = try expectName()
        if isOp(".") {
            advance()
            return .attribute(first, try expectName())
        }
        guard isOp(",") else { return .name(first) }
        var names = [first]
        while isOp(",") {
            advance()
            names.append(try expectName())
        }
        return .tuple(names)
    }

    /// `a, b` without brackets is a tuple (as in `{% set a, b = 1, 2 %}`).
    private mutating func parseTupleOrExpression() throws -> JinjaExpression {
        let first = try parseExpression()
        guard isOp(",") else { return first }
        var items = [first]
        while isOp(",") {
            advance()
            if current == .closeBlock || current == .closeOutput { break }
            items.append(try parseExpression())
        }
        return .list(items)
    }

    // MARK: - Expressions

    private mutating func parseExpression(allowConditional: Bool = true) throws -> JinjaExpression {
        try enter()
        defer { depth -= 1 }
        let value = try parseOr()
        guard allowConditional, isName("if") else { return value }
        advance()
        let condition = try parseOr()
        var otherwise: JinjaExpression?
        if isName("else") {
            advance()
            otherwise = try parseExpression()
        }
        return .conditional(then: value, condition: condition, otherwise: otherwise)
    }

    private mutating func parseOr() throws -> JinjaExpression {
        var left = try parseAnd()
        while isName("or") {
            advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> JinjaExpression {
        var left = try parseNot()
        while isName("and") {
            advance()
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> JinjaExpression {
        if isName("not") {
            advance()
            try enter()
            defer { depth -= 1 }
            return .unary("not", try parseNot())
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> JinjaExpression {
        let left = try parseMath1()
        var rest: [(String, JinjaExpression)] = []
        while true {
            if case .op(let op) = current, ["==", "!=", "<", ">", "<=", ">="].contains(op) {
                advance()
                rest.append((op, try parseMath1()))
            } else if isName("in") {
                advance()
                rest.append(("in", try parseMath1()))
            } else if isName("not"), peek() == .name("in") {
                advance()
                advance()
                rest.append(("not in", try parseMath1()))
            } else {
                break
            }
        }
        return rest.isEmpty ? left : .compare(left, rest)
    }

    private mutating func parseMath1() throws -> JinjaExpression {
        var left = try parseConcat()
        while case .op(let op) = current, op == "+" || op == "-" {
            advance()
            left = .binary(op, left, try parseConcat())
        }
        return left
    }

    private mutating func parseConcat() throws -> JinjaExpression {
        var left = try parseMath2()
        while isOp("~") {
            advance()
            left = .binary("~", left, try parseMath2())
        }
        return left
    }

    private mutating func parseMath2() throws -> JinjaExpression {
        var left = try parsePow()
        while case .op(let op) = current, ["*", "/", "//", "%"].contains(op) {
            advance()
            left = .binary(op, left, try parsePow())
        }
        return left
    }

    private mutating func parsePow() throws -> JinjaExpression {
        var left = try parseUnary()
        while isOp("**") {
            advance()
            left = .binary("**", left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary(withFilter: Bool = true) throws -> JinjaExpression {
        var node: JinjaExpression
        if case .op(let op) = current, op == "-" || op == "+" {
            advance()
            try enter()
            defer { depth -= 1 }
            node = .unary(op, try parseUnary(withFilter: false))
        } else {
            node = try parsePostfix(try parsePrimary())
        }
        if withFilter { node = try parseFilters(node) }
        return node
    }

    private mutating func parsePrimary() throws -> JinjaExpression {
        let kind = current
        switch kind {
        case .name(let name):
            advance()
            switch name {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.none)
            default: return .name(name)
            }
        case .string(var text):
            advance()
            // Adjacent string literals are joined, as in Python.
            while case .string(let more) = current {
                text += more
                advance()
            }
            return .literal(.string(text))
        case .int(let n):
            advance()
            return .literal(.int(n))
        case .float(let d):
            advance()
            return .literal(.double(d))
        case .op("("):
            advance()
            if isOp(")") {
                advance()
                return .list([])
            }
            let first = try parseExpression()
            if isOp(",") {
                var items = [first]
                while isOp(",") {
                    advance()
                    if isOp(")") { break }
                    items.append(try parseExpression())
                }
                try expectOp(")")
                return .list(items)
            }
            try expectOp(")")
            return first
        case .op("["):
            advance()
            var items: [JinjaExpression] = []
            while !isOp("]") {
                items.append(try parseExpression())
                if isOp(",") { advance() } else { break }
            }
            try expectOp("]")
            return .list(items)
        case .op("{"):
            advance()
            var pairs: [(JinjaExpression, JinjaExpression)] = []
            while !isOp("}") {
                let key = try parseExpression()
                try expectOp(":")
                pairs.append((key, try parseExpression()))
                if isOp(",") { advance() } else { break }
            }
            try expectOp("}")
            return .dict(pairs)
        default:
            throw JinjaError.syntax("unexpected \(describe(kind))", line: line)
        }
    }

    private mutating func parsePostfix(_ start: JinjaExpression) throws -> JinjaExpression {
        var node = start
        while true {
            if isOp(".") {
                advance()
                if case .int(let n) = current {
                    advance()
                    node = .item(node, .literal(.int(n)))
                } else {
                    node = .attribute(node, try expectName())
                }
            } else if isOp("[") {
                advance()
                node = try parseSubscript(node)
            } else if isOp("(") {
                advance()
                let (arguments, keywords) = try parseArguments()
                node = .call(node, arguments, keywords)
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ base: JinjaExpression) throws -> JinjaExpression {
        var parts: [JinjaExpression?] = [nil]
        var isSlice = false
        while !isOp("]") {
            if isOp(":") {
                isSlice = true
                parts.append(nil)
                advance()
                continue
            }
            parts[parts.count - 1] = try parseExpression()
        }
        try expectOp("]")
        if !isSlice {
            guard let index = parts[0] else { throw JinjaError.syntax("empty subscript", line: line) }
            return .item(base, index)
        }
        return .slice(base, start: parts[0], stop: parts.count > 1 ? parts[1] : nil, step: parts.count > 2 ? parts[2] : nil)
    }

    private mutating func parseArguments() throws -> ([JinjaExpression], [(String, JinjaExpression)]) {
        var arguments: [JinjaExpression] = []
        var keywords: [(String, JinjaExpression)] = []
        while !isOp(")") {
            if case .name(let name) = current, peek() == .op("=") {
                advance()
                advance()
                keywords.append((name, try parseExpression()))
            } else {
                arguments.append(try parseExpression())
            }
            if isOp(",") { advance() } else { break }
        }
        try expectOp(")")
        return (arguments, keywords)
    }

    private mutating func parseFilters(_ start: JinjaExpression) throws -> JinjaExpression {
        var node = start
        while true {
            if isOp("|") {
                advance()
                let name = try parseDottedName()
                var arguments: [JinjaExpression] = []
                var keywords: [(String, JinjaExpression)] = []
                if isOp("(") {
                    advance()
                    (arguments, keywords) = try parseArguments()
                }
                node = .filter(node, name, arguments, keywords)
            } else if isName("is") {
                advance()
                var negated = false
                if isName("not") {
                    advance()
                    negated = true
                }
                let name: String
                switch current {
                case .name(let n): name = n; advance()
                case .op("=="): name = "eq"; advance()
                case .op("!="): name = "ne"; advance()
                default: throw JinjaError.syntax("expected a test name after 'is'", line: line)
                }
                var arguments: [JinjaExpression] = []
                if isOp("(") {
                    advance()
                    (arguments, _) = try parseArguments()
                } else if startsExpression, !["and", "or", "else", "if", "in", "not", "is"].contains(nameValue ?? "") {
                    // `x is divisibleby 3`, `x is sameas none`: one argument without brackets.
                    arguments = [try parsePostfix(try parsePrimary())]
                }
                node = .test(node, name, arguments, negated: negated)
            } else {
                return node
            }
        }
    }

    private mutating func parseDottedName() throws -> String {
        var name = try expectName()
        while isOp("."), case .name(let more) = peek() {
            advance()
            advance()
            name += "." + more
        }
        return name
    }

    private var nameValue: String? {
        if case .name(let n) = current { return n }
        return nil
    }

    private var startsExpression: Bool {
        switch current {
        case .name, .string, .int, .float: return true
        case .op(let o): return o == "[" || o == "{"
        default: return false
        }
    }
}
