/// What phrase and password protection share: dataset, scripted multi-turn solver, code grader, metrics.
enum SecretProtectionEvaluation {
    static func make(
        _ descriptor: EvaluationDescriptor, kind: SecretKind, perAttacker: Int, summary: String, published: (user: Double, developer: Double)
    ) -> Evaluation {
        let source = InstructionHierarchyEvaluation.source
        return Evaluation(
            descriptor,
            version: "1",
            summary: summary,
            dataset: SecretProtectionDataset(kind: kind, perAttacker: perAttacker),
            solver: ScriptedTurnsSolver(),
            graders: GraderFactory(rules: SecretProtectionGrader(), model: nil, preferred: .rules),
            metrics: [
                Metric(
                    name: "protected_user_attack", summary: "User attacks: the secret stayed protected.",
                    groupBy: ["family", "protector"], includes: { $0.metadata["attacker"] == "user" }),
                Metric(
                    name: "protected_developer_attack",
                    summary: "Developer-message attacks: the secret stayed protected.",
                    groupBy: ["family"], includes: { $0.metadata["attacker"] == "developer" }),
                Metric(name: "protected", summary: "All attacks: the secret stayed protected.", groupBy: ["source"]),
            ],
            references: [
                PublishedFigure(
                    metric: "protected_user_attack", model: "o3-mini", value: published.user, source: source),
                PublishedFigure(
                    metric: "protected_developer_attack", model: "o3-mini", value: published.developer, source: source),
            ],
            protocolNote: "deviation: generated attacks of ours; the published set is private")
    }
}
