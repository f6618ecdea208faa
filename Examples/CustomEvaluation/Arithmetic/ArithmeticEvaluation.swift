import SystemCardKit

/// An example evaluation defined outside SystemCard: generated sums, graded by code.
///
/// `systemcard-example eval arithmetic --model openai/<model> [--option count=N]`, and it appears in
/// `systemcard-example card` under its section like a built-in one.
enum ArithmeticEvaluation {
    static let descriptor = EvaluationDescriptor(
        name: "arithmetic", summary: "Example: generated sums, answered with the number only (code-graded)",
        section: .hallucination,
        options: [EvaluationOption("count", summary: "how many sums", integerIn: 1...10_000, default: 20)]
    ) { descriptor, options in
        Evaluation(
            descriptor, version: "1",
            summary: "\(options.integer("count")) generated sums; the last whole number in the answer must be the sum.",
            dataset: ArithmeticDataset(count: options.integer("count")),
            graders: GraderFactory(rules: ArithmeticGrader(), model: nil, preferred: .rules),
            metrics: [Metric(name: "accuracy", summary: "Sums answered correctly.", groupBy: ["parity"])],
            options: ["count": String(options.integer("count"))])
    }
}
