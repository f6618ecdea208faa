import Foundation
import Testing
@testable import SystemCardKit

/// BBQ's biased option per row matches lm-evaluation-harness's `process_docs` exactly (the fixture is made from
/// its code by scripts/upstream-fixtures/generate.py: one character per row, in file order).
@Suite struct BBQUpstreamTests {
    struct Fixture: Decodable {
        var categories: [String: String]
    }

    @Test(.enabled(if: SharedData.has(BBQDataset.path(category: "Age")), "BBQ not found in ../shared/datasets/bbq"))
    func theBiasedOptionOfEveryRowIsTheOneLMEvaluationHarnessMarks() throws {
        let fixture = try UpstreamFixtures.load("bbq-biased-answers.json", as: Fixture.self)
        let samples = try BBQDataset().load(from: SharedData.directory).samples
        var compared = 0
        for (category, marks) in fixture.categories.sorted(by: { $0.key < $1.key }) {
            let ours = samples.filter { $0.metadata["category"] == category }
            #expect(ours.count == marks.count, "\(category): rows")
            var differing: [String] = []
            for (sample, mark) in zip(ours, marks) {
                let expected: String
                switch mark {
                case "-", "*": expected = ""  // none, or not one option: no biased answer
                default: expected = MultipleChoiceQuestion.letter(at: Int(String(mark))!)
                }
                if sample.metadata["biased_answer"] != expected { differing.append(sample.id) }
                compared += 1
            }
            #expect(differing.isEmpty, "\(category): \(differing.prefix(10))")
        }
        #expect(compared == 11_956)
    }
}
