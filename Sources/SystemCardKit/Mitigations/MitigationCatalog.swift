import Foundation

/// The mitigations `--mitigation NAME[=ARG]` and a card model's `mitigations:` can name.
public enum MitigationCatalog {
    /// Names and what each does, for help texts.
    public static let names: [(name: String, summary: String)] = [
        ("safety-spec", "a safety specification in the system message, reasoned over before answering (=FILE: yours)"),
        ("hierarchy-guard", "user and tool content delimited and marked, with the system > developer > user order"),
        ("input-filter", "the content classifier on the user's turn; a flagged one is refused unasked (=FORMAT: llama-guard-3, …)"),
        ("output-filter", "the content classifier on the answer; a flagged one becomes a refusal (=FORMAT: llama-guard-3, …)"),
    ]

    /// The mitigation `spec` names (`safety-spec`, `safety-spec=spec.md`, `hierarchy-guard`, `output-filter`,
    /// `input-filter=llama-guard-3`).
    public static func make(_ spec: String) throws -> any Mitigation {
        let parts = spec.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        let argument = parts.count > 1 ? parts[1] : nil
        switch parts.first ?? "" {
        case "safety-spec":
            guard let argument else { return SafetySpecMitigation() }
            let url = URL(fileURLWithPath: argument)
            guard let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty else {
                throw SystemCardError.invalidInput("cannot read the safety specification \(argument)")
            }
            return SafetySpecMitigation(specification: text)
        case "input-filter", "output-filter":
            let side: ContentFilterMitigation.Side = parts[0] == "input-filter" ? .input : .output
            guard let argument else { return ContentFilterMitigation(side: side) }
            guard let format = ModerationFormat(rawValue: argument) else {
                throw SystemCardError.invalidInput(
                    "\(parts[0]): no classifier format '\(argument)' (available: "
                        + ModerationFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            return ContentFilterMitigation(side: side, format: format)
        case "hierarchy-guard":
            guard argument == nil else { throw SystemCardError.invalidInput("hierarchy-guard takes no argument") }
            return HierarchyGuardMitigation()
        default:
            throw SystemCardError.invalidInput(
                "no mitigation '\(parts.first ?? "")' (available: \(names.map(\.name).joined(separator: ", ")))")
        }
    }
}
