/// The datasets `systemcard data fetch` can download: upstream URL, pinned SHA-256 and size of each file,
/// placed in the data directory under the upstream layout.
public enum DataCatalog {
    public struct RemoteFile: Sendable, Hashable {
        /// Path under the data directory, e.g. `xstest/xstest_prompts.csv`.
        public var path: String
        public var url: String
        public var sha256: String
        public var bytes: Int
    }

    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var license: String
        public var files: [RemoteFile]
    }

    static let xstestCommit = "d7bb5bd738c1fcbc36edd83d5e7d1b71a3e2d84d"

    public static let entries: [Entry] = [
        Entry(
            name: "xstest",
            summary: "XSTest prompts (250 safe, 200 unsafe) and 450 human-labelled Mistral-7B-Instruct responses",
            license: "CC-BY-4.0 (prompts); completions: Mistral-7B-Instruct output (Apache-2.0) with human labels",
            files: [
                RemoteFile(
                    path: "xstest/xstest_prompts.csv",
                    url: "https://raw.githubusercontent.com/paul-rottger/exaggerated-safety/\(xstestCommit)/xstest_prompts.csv",
                    sha256: "11783fb294ed017473ee53c207d71f2161c7672c8d0b037501e78387f801cb5a", bytes: 38719),
                RemoteFile(
                    path: "xstest/xstest_v2_completions_mistralinstruct.csv",
                    url: "https://raw.githubusercontent.com/paul-rottger/exaggerated-safety/\(xstestCommit)/model_completions/xstest_v2_completions_mistralinstruct.csv",
                    sha256: "6a146b65a5b96ec8249729bc2db459697175125998d7cbbcc88f7688ecf31dad", bytes: 371935),
            ])
    ]

    public static func entry(named name: String) throws -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown dataset '\(name)'; available: \(entries.map(\.name).joined(separator: ", "))")
        }
        return entry
    }
}
