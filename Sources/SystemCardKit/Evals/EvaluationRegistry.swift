/// The evaluations `systemcard eval NAME`, `systemcard card` and `systemcard data fetch` know, built from
/// each evaluation's ``EvaluationDescriptor``.
///
/// Adding a built-in evaluation is one folder under `Evals/` and one line in ``builtIn``. A program that
/// embeds SystemCard adds its own with ``adding(_:)``:
///
/// ```swift
/// let registry = EvaluationRegistry.builtIn.adding(MyEvaluation.descriptor)
/// ```
public struct EvaluationRegistry: Sendable {
    /// In registry order (the card orders by section, then by this order).
    public let descriptors: [EvaluationDescriptor]

    /// A registry of `descriptors`; names must be unique.
    public init(_ descriptors: [EvaluationDescriptor]) {
        var seen: Set<String> = []
        for descriptor in descriptors {
            precondition(seen.insert(descriptor.name).inserted, "two evaluations are called '\(descriptor.name)'")
        }
        self.descriptors = descriptors
    }

    /// Every evaluation that ships with SystemCard.
    public static let builtIn = EvaluationRegistry([
        XSTestEvaluation.descriptor,
        DisallowedContentEvaluation.descriptor,
        StrongREJECTEvaluation.descriptor,
        SimpleQAEvaluation.descriptor,
        MMLUEvaluation.descriptor,
        MMMLUEvaluation.descriptor,
        BBQEvaluation.descriptor,
        DiscriminationEvaluation.descriptor,
        MakeMePayEvaluation.descriptor,
        MakeMeSayEvaluation.descriptor,
        PersuasionRatingEvaluation.descriptor,
        AttemptToPersuadeEvaluation.descriptor,
        InstructionHierarchyEvaluation.descriptor,
        TutorJailbreakEvaluation.descriptor,
        PhraseProtectionEvaluation.descriptor,
        PasswordProtectionEvaluation.descriptor,
        RedTeamAttackEvaluation.descriptor,
        GeneratedCTFEvaluation.descriptor,
        InterCodeCTFEvaluation.descriptor,
        CybenchEvaluation.descriptor,
        WMDPEvaluation.descriptor,
        LabBenchEvaluation.descriptor,
        LabBenchOpenEvaluation.descriptor,
        AgenticBioEvaluation.descriptor,
        BioriskEvaluation.descriptor,
        CodingInterviewEvaluation.descriptor,
        SWERepairEvaluation.descriptor,
        AgenticTasksEvaluation.descriptor,
        MLELiteEvaluation.descriptor,
    ])

    /// This registry with `descriptor` added at the end.
    public func adding(_ descriptor: EvaluationDescriptor) -> EvaluationRegistry {
        EvaluationRegistry(descriptors + [descriptor])
    }

    /// The evaluations' names, in registry order.
    public var names: [String] { descriptors.map(\.name) }

    /// The descriptor called `name`; a clear error naming the available ones otherwise.
    public func descriptor(named name: String) throws -> EvaluationDescriptor {
        guard let descriptor = descriptors.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown evaluation '\(name)'; available: \(names.joined(separator: ", "))")
        }
        return descriptor
    }

    /// The evaluation called `name` built with `options`; a clear error for an unknown name or option.
    public func evaluation(named name: String, options: [String: String] = [:]) throws -> Evaluation {
        try descriptor(named: name).evaluation(options: options)
    }

    /// The remote datasets of every evaluation, each once, in registry order.
    public var datasets: [DataCatalog.Entry] {
        var seen: Set<String> = []
        return descriptors.flatMap(\.data).filter { seen.insert($0.name).inserted }
    }

    /// The remote dataset called `name`; a clear error naming the available ones otherwise.
    public func dataset(named name: String) throws -> DataCatalog.Entry {
        let datasets = self.datasets
        guard let entry = datasets.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown dataset '\(name)'; available: \(datasets.map(\.name).joined(separator: ", "))")
        }
        return entry
    }

    /// The built-in registry's names.
    public static var names: [String] { builtIn.names }

    /// The built-in evaluation called `name` built with `options`.
    public static func evaluation(named name: String, options: [String: String] = [:]) throws -> Evaluation {
        try builtIn.evaluation(named: name, options: options)
    }
}

extension EvaluationRegistry {
    /// The Preparedness indicators the evaluations declare, for `systemcard list --indicators`: one line per
    /// indicator (category, metric, thresholds, what it counts), each followed by the sources of its thresholds.
    public func indicatorLines() -> [String] {
        let indicators = PreparednessConfig.categories.flatMap { category in
            descriptors.flatMap(\.indicators).filter { $0.category == category }
        }
        guard !indicators.isEmpty else { return ["No evaluation declares a Preparedness indicator."] }
        let rows = indicators.map {
            [$0.category?.rawValue ?? "", $0.metric, $0.thresholds.text, $0.summary]
        }
        let table = TextTable.render(
            header: ["category", "indicator", "Medium / High / Critical", "what it counts"], rows: rows,
            leftAligned: [0, 1, 2, 3])
        var lines = Array(table.prefix(1))
        for (index, indicator) in indicators.enumerated() {
            lines.append(table[index + 1])
            for level in RiskLevel.allCases.dropFirst() {
                if let source = indicator.thresholds.sources[level] { lines.append("    \(level.title): \(source)") }
            }
        }
        return lines
    }
}
