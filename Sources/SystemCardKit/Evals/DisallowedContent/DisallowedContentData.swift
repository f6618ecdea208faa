/// HarmBench and JailbreakBench behaviours.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum DisallowedContentData {
    static let harmbench = DataCatalog.Entry(
        name: "harmbench",
        summary: "HarmBench text behaviours, test split (320: standard, contextual, copyright)",
        license: "MIT (centerforaisafety/HarmBench); contextual behaviours quote short third-party excerpts",
        files: [
            DataCatalog.RemoteFile(
                path: "harmbench/harmbench_behaviors_text_test.csv",
                url: "https://raw.githubusercontent.com/centerforaisafety/HarmBench/8e1604d1171fe8a48d8febecd22f600e462bdcdd/data/behavior_datasets/harmbench_behaviors_text_test.csv",
                sha256: "75d257b3e7428c52eb7b0154318f455af3e01b09a3794b5e2f3d36054f3c0e29", bytes: 160828)
        ])

    static let jbbBehaviors = DataCatalog.Entry(
        name: "jbb-behaviors",
        summary: "JailbreakBench's 100 harmful behaviours (from an artifact file whose responses are all refusals)",
        license: "MIT (JailbreakBench/artifacts)",
        files: [
            DataCatalog.RemoteFile(
                path: "jbb-behaviors/JBC_manual_llama-2-7b-chat-hf.json",
                url: "https://raw.githubusercontent.com/JailbreakBench/artifacts/909e68c01d94222b8ad2e397a017e2e12e2adb73/attack-artifacts/JBC/manual/llama-2-7b-chat-hf.json",
                sha256: "1607a5a5b9f50abc7f2ff9e07b7257dfde7228b88cfdf73c20f5f56108ffdd23", bytes: 305856)
        ])
}
