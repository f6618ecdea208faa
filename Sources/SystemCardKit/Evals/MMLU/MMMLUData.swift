/// openai MMMLU, the files simple-evals reads.
/// Remote files for `systemcard data fetch` (each evaluation that reads them lists them).
enum MMMLUData {
    /// The Hugging Face commit of `openai/MMMLU` that uploaded the 14 test files: a revision is an immutable content
    /// address, so every file is fetched from a revision-pinned URL. openai publishes no digests; Git LFS publishes
    /// the two files it stores (Bengali, Hindi), which are pinned by SHA-256; the other twelve are checked against
    /// the digest recorded at their first download (`revisionPinned`). openai's public blob copy is the fallback.
    static let revision = "64d5b3a05a263d14426f109345c38abaa7c7948d"

    static let mmmlu = DataCatalog.Entry(
        name: "mmmlu",
        summary: "MMMLU: the MMLU test set professionally translated into 14 languages (openai; Hugging Face revision 64d5b3a)",
        license: "MIT",
        files: [
            file("AR-XY", sha256: "", bytes: 0),
            file("BN-BD", sha256: "c2054362b43ca2d2a2d4544ee0c64c6eb1fae5d461d0a460c8e40aaefda4bbbf", bytes: 16_286_391),
            file("ZH-CN", sha256: "", bytes: 0),
            file("FR-FR", sha256: "", bytes: 0),
            file("DE-DE", sha256: "", bytes: 0),
            file("HI-IN", sha256: "2901b1633e80d66c47ea3fc5d38fcb5c545d00d741b7c7d7705a559227143109", bytes: 0),
            file("ID-ID", sha256: "", bytes: 0),
            file("IT-IT", sha256: "", bytes: 0),
            file("JA-JP", sha256: "", bytes: 0),
            file("KO-KR", sha256: "", bytes: 0),
            file("PT-BR", sha256: "", bytes: 0),
            file("ES-LA", sha256: "", bytes: 0),
            file("SW-KE", sha256: "", bytes: 0),
            file("YO-NG", sha256: "", bytes: 0),
        ])

    static func file(_ language: String, sha256: String, bytes: Int) -> DataCatalog.RemoteFile {
        DataCatalog.RemoteFile(
            path: "mmmlu/mmlu_\(language).csv",
            url: "https://huggingface.co/datasets/openai/MMMLU/resolve/\(revision)/test/mmlu_\(language).csv",
            sha256: sha256, bytes: bytes, revisionPinned: true,
            fallbackURL: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_\(language).csv")
    }
}
