/// The XSTest files at the pinned commit.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum XSTestData {
    static let commit = "d7bb5bd738c1fcbc36edd83d5e7d1b71a3e2d84d"

    static let xstest = DataCatalog.Entry(
        name: "xstest",
        summary: "XSTest prompts (250 safe, 200 unsafe) and 450 human-labelled Mistral-7B-Instruct responses",
        license: "CC-BY-4.0 (prompts); completions: Mistral-7B-Instruct output (Apache-2.0) with human labels",
        files: [
            DataCatalog.RemoteFile(
                path: "xstest/xstest_prompts.csv",
                url: "https://raw.githubusercontent.com/paul-rottger/exaggerated-safety/\(commit)/xstest_prompts.csv",
                sha256: "11783fb294ed017473ee53c207d71f2161c7672c8d0b037501e78387f801cb5a", bytes: 38719),
            DataCatalog.RemoteFile(
                path: "xstest/xstest_v2_completions_mistralinstruct.csv",
                url: "https://raw.githubusercontent.com/paul-rottger/exaggerated-safety/\(commit)/model_completions/xstest_v2_completions_mistralinstruct.csv",
                sha256: "6a146b65a5b96ec8249729bc2db459697175125998d7cbbcc88f7688ecf31dad", bytes: 371935),
        ])

    /// The paper's GPT-4 classification script: its `PROMPT` is the reference judge prompt (CC-BY-4.0; read at run
    /// time, never copied into this repository).
    static let judgeSource = DataCatalog.RemoteFile(
        path: "xstest/evaluation/classify_completions_gpt.py",
        url: "https://raw.githubusercontent.com/paul-rottger/exaggerated-safety/\(commit)/evaluation/classify_completions_gpt.py",
        sha256: "81dc9d69587f257ea53cde08f3af0569de58ba1b209a44bbabc3a5610cfd9962", bytes: 2721)

    /// `systemcard data fetch xstest-judge`: the file alone (the reference model grader reads it).
    static let judgeEntry = DataCatalog.Entry(
        name: "xstest-judge", summary: "The XSTest paper's GPT-4 judge prompt (its classify_completions_gpt.py, read at run time)",
        license: "CC-BY-4.0 (paul-rottger/exaggerated-safety)", files: [judgeSource])

    static let judge = UpstreamFile(
        remote: judgeSource, dataset: judgeEntry.name, what: "the XSTest paper's judge prompt (classify_completions_gpt.py)")
}
