import Foundation

extension String {
    /// The text as both stores keep it: U+0000 becomes U+FFFD. PostgreSQL's text cannot hold U+0000, and SQLite
    /// text read back ends at the first one (everything after it was lost), so a model's answer containing one is
    /// stored with the replacement character instead, the same way in both.
    package var storable: String {
        utf8.contains(0) ? replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : self
    }
}
