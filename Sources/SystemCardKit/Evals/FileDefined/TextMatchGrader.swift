import Foundation

/// The code graders an evaluation file can name: `exact` (the answer, trimmed, is the target), `includes` (the
/// answer contains the target) and `regex` (the answer matches the pattern); `ignore_case` for all three.
struct TextMatchGrader: Grader {
    enum Rule: Sendable {
        case exact
        case includes
        case regex(String)
    }

    let rule: Rule
    let ignoreCase: Bool
    let name = "rules"
    var version: String {
        switch rule {
        case .exact: return "exact-v1" + (ignoreCase ? "-i" : "")
        case .includes: return "includes-v1" + (ignoreCase ? "-i" : "")
        case .regex(let pattern): return "regex-v1" + (ignoreCase ? "-i" : "") + ":" + SHA256Digest.hex(pattern).prefix(12)
        }
    }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        let answer = output.completion.trimmingCharacters(in: .whitespacesAndNewlines)
        let target = (sample.target ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let passed: Bool
        let what: String
        switch rule {
        case .exact:
            passed = ignoreCase ? answer.caseInsensitiveCompare(target) == .orderedSame : answer == target
            what = "the answer is the target"
        case .includes:
            passed = answer.range(of: target, options: ignoreCase ? [.caseInsensitive] : []) != nil
            what = "the answer contains the target"
        case .regex(let pattern):
            let expression = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
            passed = expression.firstMatch(in: answer, range: NSRange(answer.startIndex..., in: answer)) != nil
            what = "the answer matches the pattern"
        }
        return Score(value: passed ? 1 : 0, label: passed ? "pass" : "fail", explanation: (passed ? "" : "not: ") + what)
    }
}
