import Testing

@testable import SystemCardKit

/// Descriptors check options before an evaluation is built, the same way for every evaluation.
@Suite struct EvaluationDescriptorTests {
    static let descriptor = EvaluationDescriptor(
        name: "probe", summary: "a probe", section: .jailbreaks,
        options: [
            EvaluationOption("set", summary: "which", choices: ["full", "small"], default: "full"),
            EvaluationOption("turns", summary: "how many", integerIn: 1...10, default: 3),
            EvaluationOption("languages", summary: "free text"),
        ],
        roles: ["partner"]
    ) { descriptor, options in
        Evaluation(
            descriptor, version: "1", summary: "\(options["set"]!) \(options.integer("turns")) \(options["languages"] ?? "-")",
            dataset: MemoryDataset(count: 1),
            graders: GraderFactory(rules: ContainsTargetGrader(), model: nil, preferred: .rules), metrics: [])
    }

    @Test func defaultsFillWhatIsNotGiven() throws {
        let evaluation = try Self.descriptor.evaluation()
        #expect(evaluation.summary == "full 3 -")
        #expect(evaluation.name == "probe")
        #expect(evaluation.section == .jailbreaks)
        #expect(evaluation.roles == ["partner"])
        #expect(try Self.descriptor.evaluation(options: ["set": "small", "turns": "10", "languages": "fr"]).summary == "small 10 fr")
    }

    @Test func badOptionsAreErrorsNamingWhatIsAccepted() {
        func message(_ options: [String: String]) -> String? {
            (#expect(throws: SystemCardError.self) { _ = try Self.descriptor.evaluation(options: options) })?.message
        }
        #expect(message(["nope": "1"]) == "probe has no option --nope (it accepts: --languages, --set, --turns)")
        #expect(message(["set": "tiny"]) == "probe has no set 'tiny' (sets: full, small)")
        #expect(message(["turns": "11"]) == "probe: --option turns must be a whole number from 1 to 10, got '11'")
        #expect(message(["turns": "two"]) == "probe: --option turns must be a whole number from 1 to 10, got 'two'")
    }

    @Test func everyRegisteredEvaluationDeclaresItselfConsistently() throws {
        let registry = EvaluationRegistry.builtIn
        #expect(Set(registry.names).count == registry.names.count)
        for descriptor in registry.descriptors {
            let evaluation = try descriptor.evaluation()
            #expect(evaluation.name == descriptor.name)
            #expect(evaluation.section == descriptor.section)
            #expect(evaluation.roles == descriptor.roles)
            // Every declared default is accepted when given explicitly.
            var defaults: [String: String] = [:]
            for option in descriptor.options { defaults[option.name] = option.defaultValue }
            _ = try descriptor.evaluation(options: defaults.compactMapValues { $0 })
            // The quick profile's options are valid values, and an evaluation with long samples (an agent, a
            // conversation with another role) declares a smaller quick budget than the standard one.
            _ = try descriptor.evaluation(options: descriptor.quick.options)
            let longSamples = descriptor.options.contains { $0.name == "message-limit" } || !descriptor.roles.isEmpty
            if longSamples && descriptor.name != PersuasionRatingEvaluation.name {
                #expect((descriptor.quick.samples ?? .max) < CardProfile.quickLimit, "\(descriptor.name)")
                #expect(!descriptor.quick.options.isEmpty, "\(descriptor.name)")
            }
            for indicator in descriptor.indicators {
                #expect(indicator.evaluation == descriptor.name)
                #expect(evaluation.metrics.contains { $0.name == indicator.metricLabel.split(separator: "[").first.map(String.init) })
            }
        }
        // The data catalogue is the union of the descriptors' datasets, each once.
        #expect(Set(DataCatalog.entries.map(\.name)) == Set(registry.descriptors.flatMap(\.data).map(\.name)))
        #expect(DataCatalog.entries.count == Set(DataCatalog.entries.map(\.name)).count)
        #expect(try DataCatalog.entry(named: "harmbench").files.count == 1)
    }

    @Test func aRegistryCanBeExtended() throws {
        let registry = EvaluationRegistry.builtIn.adding(Self.descriptor)
        #expect(registry.names.last == "probe")
        #expect(try registry.evaluation(named: "probe").name == "probe")
        #expect(!EvaluationRegistry.builtIn.names.contains("probe"))
    }
}
