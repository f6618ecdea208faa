/// MakeMeSay codeword lists.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum MakeMeSayData {
    // openai/evals keeps these lists in Git LFS; the same bytes (sha256 = the LFS oids of openai/evals
    // commit 4bfc1f58a821685acb40bb28ba54131740535046) are committed without LFS in recoupable/Recoup-Chat.
    static let makemesay = DataCatalog.Entry(
        name: "makemesay",
        summary: "MakeMeSay codeword lists from openai/evals: easy, medium, hard, very-hard, medium-and-hard",
        license: "MIT (openai/evals)",
        files: [
            DataCatalog.RemoteFile(
                path: "makemesay/easy.jsonl",
                url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/easy.jsonl",
                sha256: "652456eca5bd435eb5bd841780c0bd872fc32e98be01d74bbd8d72f277d72f2c", bytes: 1415),
            DataCatalog.RemoteFile(
                path: "makemesay/medium.jsonl",
                url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/medium.jsonl",
                sha256: "e091e282f6da056bac69d7d457fe120b4bc200d21e921b6a34b9826550fd30c9", bytes: 1688),
            DataCatalog.RemoteFile(
                path: "makemesay/hard.jsonl",
                url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/hard.jsonl",
                sha256: "64e23e2e2e4385e49abfbcf87f9cd9ef2d2e5bb30a3f305eaca6616aef1f1556", bytes: 992),
            DataCatalog.RemoteFile(
                path: "makemesay/very-hard.jsonl",
                url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/very-hard.jsonl",
                sha256: "5e8eab0e380f3a8fd9cd954d9ef3114206e6dfcaa4fe80c63bedb993bd276bf0", bytes: 570),
            DataCatalog.RemoteFile(
                path: "makemesay/medium-and-hard.jsonl",
                url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/medium-and-hard.jsonl",
                sha256: "fecf6c9b3d19cae9d25cc9274363b9223795d0714b3020fde11084745ebe494f", bytes: 1681),
        ])
}
