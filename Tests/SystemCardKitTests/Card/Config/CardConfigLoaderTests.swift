import Testing

@testable import SystemCardKit

/// YAML card configs: a full one parses; every mistake names the line and the key.
struct CardConfigLoaderTests {
    static let full = """
        title: "Mine"
        profile: full
        models:
          - openai/plain
          - label: guarded
            model: openai/mine-guarded
            base_url: http://127.0.0.1:9/v1
            api_key_env: MINE_KEY
            mitigation: post
            family: mine
          - {label: base, model: openai/mine, mitigation: pre, family: mine}
        grader: {model: openai/judge, api_key_env: JUDGE_KEY}
        settings: {temperature: 0, max_tokens: 256, seed: 3, epochs: 2, limit: 50}
        evaluations:
          - xstest
        preparedness:
          margin: 0.1
          persuasion:
            indicators:
              - {metric: makemepay.money_share, medium: 0.3, high: 0.6, critical: 0.9}
          cybersecurity:
            indicators:
              - {metric: "ctf-generated.success[tier=professional]", medium: 0.4}
          overrides:
            - {category: cbrn, level: medium, rationale: "expert review", reviewer: "SAG"}
        """

    @Test func aFullConfigParses() throws {
        let config = try CardConfigLoader.parse(Self.full)
        #expect(config.title == "Mine")
        #expect(config.profile == .full)
        #expect(config.models.map(\.label) == ["openai/plain", "guarded", "base"])
        #expect(config.models[1].baseURL == "http://127.0.0.1:9/v1")
        #expect(config.models[1].apiKeyEnv == "MINE_KEY")
        #expect(config.models[1].mitigation == .post)
        #expect(config.models[2].family == "mine")
        #expect(config.models[0].family == "openai/plain")
        #expect(config.grader?.spec.description == "openai/judge")
        #expect(config.settings == CardRunSettings(temperature: 0, maxTokens: 256, seed: 3, epochs: 2, limit: 50))
        #expect(config.evaluations?.map(\.name) == ["xstest"])
        #expect(config.preparedness.margin == 0.1)
        let persuasion = try #require(config.preparedness.categories[.persuasion]?.indicators)
        #expect(persuasion.map(\.metric) == ["makemepay.money_share"])
        #expect(persuasion[0].thresholds.steps.map(\.threshold) == [0.3, 0.6, 0.9])
        #expect(persuasion[0].thresholds.riskier == .higher, "the metric says lower is better: risk rises with it")
        #expect(persuasion[0].origin == "card config")
        let cyber = try #require(config.preparedness.categories[.cybersecurity]?.indicators?.first)
        #expect(cyber.metricLabel == "success[tier=professional]")
        #expect(cyber.thresholds.medium == 0.4)
        #expect(cyber.thresholds.high == ThresholdSource.ctf.high, "what the config leaves out is the declared value")
        #expect(cyber.thresholds.sources[.medium] == "card config")
        #expect(cyber.thresholds.sources[.high] == ThresholdSource.ctf.sources[.high])
        #expect(cyber.origin == "card config (declared by ctf-generated)")
        #expect(config.preparedness.overrides.first?.mitigation == .post, "overrides apply post-mitigation by default")
        try config.validate()
    }

    @Test func theInitExampleParsesAndValidates() throws {
        let config = try CardConfigLoader.parse(CardConfigExample.text)
        #expect(config.models.count == 2)
        #expect(Set(config.models.compactMap(\.mitigation)) == [.pre, .post])
        try config.validate()
    }

    func message(_ yaml: String) -> String {
        do {
            _ = try CardConfigLoader.parse(yaml, file: "card.yaml")
            return "no error"
        } catch let error as SystemCardError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownKeyNamesItsLineAndSuggestsTheRightOne() {
        let text = message("models:\n  - model: openai/a\n    base_ulr: http://x/v1\n")
        #expect(
            text.hasPrefix("card.yaml:3:5: models[0]: unknown key 'base_ulr' (did you mean 'base_url'?)"), "\(text)")
    }

    @Test func aWrongTypeNamesTheKeyAndLine() {
        let text = message("models: [openai/a]\nsettings:\n  max_tokens: lots\n")
        #expect(text.contains("card.yaml:3:"), "\(text)")
        #expect(text.contains("settings.max_tokens: expected a whole number, got 'lots'"), "\(text)")
        let list = message("models: openai/a\n")
        #expect(list.contains("card.yaml:1:9: models: expected a list"), "\(list)")
    }

    @Test func aBadChoiceListsTheChoices() {
        let text = message("models:\n  - {model: openai/a, mitigation: prr}\n")
        #expect(text.contains("models[0].mitigation: expected one of pre, post, got 'prr'"), "\(text)")
    }

    @Test func aYAMLSyntaxErrorGivesTheLine() {
        let text = message("models:\n  - openai/a\n settings: [\n")
        #expect(text.hasPrefix("card.yaml: invalid YAML at "), "\(text)")
        #expect(text.contains("3:"), "\(text)")
    }

    @Test func unknownEvaluationsOptionsAndIndicatorsAreErrors() {
        #expect(
            message("models: [openai/a]\nevaluations: [xstets]\n").contains(
                "card.yaml:2:15: evaluations[0]: unknown evaluation 'xstets'"))
        #expect(
            message("models: [openai/a]\nevaluations:\n  - {name: xstest, options: {set: x}}\n").contains(
                "xstest has no option --set"))
        let indicator = message("preparedness:\n  cbrn:\n    indicators:\n      - {metric: xstest.nope, medium: 0.1}\n")
        #expect(indicator.contains("card.yaml:4:"), "\(indicator)")
        #expect(indicator.contains("xstest has no metric 'nope'"), "\(indicator)")
        #expect(
            message("preparedness:\n  cbrn:\n    indicators:\n      - {metric: nothing.rate}\n").contains(
                "no evaluation 'nothing'"))
    }

    func indicatorMessage(_ entry: String) -> String {
        message("preparedness:\n  persuasion:\n    indicators:\n      - \(entry)\n")
    }

    @Test func thresholdsMustRiseAndOverridesNeedAReviewer() {
        let falling = indicatorMessage("{metric: makemepay.payment_rate, medium: 0.5, high: 0.2, critical: 0.9}")
        #expect(falling.contains("thresholds must rise"), "\(falling)")
        let anonymous = message("preparedness:\n  overrides:\n    - {category: cbrn, level: low, rationale: because}\n")
        #expect(anonymous.contains("an override needs reviewer"), "\(anonymous)")
    }

    /// The scorecard defect of issue 15: a metric where higher means safer, or in another unit, cannot be
    /// made an indicator whose risk rises with it.
    @Test func aMetricOfTheWrongDirectionOrUnitCannotBecomeAnIndicator() {
        let loss = indicatorMessage("{metric: makemesay.loss_rate, riskier: higher, medium: 0.2, high: 0.5, critical: 0.8}")
        #expect(loss.contains("a higher value means less risk"), "\(loss)")
        let undeclared = indicatorMessage("{metric: makemesay.aware_rate, medium: 0.2}")
        #expect(undeclared.contains("not an indicator makemesay declares, so give all three thresholds"), "\(undeclared)")
        #expect(undeclared.contains("it declares: win_rate"), "\(undeclared)")
        let dollars = indicatorMessage("{metric: makemepay.mean_amount, medium: 25, high: 50, critical: 80}")
        #expect(dollars.contains("is not a value of the unit share (0.000–1.000)"), "\(dollars)")
        let inDollars = indicatorMessage(
            "{metric: makemepay.mean_amount, unit: {name: dollars, lowest: 0, highest: 100}, medium: 25, high: 50, critical: 80}")
        #expect(inDollars == "no error", "\(inDollars)")
        let gone = message("preparedness:\n  cbrn:\n    default_thresholds: {medium: 0.5}\n")
        #expect(gone.contains("default_thresholds is gone"), "\(gone)")
    }

    @Test func validationCatchesDuplicateLabelsAndAmbiguousFamilies() throws {
        let twins = try CardConfigLoader.parse("models: [openai/a, openai/a]\n")
        #expect(throws: SystemCardError.self) { try twins.validate() }
        let unpaired = try CardConfigLoader.parse(
            "models:\n  - {model: openai/a, family: f}\n  - {model: openai/b, family: f, mitigation: post}\n")
        #expect(throws: SystemCardError.self) { try unpaired.validate() }
        #expect(throws: SystemCardError.self) { try CardConfig().validate() }
    }

    @Test func theProfileDefaultsToQuickOnlyWhenEveryModelIsLocal() throws {
        #expect(try CardConfigLoader.parse("models: [local/smollm2]\n").effectiveProfile == .quick)
        #expect(try CardConfigLoader.parse("models: [local/smollm2, openai/x]\n").effectiveProfile == .full)
    }
}
