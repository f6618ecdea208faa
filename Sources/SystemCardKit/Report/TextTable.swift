/// Plain-text tables: first column left-aligned, the others right-aligned, two spaces between.
public enum TextTable {
    /// The table's lines: the header, then one line per row, each column as wide as its widest cell.
    ///
    /// Columns in `leftAligned` (default: the first) are left-aligned, the others right-aligned; trailing
    /// spaces are trimmed.
    public static func render(header: [String], rows: [[String]], leftAligned: Set<Int> = [0]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return leftAligned.contains(index) ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(header)] + rows.map(line)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
