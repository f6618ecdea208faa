import Foundation
import Testing
@testable import SystemCardKit

/// Evaluations defined in a YAML file: parsing with file:line:column errors, templates, graders and metrics.
@Suite struct FileEvaluationTests {
    static let csv = "id,country,capital,continent,difficulty\nfr,France,Paris,Europe,easy\njp,Japan,Tokyo,Asia,easy\nbt,Bhutan,Thimphu,Asia,hard\n"

    static func write(_ yaml: String, csv: String = Self.csv) throws -> (TemporaryDirectory, URL) {
        let folder = try TemporaryDirectory()
        _ = try folder.write(csv, to: "capitals.csv")
        return (folder, try folder.write(yaml, to: "capitals.yaml"))
    }

    static let valid = """
        name: capital-cities
        section: hallucination
        dataset: {file: capitals.csv, id: id}
        prompt:
          system: Answer with the city only.
          user: What is the capital of {{ country }}?
        target: "{{capital}}"
        grader: {type: exact, ignore_case: true}
        metrics:
          - name: accuracy
            group_by: [continent]
          - name: accuracy_hard
            where: {difficulty: hard}
        published:
          - {metric: accuracy, model: o3-mini, value: 0.9, source: a report}
        """

    @Test func aValidFileBecomesAnEvaluationWithItsSamplesMetricsAndFigures() throws {
        let (folder, url) = try Self.write(Self.valid)
        defer { folder.remove() }
        let descriptor = try FileEvaluation.load(contentsOf: url)
        #expect(descriptor.name == "capital-cities")
        #expect(descriptor.section == .hallucination)
        let evaluation = try descriptor.evaluation()
        #expect(evaluation.version.hasPrefix("file-"))
        #expect(evaluation.references.map(\.model) == ["o3-mini"])
        let samples = try evaluation.dataset.load(from: DataDirectory(url: folder.url)).samples
        #expect(samples.map(\.id) == ["fr", "jp", "bt"])
        #expect(samples[2].messages.map(\.content) == ["Answer with the city only.", "What is the capital of Bhutan?"])
        #expect(samples[2].target == "Thimphu")
        #expect(samples[2].metadata["continent"] == "Asia")
        #expect(evaluation.metrics.map(\.name) == ["accuracy", "accuracy_hard"])
        #expect(evaluation.metrics[1].includes(samples[2]) && !evaluation.metrics[1].includes(samples[0]))
        // An edited file is another version (a new run, never a resumed old one).
        try Data((Self.valid + "\nsummary: edited\n").utf8).write(to: url)
        #expect(try FileEvaluation.load(contentsOf: url).evaluation().version != evaluation.version)
    }

    @Test func mistakesNameTheFileLineColumnAndTheNearestKey() throws {
        let cases: [(String, String)] = [
            (Self.valid.replacingOccurrences(of: "grader:", with: "grder:"), "capitals.yaml:8:1: unknown key 'grder' (did you mean 'grader'?)"),
            (Self.valid.replacingOccurrences(of: "section: hallucination", with: "section: halucination"),
             "capitals.yaml:2:10: section: unknown section 'halucination' (did you mean 'hallucination'?)"),
            (Self.valid.replacingOccurrences(of: "type: exact", with: "type: exakt"), "unknown grader 'exakt' (did you mean 'exact'?)"),
            (Self.valid.replacingOccurrences(of: "{type: exact, ignore_case: true}", with: "{type: regex, pattern: \"(\"}"),
             "'pattern' is not a valid regular expression"),
            (Self.valid.replacingOccurrences(of: "capitals.csv", with: "capitals.txt"), "must be a .csv or .jsonl file"),
            (Self.valid.replacingOccurrences(of: "name: capital-cities", with: "name: Capital Cities"), "lower-case letters"),
            ("name: x\nsection: bias\ndataset: capitals.csv\nprompt: hi\n", "missing 'target'"),
        ]
        for (yaml, expected) in cases {
            let (folder, url) = try Self.write(yaml)
            defer { folder.remove() }
            let error = #expect(throws: SystemCardError.self) { try FileEvaluation.load(contentsOf: url) }
            #expect(error?.message.contains(expected) == true, "\(error?.message ?? "no error") lacks \(expected)")
        }
    }

    @Test func aTemplateFieldARowLacksNamesTheFileAndLine() throws {
        let (folder, url) = try Self.write(Self.valid.replacingOccurrences(of: "{{ country }}", with: "{{ contry }}"))
        defer { folder.remove() }
        let evaluation = try FileEvaluation.load(contentsOf: url).evaluation()
        let error = #expect(throws: DatasetError.self) { try evaluation.dataset.load(from: DataDirectory(url: folder.url)) }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains("capitals.csv:2"), "\(text)")
        #expect(text.contains("did you mean {{country}}?"), "\(text)")
    }

    @Test func theCodeGradersCompareAsDocumented() async throws {
        let sample = Sample(id: "s", messages: [.user("q")], target: "Paris")
        func grade(_ grader: TextMatchGrader, _ answer: String) async throws -> Double {
            try await grader.grade(sample, output: SolverOutput(completion: answer, transcript: []), context: GraderContext(judge: nil)).value
        }
        #expect(try await grade(TextMatchGrader(rule: .exact, ignoreCase: false), " Paris\n") == 1)
        #expect(try await grade(TextMatchGrader(rule: .exact, ignoreCase: false), "paris") == 0)
        #expect(try await grade(TextMatchGrader(rule: .exact, ignoreCase: true), "paris") == 1)
        #expect(try await grade(TextMatchGrader(rule: .includes, ignoreCase: false), "It is Paris.") == 1)
        #expect(try await grade(TextMatchGrader(rule: .regex("^[A-Z][a-z]+$"), ignoreCase: false), "Lyon") == 1)
        #expect(try await grade(TextMatchGrader(rule: .regex("^[A-Z][a-z]+$"), ignoreCase: false), "lyon city") == 0)
    }

    @Test func multipleChoiceRowsBecomeLetteredQuestions() throws {
        let csv = "q,a,b,c,answer\nWhich is a fruit?,Stone,Apple,Chair,1\n"
        let yaml = "name: mc\nsection: bias\ndataset: capitals.csv\nprompt: \"{{q}}\"\nsolver: multiple-choice\nchoices: [a, b, c]\ntarget: \"{{answer}}\"\n"
        let (folder, url) = try Self.write(yaml, csv: csv)
        defer { folder.remove() }
        let sample = try #require(try FileEvaluation.load(contentsOf: url).evaluation().dataset.load(from: DataDirectory(url: folder.url)).samples.first)
        #expect(sample.target == "B")
        #expect(sample.prompt.contains("A) Stone\nB) Apple\nC) Chair"))
    }
}
