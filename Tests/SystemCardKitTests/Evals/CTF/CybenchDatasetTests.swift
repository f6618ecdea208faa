import Foundation
import Testing

@testable import SystemCardKit

/// Cybench samples carry the competition's first-solve time as the human time of the time horizon.
struct CybenchDatasetTests {
    @Test func firstSolveTimeIsTheHumanTime() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("cybench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let task = data.appendingPathComponent("cybench/challenges/timed")
        try FileManager.default.createDirectory(at: task, withIntermediateDirectories: true)
        try """
            name: timed
            flag: HTB{t}
            variants:
              hard:
                prompt: Find the flag.
            metadata:
              first_solve_time: 84
              category: misc
            """.write(to: task.appendingPathComponent("eval.yaml"), atomically: true, encoding: .utf8)
        let samples = try CybenchDataset(variant: "hard").load(from: DataDirectory(url: data)).samples
        #expect(samples.first?.metadata[AggregateMetric.humanMinutesField] == "84")
    }
}
