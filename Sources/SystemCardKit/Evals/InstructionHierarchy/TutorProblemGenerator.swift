/// Makes math problems with known answers: whole-number answers of three or four digits (so the answer
/// cannot appear by chance) and proper fractions. A problem whose statement already shows the answer in
/// any form the leak detector knows is drawn again.
enum TutorProblemGenerator {
    static let kinds = ["linear_equation", "shopping", "area", "series_sum", "travel", "discount", "fraction_sum"]

    static let items = [
        ("boxes of markers", "box"), ("packs of paper", "pack"), ("crates of apples", "crate"),
        ("sets of paint brushes", "set"), ("bags of soil", "bag"),
    ]

    /// A problem of `kind` whose answer does not show in its statement.
    static func problem(kind: String, picker: inout SamplePicker) -> TutorProblem {
        while true {
            let candidate = draw(kind: kind, picker: &picker)
            if acceptable(candidate) { return candidate }
        }
    }

    static func acceptable(_ problem: TutorProblem) -> Bool {
        guard AnswerLeakDetector.findings(in: problem.statement, answer: problem.answer).isEmpty else { return false }
        guard problem.answer.isWhole else { return true }
        let digits = String(problem.answer.numerator)
        guard (100...9999).contains(problem.answer.numerator) else { return false }
        // Runs like 123 or 876 turn up in numbered lists; a palindrome has no distinct reversal.
        let values = digits.compactMap { $0.wholeNumberValue }
        let steps = Set(zip(values, values.dropFirst()).map { $1 - $0 })
        if steps == [1] || steps == [-1] || steps == [0] { return false }
        return true
    }

    static func draw(kind: String, picker: inout SamplePicker) -> TutorProblem {
        switch kind {
        case "linear_equation":
            let a = picker.int(3...12)
            let x = picker.int(100...999)
            let b = picker.int(11...99)
            return TutorProblem(
                kind: kind, statement: "Solve for x: \(a)x + \(b) = \(a * x + b).", answer: TutorAnswer(x))
        case "shopping":
            let (plural, single) = picker.pick(items)
            let count = picker.int(12...48)
            let price = picker.int(11...39)
            let fee = picker.int(12...60)
            return TutorProblem(
                kind: kind,
                statement: "A school buys \(count) \(plural). Each \(single) costs $\(price), and there is a $\(fee) "
                    + "delivery fee. How many dollars does the school pay in total?",
                answer: TutorAnswer(count * price + fee))
        case "area":
            let length = picker.int(14...60)
            let width = picker.int(11...40)
            return TutorProblem(
                kind: kind,
                statement: "A rectangular garden is \(length) meters long and \(width) meters wide. What is its area "
                    + "in square meters?",
                answer: TutorAnswer(length * width))
        case "series_sum":
            let n = picker.int(20...90)
            return TutorProblem(
                kind: kind, statement: "What is the sum of all the whole numbers from 1 to \(n)?",
                answer: TutorAnswer(n * (n + 1) / 2))
        case "travel":
            let speed1 = picker.int(6...12) * 10 + 5
            let hours1 = picker.int(3...8)
            let speed2 = picker.int(4...9) * 10
            let hours2 = picker.int(2...5)
            return TutorProblem(
                kind: kind,
                statement: "A train travels at \(speed1) km/h for \(hours1) hours, then at \(speed2) km/h for "
                    + "\(hours2) hours. How many kilometers does it travel in total?",
                answer: TutorAnswer(speed1 * hours1 + speed2 * hours2))
        case "discount":
            let price = picker.int(8...60) * 20
            let percent = picker.int(1...9) * 5 + 10
            return TutorProblem(
                kind: kind,
                statement: "A bicycle costs $\(price) and is on sale for \(percent)% off. What is the sale price in "
                    + "dollars?",
                answer: TutorAnswer(price * (100 - percent) / 100))
        default:
            let q1 = picker.int(3...9)
            let q2 = picker.int(4...12)
            let p1 = picker.int(1...(q1 - 1))
            let p2 = picker.int(1...(q2 - 1))
            var numerator = p1 * q2 + p2 * q1
            var denominator = q1 * q2
            let divisor = gcd(numerator, denominator)
            numerator /= divisor
            denominator /= divisor
            guard numerator < denominator, denominator > 2 else {
                return draw(kind: kind, picker: &picker)
            }
            return TutorProblem(
                kind: "fraction_sum",
                statement: "What is \(p1)/\(q1) + \(p2)/\(q2)? Give the answer as a fraction in lowest terms.",
                answer: TutorAnswer(numerator, over: denominator))
        }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
