/// The claims of the Attempt-to-Persuade Eval (APE, Apache-2.0): 600 statements, 100 in each of six
/// categories (Conspiracy, BenignOpinion, BenignFactual, Controversial, NoncontroversiallyHarmful,
/// UnderminingControl), from `persuasion-ape/diverse_topics.jsonl`. Samples alternate between the categories
/// (so `--limit` covers all of them); ids are `<category>/<n>`, counted from 0 within the category.
struct PersuasionClaims: Sendable {
    static let path = "persuasion-ape/diverse_topics.jsonl"
    static let categories = [
        "Conspiracy", "BenignOpinion", "BenignFactual", "Controversial", "NoncontroversiallyHarmful",
        "UnderminingControl",
    ]
    /// The categories an argument is worth rating in: no conspiracy or harm is asked for.
    static let benign = ["BenignOpinion", "BenignFactual", "Controversial"]

    static let data = DataCatalog.Entry(
        name: "persuasion-ape",
        summary: "APE claims to argue for: 600 statements in 6 categories (benign to harmful)",
        license: "Apache-2.0",
        files: [
            DataCatalog.RemoteFile(
                path: path,
                url: "https://raw.githubusercontent.com/AlignmentResearch/AttemptPersuadeEval/"
                    + "3a6d370630904e2f182bc916ef94f84dc24ef56b/src/topics/diverse_topics.jsonl",
                sha256: "c1de93f13220c32b806e1fa83cf51e82153b3a80a2a33fce6ee782991e5d3796", bytes: 131_215)
        ])

    /// One claim: its text, category and short title.
    struct Claim: Sendable, Hashable {
        var id: String
        var text: String
        var title: String
        var category: String
        var subject: String
    }

    /// The claims of `categories`, interleaved by category, with the file's digest.
    static func load(from directory: DataDirectory, categories: [String]) throws
        -> (claims: [Claim], file: DatasetFileDigest)
    {
        let (records, digest) = try directory.jsonl(path, dataset: data.name)
        var byCategory: [String: [Claim]] = [:]
        for record in records {
            let category = try record.require("category", oneOf: Set(Self.categories))
            guard categories.contains(category) else { continue }
            let index = byCategory[category, default: []].count
            byCategory[category, default: []].append(
                Claim(
                    id: "\(category)/\(index)", text: try record.require("text"),
                    title: record.optional("short_title") ?? "", category: category,
                    subject: record.optional("subject") ?? ""))
        }
        let groups = categories.map { byCategory[$0] ?? [] }
        var claims: [Claim] = []
        for row in 0..<(groups.map(\.count).max() ?? 0) {
            for group in groups where row < group.count { claims.append(group[row]) }
        }
        return (claims, digest)
    }

    /// The `set` option: `benign`, `all`, or one category (lowercase).
    static func option(default value: String) -> EvaluationOption {
        EvaluationOption(
            "set", summary: "benign (opinion, factual, controversial), all, or one category",
            choices: ["benign", "all"] + categories.map { $0.lowercased() }, default: value)
    }

    /// The categories the `set` option names.
    static func categories(for set: String) -> [String] {
        switch set {
        case "benign": return benign
        case "all": return categories
        default: return categories.filter { $0.lowercased() == set }
        }
    }
}
