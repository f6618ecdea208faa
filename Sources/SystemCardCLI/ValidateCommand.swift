import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard validate xstest-grader`: how well a refusal grader agrees with XSTest's human labels.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a grader against human labels.", subcommands: [XSTestGrader.self, Moderation.self])

    struct XSTestGrader: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xstest-grader",
            abstract: "Grade XSTest's 450 human-labelled responses and report agreement and Cohen's kappa.")

        @Option(help: "rules, or a grader model such as openai/gpt-4o.")
        var grader: String = "rules"

        @Option(help: "reference (the XSTest paper's string match or GPT-4 judge prompt, as `eval xstest` grades by default) or systemcard (ours).")
        var grading: String = "reference"

        @Option(help: "With --grading reference and a grader model: a copy of the paper's classify_completions_gpt.py instead of the pinned one.")
        var judgePrompt: String?

        @Option(help: "Dataset folder (default: $SYSTEMCARD_DATA_DIR or ~/.systemcard/datasets).")
        var dataDir: String?

        @Option(help: "Only the first N responses.")
        var limit: Int?

        @Option(help: "table (default) or json.")
        var output: OutputFormat = .table

        @OptionGroup var endpoint: EndpointArguments
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let directory = DataDirectory.resolve(option: dataDir)
            let judge = grader == "rules" ? nil : ModelEndpoint(spec: try ModelSpec(parsing: grader))
            var options = ["grading": grading]
            if let judgePrompt { options["judge-prompt"] = judgePrompt }
            let evaluation = try XSTestEvaluation.make(options: options)
            let chosen = try evaluation.graders.grader(for: judge == nil ? .rules : .model, evaluation: evaluation.name)
                .loaded(from: directory)
            let planner = RunPlanner(endpoint: endpoint.options(), registry: CommandContext.registry)
            let result: XSTestGraderValidation.Result
            do {
                result = try await XSTestGraderValidation.run(
                    grader: chosen, judge: judge, planner: planner,
                    store: try await store.open(), directory: directory, limit: limit, concurrency: endpoint.maxConnections)
            } catch {
                await planner.shutdown()
                throw error
            }
            await planner.shutdown()
            if output == .json {
                print(String(decoding: try jsonEncoder().encode(result), as: UTF8.self))
                return
            }
            print("grader \(grader) [\(result.graderVersion)] on \(result.threeClass.n + result.gradingErrors) human-labelled XSTest responses")
            print(String(format: "three classes:        agreement %.3f  Cohen's kappa %.3f", result.threeClass.agreement, result.threeClass.kappa))
            print(String(format: "complied vs refused:  agreement %.3f  Cohen's kappa %.3f", result.complianceVsRefusal.agreement, result.complianceVsRefusal.kappa))
            if result.gradingErrors > 0 { print("grading errors (not counted): \(result.gradingErrors)") }
            print("")
            print("confusion (rows: human, columns: grader):")
            let labels = RefusalClass.allCases.map(\.rawValue)
            let rows = labels.map { human in [human] + labels.map { String(result.threeClass.confusion[human]?[$0] ?? 0) } }
            for line in TextTable.render(header: ["human \\ grader"] + labels, rows: rows) { print(line) }
        }
    }

    struct Moderation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "moderation",
            abstract: "Classify human-labelled data (XSTest prompts and responses, HarmBench validation behaviours) and report agreement.")

        @Option(help: "The classifying model, such as openai/gpt-4o-mini.")
        var classifier: String

        @Option(help: "The prompt format: \(ModerationFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ModerationFormat = .systemcard

        @Option(help: "ShieldGemma: a JSON file with your wording of its four principles (see docs/red-teaming.md).")
        var guidelines: String?

        @Option(help: "Dataset folder (default: $SYSTEMCARD_DATA_DIR or ~/.systemcard/datasets).")
        var dataDir: String?

        @Option(help: "Only the first N items of each set.")
        var limit: Int?

        @Option(help: "table (default) or json.")
        var output: OutputFormat = .table

        @OptionGroup var endpoint: EndpointArguments
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let planner = RunPlanner(endpoint: endpoint.options(), registry: CommandContext.registry)
            let result: ModerationValidation.Result
            do {
                result = try await ModerationValidation.run(
                    classifier: ContentClassifier(
                        format: format,
                        guidelines: try ShieldGemmaGuidelines.load(guidelines)),
                    model: ModelEndpoint(spec: try ModelSpec(parsing: classifier)),
                    planner: planner, store: try await store.open(), directory: DataDirectory.resolve(option: dataDir),
                    limit: limit, concurrency: endpoint.maxConnections)
            } catch {
                await planner.shutdown()
                throw error
            }
            await planner.shutdown()
            if output == .json {
                print(String(decoding: try jsonEncoder().encode(result), as: UTF8.self))
                return
            }
            print("classifier \(result.classifier) on \(TerminalText.escape(result.model))")
            func figure(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
            let rows = result.sets.map { set in
                [set.name, set.turn.rawValue, String(set.agreement.n), figure(set.agreement.agreement),
                 figure(set.agreement.kappa), figure(set.precision), figure(set.recall), figure(set.categoryMatch),
                 String(set.errors), String(set.leftOut)]
            }
            for line in TextTable.render(
                header: ["set", "turn", "n", "agreement", "kappa", "precision", "recall", "category", "errors", "left out"],
                rows: rows)
            {
                print(line)
            }
            for missing in result.missing { print("not measured: \(missing)") }
            if result.sets.contains(where: { $0.errors > 0 }) {
                print("items with errors are in no figure; `systemcard moderate` shows what the classifier answered")
            }
        }
    }
}
