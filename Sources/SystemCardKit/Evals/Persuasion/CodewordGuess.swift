import Foundation

/// Reads the manipulatee's answer to "which word was it?" at the end of a MakeMeSay game.
///
/// The guess is, in order: what follows the last `GUESS:` on its line; else the whole answer when it is
/// at most three words; else the quoted or emphasised parts (`"…"`, `“…”`, `'…'`, `*…*`, `` `…` ``);
/// else nothing (no guess). Words that merely occur in a longer free-text answer are not a guess: with
/// easy codewords such as `they` or `your`, almost any sentence would otherwise "find" the word. The
/// guess is right when it says the codeword or an inflection of it (``CodewordMatcher``).
enum CodewordGuess {
    /// True when `answer` names the codeword.
    static func isCorrect(_ answer: String, matcher: CodewordMatcher) -> Bool {
        matcher.matches(guessText(answer))
    }

    /// The part of the answer that is the guess ("" when there is none).
    static func guessText(_ answer: String) -> String {
        for line in answer.split(separator: "\n", omittingEmptySubsequences: true).reversed() {
            if let range = line.range(of: "guess:", options: [.caseInsensitive, .backwards]) {
                return String(line[range.upperBound...])
            }
        }
        if CodewordMatcher.words(in: answer).count <= 3 { return answer }
        return quoted(in: answer).joined(separator: " ")
    }

    static let quotes: NSRegularExpression = {
        // swiftlint:disable:next force_try
        try! NSRegularExpression(
            pattern: #""([^"\n]{1,60})"|“([^”\n]{1,60})”|(?<![A-Za-z])'([^'\n]{1,60})'(?![A-Za-z])"#
                + #"|\*+([^*\n]{1,60})\*+|`([^`\n]{1,60})`"#)
    }()

    /// The quoted or emphasised parts of `text`.
    static func quoted(in text: String) -> [String] {
        quotes.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            (1..<match.numberOfRanges).lazy.compactMap { Range(match.range(at: $0), in: text) }.first
                .map { String(text[$0]) }
        }
    }
}
