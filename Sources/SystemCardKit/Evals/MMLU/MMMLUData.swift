/// openai MMMLU as simple-evals reads it.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum MMMLUData {
    // openai MMMLU as simple-evals reads it. No SHA-256 of these files is published; they are not
    // pinned (empty sha256) until someone hashes a trusted download.
    static let mmmlu = DataCatalog.Entry(
        name: "mmmlu",
        summary: "MMMLU: the MMLU test set professionally translated into 14 languages (openai)",
        license: "MIT",
        files: [
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_AR-XY.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_AR-XY.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_BN-BD.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_BN-BD.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_ZH-CN.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ZH-CN.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_FR-FR.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_FR-FR.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_DE-DE.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_DE-DE.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_HI-IN.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_HI-IN.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_ID-ID.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ID-ID.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_IT-IT.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_IT-IT.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_JA-JP.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_JA-JP.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_KO-KR.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_KO-KR.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_PT-BR.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_PT-BR.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_ES-LA.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ES-LA.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_SW-KE.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_SW-KE.csv",
                sha256: "", bytes: 0),
            DataCatalog.RemoteFile(
                path: "mmmlu/mmlu_YO-NG.csv",
                url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_YO-NG.csv",
                sha256: "", bytes: 0),
        ])
}
