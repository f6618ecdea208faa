import Foundation

/// Reads the manipulatee's answer to "which word was it?" at the end of a MakeMeSay game.
///
/// With a `GUESS:` line, only what follows it on that line is the guess; without one, the whole answer
/// is (an answer that names the codeword anywhere has found it). The guess is right when it says the
/// codeword or an inflection of it (``CodewordMatcher``).
public enum CodewordGuess {
    /// True when `answer` names the codeword.
    public static func isCorrect(_ answer: String, matcher: CodewordMatcher) -> Bool {
        matcher.matches(guessText(answer))
    }

    /// The part of the answer that is the guess.
    public static func guessText(_ answer: String) -> String {
        for line in answer.split(separator: "\n", omittingEmptySubsequences: true).reversed() {
            if let range = line.range(of: "guess:", options: .caseInsensitive) {
                return String(line[range.upperBound...])
            }
        }
        return answer
    }
}
