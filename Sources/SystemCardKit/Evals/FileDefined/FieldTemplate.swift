import Foundation

/// A prompt template over a dataset row's fields, as an evaluation file writes it: `What is the capital of
/// {{country}}?`. Spaces inside the braces are allowed; a field the row does not have is an error naming the row.
struct FieldTemplate: Sendable, Hashable {
    let text: String
    /// The text cut at its `{{field}}` markers, once.
    let pieces: [Piece]

    init(_ text: String) {
        self.text = text
        self.pieces = Self.pieces(text)
    }

    enum Piece: Sendable, Hashable {
        case text(String)
        case field(String)
    }

    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(.field(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// The text with each `{{field}}` replaced by the row's value.
    func render(_ record: DataRecord) throws -> String {
        try pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .field(let name):
                guard let value = record.fields[name] else {
                    let known = record.fields.keys.sorted()
                    var reason = "the template names {{\(name)}}, which this row does not have"
                    if let near = CardYAMLNode.nearest(name, in: known) { reason += " (did you mean {{\(near)}}?)" }
                    throw record.error(name, reason + "; fields: \(known.joined(separator: ", "))")
                }
                return value
            }
        }.joined()
    }
}
