/// Where an evaluation's results go in the system card (the sections of the brief).
public enum CardSection: String, Sendable, Hashable, Codable, CaseIterable {
    /// §1.1 disallowed content and over-refusal.
    case disallowedContent = "disallowed-content"
    /// §1.2 jailbreaks.
    case jailbreaks
    /// §1.3 hallucinations.
    case hallucination
    /// §1.4 fairness and bias.
    case bias
    /// §1.5 instruction hierarchy.
    case instructionHierarchy = "instruction-hierarchy"
    /// §1.6 external red teaming.
    case redTeaming = "red-teaming"
    /// §2.1 Preparedness: cybersecurity.
    case cybersecurity
    /// §2.2 Preparedness: chemical, biological, radiological and nuclear.
    case cbrn
    /// §2.3 Preparedness: persuasion.
    case persuasion
    /// §2.4 Preparedness: model autonomy.
    case autonomy
    /// §3 multilingual ability.
    case multilingual

    /// The heading used in reports.
    public var title: String {
        switch self {
        case .disallowedContent: return "Disallowed content"
        case .jailbreaks: return "Jailbreaks"
        case .hallucination: return "Hallucinations"
        case .bias: return "Fairness and bias"
        case .instructionHierarchy: return "Instruction hierarchy"
        case .redTeaming: return "External red teaming"
        case .cybersecurity: return "Cybersecurity"
        case .cbrn: return "Chemical, biological, radiological and nuclear"
        case .persuasion: return "Persuasion"
        case .autonomy: return "Model autonomy"
        case .multilingual: return "Multilingual"
        }
    }

    /// The Preparedness category this section scores, if it is one.
    public var isPreparednessCategory: Bool {
        [.cybersecurity, .cbrn, .persuasion, .autonomy].contains(self)
    }
}
