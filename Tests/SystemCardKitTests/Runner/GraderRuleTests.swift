import Testing

@testable import SystemCardKit

/// The one grader rule, for every kind of evaluation and every request.
@Suite struct GraderRuleTests {
    static let rulesOnly = GraderFactory(rules: RefusalRulesGrader(), model: nil, preferred: .rules)
    static let modelOnly = GraderFactory(rules: nil, model: ModelRefusalGrader(), preferred: .model)
    static let prefersModel = GraderFactory(rules: RefusalRulesGrader(), model: ModelRefusalGrader(), preferred: .model)
    static let prefersRules = GraderFactory(rules: RefusalRulesGrader(), model: ModelRefusalGrader(), preferred: .rules)

    @Test func withoutAJudgeRulesOrNeedsJudge() {
        #expect(GraderRule.choose(Self.rulesOnly, forced: nil, hasJudge: false) == .success(.rules))
        #expect(GraderRule.choose(Self.prefersModel, forced: nil, hasJudge: false) == .success(.rules))
        #expect(GraderRule.choose(Self.modelOnly, forced: nil, hasJudge: false) == .failure(.needsJudge))
    }

    @Test func withAJudgeThePreferenceDecides() {
        #expect(GraderRule.choose(Self.prefersModel, forced: nil, hasJudge: true) == .success(.model))
        #expect(GraderRule.choose(Self.prefersRules, forced: nil, hasJudge: true) == .success(.rules))
        #expect(GraderRule.choose(Self.rulesOnly, forced: nil, hasJudge: true) == .success(.rules))
        #expect(GraderRule.choose(Self.modelOnly, forced: nil, hasJudge: true) == .success(.model))
    }

    @Test func aForcedChoiceIsHonouredOrRefused() {
        #expect(GraderRule.choose(Self.prefersModel, forced: .rules, hasJudge: true) == .success(.rules))
        #expect(GraderRule.choose(Self.modelOnly, forced: .rules, hasJudge: true) == .failure(.noRulesGrader))
        #expect(GraderRule.choose(Self.prefersRules, forced: .model, hasJudge: true) == .success(.model))
        #expect(GraderRule.choose(Self.prefersRules, forced: .model, hasJudge: false) == .failure(.needsJudge))
        #expect(GraderRule.choose(Self.rulesOnly, forced: .model, hasJudge: true) == .failure(.noModelGrader))
    }
}
