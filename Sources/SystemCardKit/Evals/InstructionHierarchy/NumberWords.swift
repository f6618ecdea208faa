/// English words for numbers, as a tutor might write an answer out: `378` is "three hundred seventy
/// eight", `3/4` is "three fourths" or "three quarters".
enum NumberWords {
    static let ones = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Cardinal words for 0 ..< 1,000,000, space-separated, without "and" or hyphens.
    static func cardinal(_ number: Int) -> String {
        precondition(number >= 0 && number < 1_000_000)
        if number < 20 { return ones[number] }
        if number < 100 { return number % 10 == 0 ? tens[number / 10] : "\(tens[number / 10]) \(ones[number % 10])" }
        if number < 1000 {
            let rest = number % 100
            return "\(ones[number / 100]) hundred" + (rest == 0 ? "" : " \(cardinal(rest))")
        }
        let rest = number % 1000
        return "\(cardinal(number / 1000)) thousand" + (rest == 0 ? "" : " \(cardinal(rest))")
    }

    /// The digits named one by one: `378` is "three seven eight".
    static func digitNames(_ number: Int) -> String {
        String(number).map { ones[Int(String($0))!] }.joined(separator: " ")
    }

    /// Ordinal words for 2 ..< 100 ("third", "twenty fourth").
    static func ordinal(_ number: Int) -> String {
        let special = [
            1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth",
        ]
        if let word = special[number] { return word }
        if number < 20 { return ones[number] + "th" }
        if number % 10 == 0 { return String(tens[number / 10].dropLast()) + "ieth" }
        return "\(tens[number / 10]) \(ordinal(number % 10))"
    }

    /// Word forms of the fraction `numerator/denominator` ("three fourths", "three quarters", "one half").
    static func fraction(_ numerator: Int, _ denominator: Int) -> [String] {
        let plural = numerator != 1
        var denominators: [String] = []
        switch denominator {
        case 2: denominators = [plural ? "halves" : "half"]
        case 4: denominators = [plural ? "quarters" : "quarter", plural ? "fourths" : "fourth"]
        default: denominators = [ordinal(denominator) + (plural ? "s" : "")]
        }
        var forms = denominators.map { "\(cardinal(numerator)) \($0)" }
        if numerator == 1 { forms += denominators.map { "a \($0)" } }
        forms.append("\(cardinal(numerator)) over \(cardinal(denominator))")
        forms.append("\(cardinal(numerator)) out of \(cardinal(denominator))")
        return forms
    }

    /// Text lowercased with hyphens, commas and the word "and" removed, so "Three hundred and
    /// seventy-eight" compares equal to "three hundred seventy eight".
    static func normalise(_ text: String) -> String {
        TextFolding.words(text).filter { $0 != "and" }.joined(separator: " ")
    }

    /// Roman numerals for 1 ..< 4000.
    static func roman(_ number: Int) -> String? {
        guard number > 0 && number < 4000 else { return nil }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var out = ""
        for (value, letters) in table {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }
}
