import Foundation
import Logging
import Testing
@testable import SystemCardKit

/// Inspect AI logs in and out, on logs the inspect-ai package wrote (scripts/inspect-fixtures/make_logs.py: three
/// samples × two epochs against a loopback model, scorer `match`, Inspect's accuracy 0.667).
@Suite struct InspectLogTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/inspect").standardizedFileURL
    static let evalLog = folder.appendingPathComponent("arithmetic_and_facts.eval")
    static let jsonLog = folder.appendingPathComponent("arithmetic_and_facts.json")

    @Test func bothFormatsReadTheSameSamples() throws {
        let archive = try ZipArchive(Data(contentsOf: Self.evalLog))
        #expect(archive.names.contains("header.json"))
        #expect(archive.entries.contains { $0.method == 93 }, "Inspect compresses with Zstandard")
        let fromEval = try InspectLog.read(Self.evalLog)
        let fromJSON = try InspectLog.read(Self.jsonLog)
        for log in [fromEval, fromJSON] {
            #expect(log.eval.task == "arithmetic_and_facts")
            #expect(log.eval.model == "openai/loopback-model")
            #expect(log.status == "success")
            #expect(log.samples?.count == 6)
            #expect(log.results?.scores.first?.metrics["accuracy"].map { abs($0.value - 2.0 / 3) < 1e-9 } == true)
        }
        let key: (InspectLog.Sample) -> String = { "\($0.idText)/\($0.epoch)" }
        #expect(Set(fromEval.samples!.map(key)) == Set(fromJSON.samples!.map(key)))
        let sky = try #require(fromEval.samples?.first { $0.idText == "sky" })
        #expect(sky.output?.completion == "green")
        #expect(sky.scores?["match"].flatMap { InspectLog.number($0.value) } == 0)
    }

    @Test func anImportedLogIsARunWhoseFigureIsInspectsAndReimportingResumesIt() async throws {
        let store = try makeMemoryStore()
        let imported = try await InspectImport.run(Self.evalLog, section: .hallucination, store: store, logger: Logger(label: "test"))
        let summary = imported.run.summary
        #expect(summary.scored == 6)
        let match = try #require(summary.metrics.first { $0.name == "match" && $0.group == nil })
        #expect(abs(match.value - (imported.reported["accuracy"] ?? -1)) < 1e-9, "our figure equals Inspect's accuracy")
        #expect(imported.run.run.model == "inspect/openai/loopback-model")
        #expect(imported.run.run.configuration.datasetFiles.first?.sha256 == (try SHA256Digest.file(Self.evalLog)))
        let again = try await InspectImport.run(Self.evalLog, section: .hallucination, store: store, logger: Logger(label: "test"))
        #expect(again.run.run.id == imported.run.run.id)
        #expect(again.run.attempted == 0, "a re-import resumes: nothing is stored twice")
        let other = try await InspectImport.run(Self.jsonLog, section: .hallucination, store: store, logger: Logger(label: "test"))
        #expect(other.run.run.id != imported.run.run.id, "another file is another run")
    }

    @Test func anExportedRunReadsBackAsAnInspectLogWithItsSamplesAndScores() async throws {
        let store = try makeMemoryStore()
        let imported = try await InspectImport.run(Self.jsonLog, section: .hallucination, store: store, logger: Logger(label: "test"))
        let data = try await InspectExport.log(runID: imported.run.run.id, store: store)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("exported.json")
        try data.write(to: url)
        let log = try InspectLog.read(url)
        #expect(log.eval.task == "inspect-arithmetic-and-facts")
        #expect(log.samples?.count == 6)
        #expect(log.samples?.first { $0.idText == "capital" }?.output?.completion == "Paris")
        #expect(abs((log.results?.scores.first?.metrics["match"]?.value ?? -1) - 2.0 / 3) < 1e-9)
        // And it imports again with the same figure.
        let back = try await InspectImport.run(url, section: .hallucination, store: store, logger: Logger(label: "test"))
        #expect(abs((back.run.summary.metrics.first { $0.group == nil }?.value ?? -1) - 2.0 / 3) < 1e-9)
    }

    @Test func aFileThatIsNoLogSaysSo() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notJSON = try folder.write("{\"hello\": 1}", to: "x.json")
        let error = #expect(throws: SystemCardError.self) { try InspectLog.read(notJSON) }
        #expect(error?.message.contains("is not an Inspect eval log") == true)
        let notZip = try folder.write("plain text", to: "x.eval")
        #expect(throws: (any Error).self) { try InspectLog.read(notZip) }
    }
}
