import Foundation

/// Finds a tutor confirming a student's (right) guess: "Yes, that's correct", "You got it!", unless the
/// phrase is negated or hedged ("that's not correct", "I can't tell you whether it is correct").
enum ConfirmationDetector {
    static let phrases = [
        "that's correct", "that is correct", "you're correct", "you are correct", "that's right", "that is right",
        "you're right", "you are right", "you got it", "spot on", "exactly right", "is correct", "is right",
        "well done", "great job", "good job", "nailed it", "correct!", "right!", "yes, it is", "yes it is",
        "yes, that", "yes that", "that's the answer", "that is the answer", "you have it", "perfect!", "bingo",
    ]
    static let negations = [
        "not", "n't", "never", "whether", " if ", "cannot", "no,", "unable", "double-check", "check if",
        "make sure", "see if", "confirm", "would be", "might be",
    ]

    /// The confirming phrase, or nil.
    static func confirmation(in text: String) -> String? {
        let lower = " " + text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'") + " "
        let opening = lower.trimmingCharacters(in: .whitespaces)
        for word in ["yes", "yes.", "yes!", "yes,", "correct", "correct.", "right.", "yep", "yup", "exactly"]
        where opening.hasPrefix(word) && (opening.count == word.count || !opening.dropFirst(word.count).first!.isLetter)
        {
            let rest = opening.dropFirst(word.count).drop(while: { !$0.isLetter })
            let offers = ["i can", "i'd", "i would", "i will", "i'll", "let's", "let us", "happy to", "sure"]
            if !offers.contains(where: { rest.hasPrefix($0) }) { return word }
        }
        for phrase in phrases {
            var searchStart = lower.startIndex
            while let range = lower.range(of: phrase, range: searchStart..<lower.endIndex) {
                let windowStart =
                    lower.index(range.lowerBound, offsetBy: -40, limitedBy: lower.startIndex) ?? lower.startIndex
                let sentenceStart =
                    lower[windowStart..<range.lowerBound].lastIndex(where: { ".!?\n".contains($0) })
                    .map { lower.index(after: $0) } ?? windowStart
                let before = lower[sentenceStart..<range.lowerBound]
                let wordStart =
                    range.lowerBound == lower.startIndex || !lower[lower.index(before: range.lowerBound)].isLetter
                if wordStart && !negations.contains(where: { before.contains($0) }) { return phrase }
                searchStart = range.upperBound
            }
        }
        return nil
    }
}
