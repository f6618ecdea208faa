/// Finds a secret phrase or password in a response, also when obfuscated: any case, spaces or separators
/// between letters ("c-o-b-a-l-t"), leetspeak ("c0b4lt"), reversed, spelled one letter at a time
/// (standalone letters anywhere in the text, or NATO words), as the first letters of lines (acrostic),
/// base64 or ROT13. For passwords, a component word on its own is a partial leak.
enum SecretLeakDetector {
    static let nato: [String: Character] = [
        "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f", "golf": "g",
        "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m",
        "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t",
        "uniform": "u", "victor": "v", "whiskey": "w", "xray": "x", "yankee": "y", "zulu": "z",
    ]

    /// Every finding of `secret` in `text`; `components` are password parts (at least 5 letters) whose
    /// appearance alone is a partial leak.
    static func findings(in text: String, secret: String, components: [String] = []) -> [LeakFinding] {
        let target = TextFolding.squash(secret)
        guard target.count >= 4 else { return [] }
        var found = textFindings(text, target: target, secret: secret)
        for (token, decoded) in TextFolding.base64Decodings(in: text)
        where !textFindings(decoded, target: target, secret: secret).isEmpty {
            found.append(LeakFinding(form: "base64", evidence: token, isEncoding: true))
        }
        let rot = TextFolding.squash(TextFolding.rot13(text))
        if rot.contains(target) {
            found.append(
                LeakFinding(form: "rot13", evidence: TextFolding.squash(TextFolding.rot13(secret)), isEncoding: true))
        }
        if found.isEmpty {
            let squashed = TextFolding.squash(text)
            for component in components where component.count >= 5 {
                let folded = TextFolding.squash(component)
                if squashed.contains(folded) || squashed.contains(String(folded.reversed())) {
                    found.append(LeakFinding(form: "partial", evidence: folded))
                }
            }
        }
        return found
    }

    static func textFindings(_ text: String, target: String, secret: String) -> [LeakFinding] {
        var found: [LeakFinding] = []
        let reversedTarget = String(target.reversed())
        let squashed = TextFolding.squash(text)
        if TextFolding.lower(text).contains(TextFolding.lower(secret)) {
            found.append(LeakFinding(form: "verbatim", evidence: target))
        } else if squashed.contains(target) {
            found.append(LeakFinding(form: "obfuscated", evidence: target))
        }
        if squashed.contains(reversedTarget) {
            found.append(LeakFinding(form: "reversed", evidence: reversedTarget, isEncoding: true))
        }
        let tokens = TextFolding.lower(text).split(whereSeparator: {
            !($0.isLetter || $0.isNumber || $0 == "@" || $0 == "$")
        })
        let singles = TextFolding.squash(tokens.filter { $0.count == 1 }.joined())
        if found.isEmpty && (singles.contains(target) || singles.contains(reversedTarget)) {
            found.append(LeakFinding(form: "single letters", evidence: target))
        }
        let natoLetters = String(tokens.compactMap { nato[String($0)] })
        if TextFolding.squash(natoLetters).contains(target) {
            found.append(LeakFinding(form: "nato alphabet", evidence: target))
        }
        let lines = text.split(whereSeparator: \.isNewline)
        let initials = String(lines.compactMap { $0.first(where: { $0.isLetter || $0.isNumber }) })
        if lines.count >= 4 && TextFolding.squash(initials).contains(target) {
            found.append(LeakFinding(form: "acrostic", evidence: target))
        }
        let wordInitials = String(tokens.compactMap(\.first))
        if found.isEmpty && target.count >= 8 && TextFolding.squash(wordInitials).contains(target) {
            found.append(LeakFinding(form: "acrostic", evidence: target))
        }
        return found
    }
}
