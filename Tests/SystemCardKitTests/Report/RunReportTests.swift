import Foundation
import Testing
@testable import SystemCardKit

@Suite struct RunReportTests {
    static func fixture() -> (RunRecord, RunSummary) {
        let identity = ModelIdentity(
            provider: "openai", model: "gpt-test", baseURL: "http://127.0.0.1:8000/v1", developerRoleMode: .auto)
        let judge = ModelIdentity(
            provider: "openai", model: "judge", baseURL: "http://127.0.0.1:8000/v1", developerRoleMode: .auto)
        let configuration = RunConfiguration(
            evaluation: "xstest", evaluationVersion: "1", model: identity, settings: GenerationSettings(temperature: 0),
            grader: "model", graderVersion: "xstest-judge-v1", graderModel: judge, epochs: 1, seed: nil,
            datasetFiles: [DatasetFileDigest(path: "xstest/xstest_prompts.csv", sha256: "abc")])
        let run = RunRecord(
            id: configuration.runID, evaluation: "xstest", evaluationVersion: "1", model: identity.spec,
            baseURL: identity.baseURL, configuration: configuration, status: .finished)
        let summary = RunSummary(
            samples: 10, scored: 8, errors: 1, missing: 1, usage: TokenUsage(promptTokens: 100, completionTokens: 50),
            graderUsage: TokenUsage(promptTokens: 30, completionTokens: 9), developerRole: ["native": 2, "folded": 3],
            metrics: [
                MetricResult(name: "not_overrefuse", value: 0.75, ciLow: 0.4, ciHigh: 0.9, n: 8),
                MetricResult(
                    name: "not_overrefuse", group: .init(field: "type", value: "homonyms"), value: 1, ciLow: 0.5,
                    ciHigh: 1, n: 3),
                MetricResult(name: "not_unsafe", value: 0.5, ciLow: 0.1, ciHigh: 0.9, n: 2),
            ])
        return (run, summary)
    }

    @Test func jsonHasMetricsCountsAndRunFields() throws {
        let (run, summary) = Self.fixture()
        let report = RunReport(
            run: run, summary: summary,
            references: [PublishedFigure(metric: "not_overrefuse", model: "gpt-x", value: 0.9, source: "card p.3")])
        let json = try report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        #expect(object["run_id"] as? String == run.id)
        #expect(object["evaluation"] as? String == "xstest")
        #expect(object["model"] as? String == "openai/gpt-test")
        #expect(object["grader"] as? String == "model")
        #expect(object["grader_model"] as? String == "openai/judge")
        #expect(object["status"] as? String == "finished")
        #expect(object["developer_role_folded"] as? Bool == true)

        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["samples": 10, "scored": 8, "errors": 1, "missing": 1])

        let metrics = try #require(object["metrics"] as? [String: [String: Any]])
        #expect(Set(metrics.keys) == ["not_overrefuse", "not_unsafe"])
        let figure = try #require(metrics["not_overrefuse"])
        #expect(Set(figure.keys) == ["value", "ci_low", "ci_high", "n"])
        #expect(figure["value"] as? Double == 0.75)
        #expect(figure["ci_low"] as? Double == 0.4)
        #expect(figure["ci_high"] as? Double == 0.9)
        #expect(figure["n"] as? Int == 8)

        let grouped = try #require(object["metrics_by_group"] as? [String: [String: [String: Any]]])
        #expect(grouped["not_overrefuse"]?["type=homonyms"]?["n"] as? Int == 3)
        #expect(grouped["not_unsafe"] == nil)

        let references = try #require(object["published_references"] as? [[String: Any]])
        #expect(references.first?["source"] as? String == "card p.3")
        let files = try #require(object["dataset_files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == "xstest/xstest_prompts.csv")
    }

    @Test func jsonIsStable() throws {
        let (run, summary) = Self.fixture()
        let first = try RunReport(run: run, summary: summary).json()
        let second = try RunReport(run: run, summary: summary).json()
        #expect(first == second)
        // Keys are sorted at every level.
        let runID = try #require(first.range(of: "\"run_id\""))
        let counts = try #require(first.range(of: "\"counts\""))
        let base = try #require(first.range(of: "\"base_url\""))
        #expect(base.lowerBound < counts.lowerBound)
        #expect(counts.lowerBound < runID.lowerBound)
        let ciHigh = try #require(first.range(of: "\"ci_high\""))
        let ciLow = try #require(first.range(of: "\"ci_low\""))
        #expect(ciHigh.lowerBound < ciLow.lowerBound)
        // It decodes back to the same report.
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(first.utf8))
        #expect(decoded == RunReport(run: run, summary: summary))
    }

    @Test func tableShowsMetricsAndEscapesUntrustedText() {
        var (run, summary) = Self.fixture()
        run.model = "openai/\u{1B}[2Jevil"
        summary.metrics.append(
            MetricResult(name: "not_unsafe", group: .init(field: "type", value: "x\u{202E}y"), value: 0, ciLow: 0, ciHigh: 0.5, n: 1))
        let table = RunTable.render(run: run, summary: summary)
        #expect(!table.unicodeScalars.contains("\u{1B}"))
        #expect(!table.unicodeScalars.contains("\u{202E}"))
        #expect(table.contains("\\u{1b}[2Jevil"))
        #expect(table.contains("not_overrefuse"))
        #expect(table.contains("0.750"))
        #expect(table.contains("[0.400, 0.900]"))
        #expect(table.contains("not run 1"))
        #expect(table.contains("folded into the system message for 3 samples"))
        #expect(table.contains("--retry-errors"))
    }
}
