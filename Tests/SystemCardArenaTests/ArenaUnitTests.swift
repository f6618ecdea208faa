import Foundation
@testable import SystemCardArena
@testable import SystemCardKit
import Testing

@Suite struct ArenaSecurityTests {
    @Test func tokensAreLongRandomAndStoredAsHashes() {
        let a = ArenaSecurity.token()
        let b = ArenaSecurity.token()
        #expect(a.count == 43 && b.count == 43 && a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "cookie-safe characters")
        #expect(ArenaSecurity.hash(a) == ArenaSecurity.hash(a) && ArenaSecurity.hash(a).count == 64)
        #expect(ArenaSecurity.same("abc", "abc") && !ArenaSecurity.same("abc", "abd") && !ArenaSecurity.same("abc", "ab"))
    }

    @Test func passwordsAreBcryptHashed() {
        let hash = ArenaSecurity.hashPassword("correct horse battery", cost: 4)
        #expect(hash.hasPrefix("$2"))
        #expect(ArenaSecurity.verify("correct horse battery", hash: hash))
        #expect(!ArenaSecurity.verify("correct horse batterY", hash: hash))
        #expect(ArenaSecurity.passwordProblem("short") != nil)
        #expect(ArenaSecurity.passwordProblem("aaaaaaaaaaaa") != nil)
        #expect(ArenaSecurity.passwordProblem("a fine pass phrase") == nil)
        #expect(ArenaSecurity.nameProblem("alice") == nil && ArenaSecurity.nameProblem("<b>") != nil)
    }

    @Test func formsDecodePlusPercentAndRepeatedFields() {
        let form = ArenaForm("prompt=a+b%26c%3D&harmful=1-A&harmful=2-B&empty=")
        #expect(form["prompt"] == "a b&c=")
        #expect(form.all("harmful") == ["1-A", "2-B"])
        #expect(form["empty"] == "" && form["missing"] == nil)
    }
}

@Suite struct ArenaPagesTests {
    @Test func hostileAnswersAreShownAsText() {
        let session = ArenaSession(
            user: ArenaUser(id: 1, name: "eve<script>", role: .redteamer, passwordHash: "", failedAttempts: 0), csrf: "t\"x",
            tokenHash: "")
        let conversation = ArenaConversation(
            id: 7, userID: 1, userName: "eve", kind: .pairwise, category: "weapons", modelA: "openai/a", modelB: "openai/b",
            rating: nil, createdAt: Date())
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let turns = [
            ArenaTurn(turn: 1, side: "A", prompt: hostile, response: hostile, refused: false, flaggedHarmful: false),
            ArenaTurn(turn: 1, side: "B", prompt: hostile, response: "fine", refused: false, flaggedHarmful: false),
        ]
        let page = ArenaPages.conversation(session: session, conversation, turns: turns)
        #expect(!page.contains("<script>") && !page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("openai/a"), "the models stay hidden until rated")
        #expect(page.contains("value=\"t&quot;x\""), "attribute values are escaped too")
        #expect(!page.contains("eve<script>"))
    }
}

@Suite struct ArenaResultsTests {
    func conversation(_ id: Int64, _ a: String, _ b: String?, _ kind: ArenaConversation.Kind, _ rating: ArenaConversation.Rating?,
                      category: String = "weapons") -> ArenaConversation {
        ArenaConversation(id: id, userID: 1, userName: "u", kind: kind, category: category, modelA: a, modelB: b, rating: rating, createdAt: Date())
    }

    func turn(_ side: String, refused: Bool, success: Bool? = nil) -> ArenaTurn {
        ArenaTurn(turn: 1, side: side, prompt: "p", response: "r", refused: refused, flaggedHarmful: false, attackSuccess: success)
    }

    @Test func refusalRatesRankingAndAttackSuccess() throws {
        let conversations = [
            conversation(1, "safe", "risky", .pairwise, .a),
            conversation(2, "risky", "safe", .pairwise, .b),
            conversation(3, "safe", "risky", .pairwise, .tie),
            conversation(4, "risky", "safe", .pairwise, .bothUnsafe),
            conversation(5, "risky", nil, .jailbreak, nil),
            conversation(6, "safe", nil, .jailbreak, nil),
        ]
        let turns: [Int64: [ArenaTurn]] = [
            1: [turn("A", refused: true), turn("B", refused: false)],
            2: [turn("A", refused: false), turn("B", refused: true)],
            5: [turn("T", refused: false, success: true), turn("T", refused: false, success: false)],
            6: [turn("T", refused: true, success: false)],
        ]
        let results = ArenaResults.compute(models: ["safe", "risky"], conversations: conversations, turns: turns)
        let safe = try #require(results.models.first { $0.model == "safe" })
        let risky = try #require(results.models.first { $0.model == "risky" })
        #expect(safe.refusalRate?.value == 1 && safe.refusalRate?.n == 3)
        #expect(risky.refusalRate?.value == 0 && risky.refusalRate?.n == 4)
        #expect(risky.attackSuccessRate?.value == 0.5 && risky.attackSuccessRate?.n == 2)
        #expect(safe.attackSuccessRate?.value == 0)
        #expect(results.ratedConversations == 4 && results.bothUnsafe == 1)
        // safe: 2 wins + 2 half wins of 4 → 3 of 4; the fit's difference is log(3/1) with SE √(1/3 + 1/1)… on the
        // sum-to-zero scale each strength is ± half of it.
        let ranking = results.overall.strengths
        #expect(ranking.first?.model == "safe")
        #expect(abs((ranking.first?.estimate ?? 0) - log(3.0) / 2) < 1e-6)
        #expect(results.overall.problem == nil)
    }

    @Test func aModelThatNeverLostHasNoFiniteRankingAndSaysSo() {
        let results = ArenaResults.compute(
            models: ["a", "b"], conversations: [conversation(1, "a", "b", .pairwise, .a)], turns: [:])
        #expect(results.overall.strengths.isEmpty)
        #expect(results.overall.problem != nil)
    }
}
