import Foundation

/// Text in a role's message that the other roles never see: reasoning blocks, private markers, a
/// scratchpad. The speaker keeps seeing its own messages in full.
enum HiddenText: Sendable, Hashable {
    /// From `open` to the next `close`, case-insensitive. An `open` never closed hides the rest of the
    /// message (reasoning cut off by the token limit stays private); a `close` with no `open` before it
    /// hides everything up to it (templates that open the reasoning block in the prompt).
    case span(open: String, close: String)
    /// Every match of an ICU regular expression, case-insensitive. A pattern that does not compile hides
    /// the whole message (fail closed: nothing private leaks because of a typo).
    case pattern(String)

    /// `<think>…</think>` reasoning blocks.
    static let thinking = HiddenText.span(open: "<think>", close: "</think>")

    /// `text` with every hidden part removed and blank lines tidied.
    static func strip(_ text: String, hiding rules: [HiddenText]) -> String {
        var result = text
        for rule in rules {
            switch rule {
            case .span(let open, let close):
                result = removeSpans(result, open: open, close: close)
            case .pattern(let pattern):
                guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                    return ""
                }
                let range = NSRange(result.startIndex..., in: result)
                result = regex.stringByReplacingMatches(in: result, range: range, withTemplate: "")
            }
        }
        return tidy(result)
    }

    static func removeSpans(_ text: String, open: String, close: String) -> String {
        var result = text
        // A close before any open: everything up to it was private.
        if let closeRange = result.range(of: close, options: .caseInsensitive) {
            let openRange = result.range(of: open, options: .caseInsensitive)
            if openRange == nil || openRange!.lowerBound > closeRange.lowerBound {
                result.removeSubrange(result.startIndex..<closeRange.upperBound)
            }
        }
        while let openRange = result.range(of: open, options: .caseInsensitive) {
            if let closeRange = result.range(
                of: close, options: .caseInsensitive, range: openRange.upperBound..<result.endIndex)
            {
                result.removeSubrange(openRange.lowerBound..<closeRange.upperBound)
            } else {
                result.removeSubrange(openRange.lowerBound..<result.endIndex)
            }
        }
        return result
    }

    /// Trims the ends and collapses runs of blank lines left by removed parts.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy(\.isWhitespace)
            if isBlank && (blank || lines.isEmpty) { continue }
            lines.append(isBlank ? "" : line)
            blank = isBlank
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
