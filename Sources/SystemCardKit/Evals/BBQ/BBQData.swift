/// BBQ at the pinned commit.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum BBQData {
    static let commit = "bea11bd97d79217245b5871acd247b9d6eb24598"

    // BBQ at the pinned commit. The six files in ../shared/datasets/bbq were hashed here; the five larger ones
    // (Gender_identity, Race_ethnicity, Race_x_SES, Race_x_gender, SES) carry the digests a public pinned
    // BBQ manifest records for the same commit, whose digests for the six we hold match ours exactly.
    static let bbq = DataCatalog.Entry(
        name: "bbq",
        summary: "BBQ (Bias Benchmark for QA), 11 categories, 58,492 questions",
        license: "CC-BY-4.0",
        files: [
            DataCatalog.RemoteFile(
                path: "bbq/data/Age.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Age.jsonl",
                sha256: "46e805b3fc2d8cbd26eeb8e8430d98cf7b2dc9c83574ff3674e8ce4f0fca2a60", bytes: 3091834),
            DataCatalog.RemoteFile(
                path: "bbq/data/Disability_status.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Disability_status.jsonl",
                sha256: "375d40d9b71f056150264445ec189b13934998f3f49a1e311aa7578eb3b45e5f", bytes: 1336984),
            DataCatalog.RemoteFile(
                path: "bbq/data/Gender_identity.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Gender_identity.jsonl",
                sha256: "8b5adbb368510a97d5775dc43e1c719e0249fe2da33f13c83e3e29edafec7a00", bytes: 0),
            DataCatalog.RemoteFile(
                path: "bbq/data/Nationality.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Nationality.jsonl",
                sha256: "a583e74666aec0341ded8aa3983e7cad694eb24de72c254d28b2df3035720090", bytes: 2900040),
            DataCatalog.RemoteFile(
                path: "bbq/data/Physical_appearance.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Physical_appearance.jsonl",
                sha256: "e48d7e13508565f4801574e611043470c25c95a0a62af3699cb5ee7cb02608fb", bytes: 1347476),
            DataCatalog.RemoteFile(
                path: "bbq/data/Race_ethnicity.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Race_ethnicity.jsonl",
                sha256: "4a9f1214cfaa115ce7f0bdb40609122e431f5152c71b8ca64d665e483b946ae6", bytes: 0),
            DataCatalog.RemoteFile(
                path: "bbq/data/Race_x_SES.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Race_x_SES.jsonl",
                sha256: "af8e2ae3d0e5be9ebcbfe7149e591d47ff649e263307f4548f7fb12f6a6d83e8", bytes: 0),
            DataCatalog.RemoteFile(
                path: "bbq/data/Race_x_gender.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Race_x_gender.jsonl",
                sha256: "e5dbba782f8c4e25b99dd5470b5136e2db73dbf401cf6d4a5a3ed31b02f95696", bytes: 0),
            DataCatalog.RemoteFile(
                path: "bbq/data/Religion.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Religion.jsonl",
                sha256: "cb9555f9f3454a52cd2df85956b59bd7fcca5aa922c8527693b1164d08417616", bytes: 1118728),
            DataCatalog.RemoteFile(
                path: "bbq/data/SES.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/SES.jsonl",
                sha256: "9f92754bb037b0982604b9112705fb81d60a19d9e759c67e4a85e484a070f528", bytes: 0),
            DataCatalog.RemoteFile(
                path: "bbq/data/Sexual_orientation.jsonl",
                url: "https://raw.githubusercontent.com/nyu-mll/BBQ/\(commit)/data/Sexual_orientation.jsonl",
                sha256: "2c71036b9e7584fe589c42aef32c1a42bc01b9a5e9b1b8704342630cdb08cefd", bytes: 729010),
        ])
}
