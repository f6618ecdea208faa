/// LAB-Bench (Laurent et al. 2024, FutureHouse, CC-BY-SA-4.0: never copied into this repository) at a
/// pinned commit: the public ProtocolQA, SeqQA, CloningScenarios and LitQA2 files, with the open-answer rows
/// of ProtocolQA and CloningScenarios, for `systemcard data fetch lab-bench`.
enum LabBenchData {
    static let commit = "e379bd9ce7f303f05537d150a9dc0cbc7081e123"

    static func file(_ path: String, sha256: String, bytes: Int) -> DataCatalog.RemoteFile {
        DataCatalog.RemoteFile(
            path: "lab-bench/" + path,
            url: "https://raw.githubusercontent.com/Future-House/LAB-Bench/\(commit)/" + path,
            sha256: sha256, bytes: bytes)
    }

    static let labBench = DataCatalog.Entry(
        name: "lab-bench",
        summary: "LAB-Bench ProtocolQA, SeqQA, CloningScenarios, LitQA2 (public split) and open-answer rows",
        license: "CC-BY-SA-4.0",
        files: [
            file("CloningScenarios/cloningscenarios-v1-openanswer.jsonl", sha256: "9954c84e117e704391beb2e608b81b3f4bd28da03bb39e3f79ac983d7c31b708", bytes: 101_579),
            file("CloningScenarios/cloningscenarios-v1-public.jsonl", sha256: "c033d43480866cbc5568aec2f6a2c5a72fddbeb2ff87e43774e0588b58c4d1cf", bytes: 396_292),
            file("LitQA2/litqa-v2-public.jsonl", sha256: "5970887097edda3231b6b510e65bc13749fd6f31690ea8335d3fb585b3de461a", bytes: 196_048),
            file("ProtocolQA/protocolqa-v1-openanswer.jsonl", sha256: "4ccc200873d4c73e07c6a0ce0b2d6010a36f47f3fbe5963b9738604116691793", bytes: 135_457),
            file("ProtocolQA/protocolqa-v1-public.jsonl", sha256: "08e85d9c0afb85a3919b78a44095eabdc031ad77652da2ccc59407a162bd63a4", bytes: 735_214),
            file("SeqQA/ORF-seq-AAid-v1-public.jsonl", sha256: "1e7a372d1dcbe31c34f031e2decadf678adbf17aac388cc1e7099dd23fcca985", bytes: 82_133),
            file("SeqQA/ORF-seq-AAseq-v1-public.jsonl", sha256: "1b24f9dad3c03ad4c6b6cb13b98d843a1c97a9da30b9bbe669103abf01715310", bytes: 100_172),
            file("SeqQA/ORF-seq-numlen-v1-public.jsonl", sha256: "d1a30f7f711f6e4d0c70ededfd2872d7a19d58f370bcea67fd9c4b1cff255872", bytes: 79_396),
            file("SeqQA/ORF-transeff-v1-public.jsonl", sha256: "21e1e7a97d2fde4848bbc5c5db7a40e96fd5e7682d0db05fe1a860c1b66b02ca", bytes: 187_828),
            file("SeqQA/PCR-gene-enzprimers-v1-public.jsonl", sha256: "fd07d3e9cf5e44e8c6e7d70f84d39878de868f0f6c296d0c80248ffa5d852c5b", bytes: 29_036),
            file("SeqQA/PCR-gene-gibshindprimers-v1-public.jsonl", sha256: "a3c7b0a84c19a9c9c79d5802d4c1e0b5b35719fa22c5555ea081eab24e85daca", bytes: 37_024),
            file("SeqQA/PCR-gene-gibssmaprimers-v1-public.jsonl", sha256: "3430b857ec30fbe5455a188e24d37a6bcf3a2d844457e3d32692ac5d587df367", bytes: 36_954),
            file("SeqQA/PCR-geneprimers-enz-v1-public.jsonl", sha256: "108edb37bba75940c82edb4e95d1216a09b4013ad6e2eea346cbd173ec1e3514", bytes: 22_500),
            file("SeqQA/PCR-len-primers-v1-public.jsonl", sha256: "ebed4d7c3d114afc684f1a82deb648b1acc1f54aba74aa863295c93cbb681577", bytes: 62_558),
            file("SeqQA/PCR-primers-len-v1-public.jsonl", sha256: "5bb867229b4b7c95ccef673a8075ca9c530d7a411fc1dcb61735a3414e193701", bytes: 57_434),
            file("SeqQA/PCR-seq-enzprimers-v1-public.jsonl", sha256: "945536a49a6d067c13f9ff16c4f20d3d5cdb3ecab8ba94f54b6b1a25bea71b43", bytes: 60_939),
            file("SeqQA/PCR-seq-primers-v1-public.jsonl", sha256: "f0d0c19431225d27b3ea3a956274b84e12cc516227fb4ac5dd3e9cd0a3104b41", bytes: 83_634),
            file("SeqQA/Prop-seq-gcpercent-v1-public.jsonl", sha256: "5953270ab0363ee13361e40227a21e136583fa658c94f79a58d4bbd324aa31d5", bytes: 46_326),
            file("SeqQA/RE-seq-lenfrags-v1-public.jsonl", sha256: "e038ba11f3fe00dfb6fb7c8bf7343ec6be69d77e22efb648667e992e69768761", bytes: 58_654),
            file("SeqQA/RE-seq-numfrags-v1-public.jsonl", sha256: "3738857000479f0cc3a7baea24f9c4f52279bc3018d55e5d315e4d91edf06f22", bytes: 55_154),
        ])
}
