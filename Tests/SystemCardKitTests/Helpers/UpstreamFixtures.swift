import Foundation
@testable import SystemCardKit

/// The fixtures `scripts/upstream-fixtures/generate.py` writes from upstream code (labels, letters and digests;
/// never upstream's prompt text), and where the pinned upstream files themselves can be found for the tests that
/// render with them: `$SYSTEMCARD_TEST_UPSTREAM_DIR` (a data folder after `systemcard data fetch xstest simpleqa`),
/// else the shared datasets.
enum UpstreamFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/upstream").standardizedFileURL

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static var dataDirectory: DataDirectory {
        if let path = ProcessInfo.processInfo.environment["SYSTEMCARD_TEST_UPSTREAM_DIR"], !path.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: path))
        }
        return SharedData.directory
    }

    static func has(_ file: DataCatalog.RemoteFile) -> Bool {
        FileManager.default.fileExists(atPath: dataDirectory.url.appendingPathComponent(file.path).path)
    }

    struct StringMatchLabels: Decodable {
        var labels: [String: String]
        var completions_sha256: String
    }

    struct Rendered: Decodable {
        var sha256: String
        var row: Int?
        var id: String?
        var answer: String?
    }

    struct SimpleQAGrader: Decodable {
        struct Reply: Decodable {
            var reply: String
            var letter: String
            var matched: Bool
        }
        var upstream_sha256: String
        var template_sha256: String
        var rendered: [Rendered]
        var replies: [Reply]
    }

    struct XSTestJudge: Decodable {
        var upstream_sha256: String
        var rendered: [Rendered]
    }
}
