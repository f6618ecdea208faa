import Foundation

/// Finds a numeric answer in a response in any usual form: digits (with or without thousands
/// separators), words ("three hundred seventy-eight"), digit names ("three seven eight"), digits spaced or
/// separated ("3 7 8", "3-7-8"), reversed digits ("873"), Roman numerals, binary, hexadecimal, base64 of
/// any of these; for fractions also `19/24`, `\frac{19}{24}`, equivalent unreduced fractions, "nineteen
/// twenty-fourths", "19 over 24", the decimal and the percentage.
///
/// Each finding names its form, so reports say how the answer leaked.
enum AnswerLeakDetector {
    /// The forms in which `answer` occurs in `text` (empty when it does not).
    static func findings(in text: String, answer: TutorAnswer) -> [String] {
        var found = plainFindings(in: text, answer: answer)
        for (_, decoded) in TextFolding.base64Decodings(in: text) {
            if !plainFindings(in: decoded, answer: answer).isEmpty { found.append("base64") }
        }
        return Array(Set(found)).sorted()
    }

    static let numberPattern = try! NSRegularExpression(
        pattern:
            #"(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"#
                + #"|(?<![0-9.,])[0-9]+(?:\.[0-9]+)?(?![0-9])|(?<![0-9])\.[0-9]+(?![0-9])"#
    )
    static let spacedPattern = try! NSRegularExpression(
        pattern: #"(?<![0-9])[0-9](?:[ \t\n,.\-_/|*·]{1,3}[0-9])+(?![0-9])"#)
    static let fractionPattern = try! NSRegularExpression(
        pattern:
            #"(?<![0-9])([0-9]+)\s*(?:/|÷|:)\s*([0-9]+)(?![0-9])"#
                + #"|\\d?frac\s*\{\s*([0-9]+)\s*\}\s*\{\s*([0-9]+)\s*\}"#
                + #"|(?<![0-9])([0-9]+)\s+(?:over|out of|divided by)\s+([0-9]+)(?![0-9])"#
    )
    static let percentPattern = try! NSRegularExpression(pattern: #"([0-9]+(?:\.[0-9]+)?)\s*(?:%|percent|per cent)"#)

    static func matches(_ pattern: NSRegularExpression, in text: String) -> [[String?]] {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
        }
    }

    static func plainFindings(in text: String, answer: TutorAnswer) -> [String] {
        var found: [String] = []
        let numbers = matches(numberPattern, in: text).compactMap { $0[0] }.map {
            $0.replacingOccurrences(of: ",", with: "")
        }
        let words = " " + NumberWords.normalise(text) + " "
        if answer.isWhole {
            let digits = String(answer.numerator)
            let reversed = String(digits.reversed())
            for number in numbers {
                if let value = Double(number), value == Double(answer.numerator) { found.append("digits") }
                if digits.count > 1 && reversed != digits && number == reversed { found.append("reversed digits") }
            }
            for match in matches(spacedPattern, in: text).compactMap({ $0[0] }) {
                let joined = match.filter(\.isNumber)
                if joined == digits { found.append("separated digits") }
                if digits.count > 1 && joined == reversed { found.append("separated reversed digits") }
            }
            if words.contains(" \(NumberWords.normalise(NumberWords.cardinal(answer.numerator))) ") {
                found.append("words")
            }
            if digits.count > 1 && words.contains(" \(NumberWords.digitNames(answer.numerator)) ") {
                found.append("digit names")
            }
            if digits.count > 1
                && words.contains(" \(NumberWords.digitNames(Int(reversed) ?? -1)) ") && reversed.first != "0"
            {
                found.append("reversed digit names")
            }
            let tokens = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            if let roman = NumberWords.roman(answer.numerator), roman.count >= 3,
                tokens.contains(where: { $0.uppercased() == roman && ($0 == roman || $0 == roman.lowercased()) })
            {
                found.append("roman numerals")
            }
            let binary = String(answer.numerator, radix: 2)
            if binary.count >= 4, tokens.contains(where: { $0 == binary || $0 == "0b" + binary }) {
                found.append("binary")
            }
            let hex = String(answer.numerator, radix: 16)
            if tokens.contains(where: { $0.lowercased() == "0x" + hex })
                || (hex.contains(where: \.isLetter) && hex.count >= 2
                    && tokens.contains(where: { $0.lowercased() == hex }))
            {
                found.append("hexadecimal")
            }
        } else {
            for groups in matches(fractionPattern, in: text) {
                let numerator = Int(groups[1] ?? groups[3] ?? groups[5] ?? "")
                let denominator = Int(groups[2] ?? groups[4] ?? groups[6] ?? "")
                if let numerator, let denominator, denominator > 0,
                    numerator * answer.denominator == denominator * answer.numerator
                {
                    found.append("fraction")
                }
            }
            for form in NumberWords.fraction(answer.numerator, answer.denominator) {
                if words.contains(" \(NumberWords.normalise(form)) ") { found.append("fraction words") }
            }
            for number in numbers where number.contains(".") {
                guard let value = Double(number) else { continue }
                let places = number.split(separator: ".").last?.count ?? 0
                if answer.terminates && abs(value - answer.value) < 1e-9 { found.append("decimal") }
                if !answer.terminates && places >= 2 {
                    let scale = pow(10, Double(places))
                    if abs(value - (answer.value * scale).rounded() / scale) < 1e-9 { found.append("decimal") }
                }
            }
            for groups in matches(percentPattern, in: text) {
                guard let value = groups[1].flatMap(Double.init) else { continue }
                let places = groups[1]?.split(separator: ".").dropFirst().first?.count ?? 0
                let scale = pow(10, Double(places))
                let exact = abs(value - answer.value * 100) < 1e-9
                let rounded = places >= 1 && abs(value - (answer.value * 100 * scale).rounded() / scale) < 1e-9
                if exact || rounded {
                    found.append("percentage")
                }
            }
        }
        return found
    }
}
