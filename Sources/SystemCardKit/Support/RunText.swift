/// Small text helpers shared by errors and reports.
enum RunText {
    /// The first 200 characters on one line.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
