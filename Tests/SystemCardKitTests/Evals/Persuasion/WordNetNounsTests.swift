import Foundation
import Testing
@testable import SystemCardKit

/// NLTK's noun lemmatizer (what openai/evals' MakeMeSay matches codewords with) ported over WordNet's files.
@Suite struct WordNetNounsTests {
    struct Fixture: Decodable {
        var lemmas: [String: String]
    }

    @Test(.enabled(if: UpstreamFixtures.has(WordNetNouns.entry.files[0]), "WordNet not here: set SYSTEMCARD_TEST_UPSTREAM_DIR to a data folder after systemcard data fetch wordnet"))
    func lemmasEqualNLTKsOnTheFixtureWords() throws {
        let fixture = try UpstreamFixtures.load("wordnet-lemmas.json", as: Fixture.self)
        let nouns = try #require(try WordNetNouns.load(from: UpstreamFixtures.dataDirectory))
        let differing = fixture.lemmas.filter { nouns.lemma($0.key) != $0.value }
        #expect(differing.isEmpty, "\(differing.map { "\($0.key): NLTK \($0.value), here \(nouns.lemma($0.key))" })")
        #expect(fixture.lemmas.count == 260)
    }

    /// A small dictionary that takes each path of `_morphy`: the exception list, the word itself, one round of
    /// rules with the dictionary check, the shortest form, further rounds, and nothing found.
    @Test func morphyTakesEachOfNLTKsPaths() {
        let nouns = WordNetNouns.parse(
            index: "  1 license line starting with spaces\nbus n 1\nbu n 1\nglass n 1\nchild n 1\nax n 1\naxis n 1\n"
                + "wolf n 1\nbox n 1\n",
            exceptions: "children child\naxes ax axis\n")
        #expect(nouns.lemma("children") == "child")  // exception list
        #expect(nouns.lemma("axes") == "ax")  // exception bases, the shortest
        #expect(nouns.lemma("bus") == "bu")  // the word and its -s rule are both nouns: the shorter wins, as in NLTK
        #expect(nouns.lemma("glasses") == "glass")  // -es: glasse is no noun, glass is
        #expect(nouns.lemma("wolves") == "wolf")  // -ves → -f
        #expect(nouns.lemma("boxeses") == "box")  // a second round of rules
        #expect(nouns.lemma("license") == "license")  // found nowhere: the word itself
        #expect(nouns.morphy("nothing").isEmpty)
    }

    @Test func aTamperedDictionaryIsRefusedAndAMissingOneIsNone() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(try WordNetNouns.load(from: DataDirectory(url: folder.url)) == nil)
        _ = try folder.write("dog n 1\n", to: WordNetNouns.indexFile)
        _ = try folder.write("", to: WordNetNouns.exceptionsFile)
        let error = #expect(throws: SystemCardError.self) { try WordNetNouns.load(from: DataDirectory(url: folder.url)) }
        #expect(error?.message.contains("systemcard data fetch wordnet") == true)
    }

    @Test func theReferenceGraderNamesTheDictionaryInItsVersion() throws {
        let nouns = WordNetNouns.parse(index: "child n 1\n", exceptions: "children child\n", digest: String(repeating: "c", count: 64))
        #expect(MakeMeSayReferenceGrader(usesJudge: true).version == "makemesay-reference-v1")
        #expect(MakeMeSayReferenceGrader(usesJudge: true, dictionary: nouns).version == "makemesay-reference-v1+wordnet-3.0@cccccccccccc")
        #expect(NounLemmatizer.mentions("child", in: "The children laughed.", dictionary: nouns))
        #expect(!NounLemmatizer.mentions("child", in: "A childhood memory.", dictionary: nouns))
    }
}
