import AsyncHTTPClient
import Foundation
import SystemCardTestSupport
import Synchronization
import Testing
@testable import SystemCardKit

@Suite struct DataFetcherTests {
    static let content = Data("id,prompt\n1,hello\n".utf8)

    static func entry(sha256: String) -> DataCatalog.Entry {
        DataCatalog.Entry(
            name: "tiny", summary: "", license: "",
            files: [DataCatalog.RemoteFile(path: "tiny/data.csv", url: "http://127.0.0.1:9/unused", sha256: sha256, bytes: content.count)])
    }

    static func withMirror(_ body: (HTTPClient, String, DataDirectory) async throws -> Void) async throws {
        let server = try await FakeChatServer.start(files: ["tiny/data.csv": content]) { _ in .answer("") }
        let client = ModelFactory.makeHTTPClient(maxConnections: 1)
        let temporary = try TemporaryDirectory()
        let mirror = "http://127.0.0.1:\(server.port)/files/"
        do {
            try await body(client, mirror, DataDirectory(url: temporary.url))
        } catch {
            await ModelFactory.shutdown(client)
            await server.stop()
            temporary.remove()
            throw error
        }
        await ModelFactory.shutdown(client)
        await server.stop()
        temporary.remove()
    }

    @Test func downloadsVerifiesAndThenFindsTheFilePresent() async throws {
        try await Self.withMirror { client, mirror, directory in
            let fetcher = DataFetcher(httpClient: client, directory: directory, mirror: mirror)
            let entry = Self.entry(sha256: SHA256Digest.hex(Self.content))
            let first = try await fetcher.fetch(entry)
            #expect(first.map(\.1) == [.downloaded])
            let installed = directory.url.appendingPathComponent("tiny/data.csv")
            #expect(try Data(contentsOf: installed) == Self.content)
            #expect(!FileManager.default.fileExists(atPath: installed.path + ".partial"))
            let second = try await fetcher.fetch(entry)
            #expect(second.map(\.1) == [.alreadyPresent])
        }
    }

    @Test func aDigestMismatchInstallsNothing() async throws {
        try await Self.withMirror { client, mirror, directory in
            let fetcher = DataFetcher(httpClient: client, directory: directory, mirror: mirror)
            let wrong = String(repeating: "0", count: 64)
            let error = await #expect(throws: SystemCardError.self) { _ = try await fetcher.fetch(Self.entry(sha256: wrong)) }
            #expect(error?.message.contains("expected \(wrong)") == true)
            #expect(error?.message.contains("not installed") == true)
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("tiny/data.csv").path))
        }
    }

    @Test func aMissingFileOnTheMirrorIsAnHTTPError() async throws {
        try await Self.withMirror { client, mirror, directory in
            let fetcher = DataFetcher(httpClient: client, directory: directory, mirror: mirror + "elsewhere/")
            let error = await #expect(throws: SystemCardError.self) {
                _ = try await fetcher.fetch(Self.entry(sha256: SHA256Digest.hex(Self.content)))
            }
            #expect(error?.message.contains("HTTP 404") == true)
        }
    }

    @Test func anUnpinnedFileIsRefusedUnlessAllowedAndThenCheckedAgainstItsRecordedDigest() async throws {
        try await Self.withMirror { client, mirror, directory in
            let entry = Self.entry(sha256: "")
            let strict = DataFetcher(httpClient: client, directory: directory, mirror: mirror)
            let refused = await #expect(throws: SystemCardError.self) { _ = try await strict.fetch(entry) }
            #expect(refused?.message.contains("--allow-unpinned") == true)
            let installed = directory.url.appendingPathComponent("tiny/data.csv")
            #expect(!FileManager.default.fileExists(atPath: installed.path))

            let lenient = DataFetcher(httpClient: client, directory: directory, mirror: mirror, allowUnpinned: true)
            #expect(try await lenient.fetch(entry).map(\.1) == [.downloaded])
            let recorded = try String(contentsOf: DataFetcher.recordedDigestURL(for: installed), encoding: .utf8)
            #expect(recorded == SHA256Digest.hex(Self.content) + "\n")
            #expect(try await strict.fetch(entry).map(\.1) == [.alreadyPresent])

            try Data("id,prompt\n1,tampered\n".utf8).write(to: installed)
            let changed = await #expect(throws: SystemCardError.self) { _ = try await strict.fetch(entry) }
            #expect(changed?.message.contains("changed since it was installed") == true)
        }
    }

    /// A file at a content-addressed URL (a Hugging Face revision) needs no --allow-unpinned: its digest is recorded
    /// on first download and checked afterwards; when its URL cannot be reached, its fallback is tried.
    @Test func aRevisionPinnedFileIsFetchedRecordedAndCheckedAndFallsBack() async throws {
        try await Self.withMirror { client, mirror, directory in
            let entry = DataCatalog.Entry(
                name: "tiny", summary: "", license: "",
                files: [DataCatalog.RemoteFile(
                    path: "tiny/data.csv", url: mirror + "gone/tiny/data.csv", sha256: "", bytes: 0, revisionPinned: true,
                    fallbackURL: mirror + "tiny/data.csv")])
            #expect(entry.files[0].pin == "revision")
            let fetcher = DataFetcher(httpClient: client, directory: directory)
            let lines = Mutex<[String]>([])
            #expect(try await fetcher.fetch(entry, log: { line in lines.withLock { $0.append(line) } }).map(\.1) == [.downloaded])
            #expect(lines.withLock { $0 }.contains { $0.contains("HTTP 404") && $0.contains("trying") })
            let installed = directory.url.appendingPathComponent("tiny/data.csv")
            #expect(try Data(contentsOf: installed) == Self.content)
            #expect(try String(contentsOf: DataFetcher.recordedDigestURL(for: installed), encoding: .utf8)
                == SHA256Digest.hex(Self.content) + "\n")
            try Data("id,prompt\n1,tampered\n".utf8).write(to: installed)
            let changed = await #expect(throws: SystemCardError.self) { _ = try await fetcher.fetch(entry) }
            #expect(changed?.message.contains("changed since it was installed") == true)
        }
    }

    @Test func mmmluIsFetchedFromOneHuggingFaceRevisionWithTheLFSDigestsPinned() throws {
        let mmmlu = try DataCatalog.entry(named: "mmmlu")
        #expect(mmmlu.files.count == 14)
        #expect(mmmlu.files.allSatisfy { $0.url.contains("/resolve/\(MMMLUData.revision)/test/") && $0.revisionPinned })
        #expect(mmmlu.files.allSatisfy { $0.fallbackURL?.hasPrefix("https://openaipublic.blob.core.windows.net/") == true })
        #expect(mmmlu.files.filter { $0.pin == "sha256" }.map(\.path) == ["mmmlu/mmlu_BN-BD.csv", "mmmlu/mmlu_HI-IN.csv"])
    }

    @Test func catalogKnowsXSTestAndRejectsUnknownNames() throws {
        let xstest = try DataCatalog.entry(named: "xstest")
        #expect(xstest.files.map(\.path).contains(XSTestDataset.promptsFile))
        #expect(xstest.files.map(\.path).contains(XSTestGraderValidation.completionsFile))
        #expect(xstest.files.allSatisfy { $0.sha256.count == 64 })
        let error = #expect(throws: SystemCardError.self) { _ = try DataCatalog.entry(named: "nope") }
        #expect(error?.message.contains("xstest") == true)
    }

    @Test(.enabled(if: SharedData.hasXSTestPrompts && SharedData.hasXSTestCompletions, "XSTest files not found in ../shared/datasets"))
    func sharedFilesMatchThePinnedDigests() throws {
        for file in try DataCatalog.entry(named: "xstest").files {
            let url = SharedData.datasets.appendingPathComponent(file.path)
            #expect(try SHA256Digest.file(url) == file.sha256, "\(file.path)")
            #expect(try Data(contentsOf: url).count == file.bytes, "\(file.path)")
        }
    }

    /// The CBRN and persuasion sets: every catalogued file we hold matches its pinned digest and size, so a
    /// `data fetch` gives exactly the files the tests read.
    @Test(arguments: ["wmdp", "lab-bench", "persuasion-ape"])
    func cbrnAndPersuasionFilesMatchThePinnedDigests(name: String) throws {
        let entry = try DataCatalog.entry(named: name)
        let present = entry.files.filter { SharedData.has($0.path) }
        guard !present.isEmpty else { return }  // ../shared/datasets is absent here
        #expect(present.count == entry.files.count, "\(name): the shared copy lacks some catalogued files")
        for file in present {
            let url = SharedData.datasets.appendingPathComponent(file.path)
            #expect(try SHA256Digest.file(url) == file.sha256, "\(file.path)")
            #expect(try Data(contentsOf: url).count == file.bytes, "\(file.path)")
        }
    }

    @Test func everyBBQCategoryIsPinned() throws {
        let bbq = try DataCatalog.entry(named: "bbq")
        #expect(bbq.files.count == BBQDataset.categories.count)
        #expect(bbq.files.allSatisfy { $0.sha256.count == 64 && $0.url.contains(BBQData.commit) })
    }

    /// The five larger BBQ digests come from a public manifest for the same commit; the six files we hold must
    /// match that catalog exactly, which is what makes the other five trustworthy.
    @Test(.enabled(if: SharedData.has("bbq/data/Age.jsonl"), "BBQ files not found in ../shared/datasets"))
    func sharedBBQFilesMatchThePinnedDigests() throws {
        var checked = 0
        for file in try DataCatalog.entry(named: "bbq").files where SharedData.has(file.path) {
            let url = SharedData.datasets.appendingPathComponent(file.path)
            #expect(try SHA256Digest.file(url) == file.sha256, "\(file.path)")
            if file.bytes > 0 { #expect(try Data(contentsOf: url).count == file.bytes, "\(file.path)") }
            checked += 1
        }
        #expect(checked >= 6)
    }
}
