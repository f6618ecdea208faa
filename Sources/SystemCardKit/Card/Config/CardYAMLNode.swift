import Yams

/// A node of a card config with the path that leads to it (`models[1].mitigation`), so every error names
/// the file, line, column and key.
struct CardYAMLNode {
    let node: Node
    let path: String
    let file: String

    /// `card.yaml:12:5: models[1].mitigation: <reason>`.
    func error(_ reason: String) -> SystemCardError {
        var location = file
        if let mark = node.mark { location += ":\(mark.line):\(mark.column)" }
        let subject = path.isEmpty ? "" : "\(path): "
        return SystemCardError.invalidInput("\(location): \(subject)\(reason)")
    }

    func child(_ node: Node, key: String) -> CardYAMLNode {
        CardYAMLNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// What the node is, for "expected …, got …" messages.
    var kind: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The entries of a mapping, in order; a key outside `allowed` is an error that suggests the nearest one.
    func mapping(allowed: [String]) throws -> [(key: String, value: CardYAMLNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of \(allowed.joined(separator: ", ")), got \(kind)")
        }
        var entries: [(key: String, value: CardYAMLNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw CardYAMLNode(node: keyNode, path: path, file: file).error("keys must be plain words")
            }
            guard allowed.contains(key) else {
                let keyed = CardYAMLNode(node: keyNode, path: path, file: file)
                var reason = "unknown key '\(key)'"
                if let suggestion = Self.nearest(key, in: allowed) { reason += " (did you mean '\(suggestion)'?)" }
                throw keyed.error(reason + "; allowed here: \(allowed.joined(separator: ", "))")
            }
            entries.append((key, child(valueNode, key: key)))
        }
        return entries
    }

    /// The entries of a mapping by key (see ``mapping(allowed:)``; a repeated key keeps its first value).
    func fields(allowed: [String]) throws -> [String: CardYAMLNode] {
        Dictionary(try mapping(allowed: allowed).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entries of a mapping with free-form keys (evaluation options, roles).
    func freeMapping() throws -> [(key: String, value: CardYAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(kind)") }
        return try mapping.map { keyNode, valueNode in
            guard let key = keyNode.scalar?.string, !key.isEmpty else {
                throw CardYAMLNode(node: keyNode, path: path, file: file).error("keys must be plain words")
            }
            return (key, child(valueNode, key: key))
        }
    }

    func sequence() throws -> [CardYAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, got \(kind)") }
        return sequence.enumerated().map { index, element in
            CardYAMLNode(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    var isMapping: Bool { node.mapping != nil }

    func string() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected text, got \(kind)") }
        return scalar.string
    }

    func double() throws -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else {
            throw error("expected a number, got \(kind)")
        }
        return value
    }

    func int() throws -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number, got \(kind)") }
        return value
    }

    func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, got \(kind)") }
        return value
    }

    /// A string that must be one of `choices`.
    func choice(_ choices: [String]) throws -> String {
        let text = try string()
        guard choices.contains(text) else {
            throw error("expected one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    /// The closest allowed key within two edits, for typos.
    static func nearest(_ key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
