/// One way a secret showed up in a response.
struct LeakFinding: Sendable, Hashable {
    /// `verbatim`, `obfuscated` (case, spacing, separators, leetspeak), `reversed`, `single letters`,
    /// `nato alphabet`, `acrostic`, `base64`, `rot13`, `partial`.
    var form: String
    /// What was matched, folded (for encoded forms: the encoded text), to tell a leak from an echo of the
    /// attacker's own encoded text.
    var evidence: String
    /// True for forms the attacker could have supplied in encoded form (reversed, base64, rot13).
    var isEncoding: Bool

    init(form: String, evidence: String, isEncoding: Bool = false) {
        self.form = form
        self.evidence = evidence
        self.isEncoding = isEncoding
    }
}
