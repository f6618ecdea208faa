import SystemCardKit

/// Correct when the last whole number in the answer is the sum.
struct ArithmeticGrader: Grader {
    let name = "rules"
    let version = "arithmetic-1"

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let numbers = output.completion.split(whereSeparator: { !$0.isNumber && $0 != "-" }).compactMap { Int($0) }
        guard let answer = numbers.last else {
            return Score(value: 0, label: "no_number", explanation: "no whole number in the answer")
        }
        let correct = String(answer) == sample.target
        return Score(
            value: correct ? 1 : 0, label: correct ? "correct" : "wrong",
            explanation: "answered \(answer), expected \(sample.target ?? "?")")
    }
}
