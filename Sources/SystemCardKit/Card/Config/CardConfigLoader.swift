import Foundation
import Synchronization
import Yams

/// Reads a card config from YAML. Every mistake (a YAML syntax error, an unknown key, a wrong type, an
/// unknown evaluation or option) is a ``SystemCardError`` naming the file, line and key.
public struct CardConfigLoader: Sendable {
    /// The evaluations a config may name.
    let registry: EvaluationRegistry
    /// The folder evaluation files are named relative to (the config's own); nil: the working directory.
    var folder: URL?
    /// Evaluation files the config names, loaded as they are read.
    let files = FileEvaluationsRead()

    final class FileEvaluationsRead: Sendable {
        private let state = Mutex<[EvaluationDescriptor]>([])
        var descriptors: [EvaluationDescriptor] { state.withLock { $0 } }
        func add(_ descriptor: EvaluationDescriptor) {
            state.withLock { list in if !list.contains(where: { $0.name == descriptor.name }) { list.append(descriptor) } }
        }
    }

    var topKeys: [String] {
        ["title", "profile", "models", "grader", "classifier", "settings", "evaluations", "imported_runs", "preparedness",
         "prices"]
    }
    var modelKeys: [String] {
        ["label", "model", "base_url", "api_key_env", "mitigation", "family", "reference", "mitigations"]
    }
    var endpointKeys: [String] { ["model", "base_url", "api_key_env"] }
    var settingsKeys: [String] { ["temperature", "max_tokens", "seed", "reasoning_effort", "epochs", "limit"] }
    var evaluationKeys: [String] { ["name", "options", "limit", "grader", "roles"] }
    var categoryKeys: [String] { ["indicators", "default_thresholds"] }
    var indicatorKeys: [String] { ["metric", "medium", "high", "critical", "riskier", "unit"] }
    var overrideKeys: [String] { ["category", "mitigation", "family", "level", "rationale", "reviewer"] }

    /// Reads and checks the config file at `url`.
    public static func load(contentsOf url: URL, registry: EvaluationRegistry = .builtIn) throws -> CardConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SystemCardError.invalidInput("cannot read the card config \(url.path): \(error.localizedDescription)")
        }
        return try parse(text, file: url.lastPathComponent, registry: registry, folder: url.deletingLastPathComponent())
    }

    /// Parses YAML text; `file` names it in error messages.
    static func parse(_ text: String, file: String = "card.yaml", registry: EvaluationRegistry = .builtIn, folder: URL? = nil)
        throws -> CardConfig
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SystemCardError.invalidInput("\(file): invalid YAML at \(error)")
        } catch {
            throw SystemCardError.invalidInput("\(file): invalid YAML: \(error)")
        }
        guard let root else {
            throw SystemCardError.invalidInput("\(file) is empty; `systemcard card --init` writes an example")
        }
        let loader = CardConfigLoader(registry: registry, folder: folder)
        var config = try loader.read(CardYAMLNode(node: root, path: "", file: file))
        config.fileEvaluations = loader.files.descriptors
        return config
    }

    func read(_ root: CardYAMLNode) throws -> CardConfig {
        var config = CardConfig()
        for (key, value) in try root.mapping(allowed: topKeys) {
            switch key {
            case "title": config.title = try value.string()
            case "profile":
                config.profile = CardProfile(rawValue: try value.choice(CardProfile.allCases.map(\.rawValue)))
            case "models": config.models = CardModelConfig.expandingMitigations(try value.sequence().map(readModel))
            case "grader": config.grader = try readEndpoint(value)
            case "classifier": config.classifier = try readEndpoint(value)
            case "settings": config.settings = try readSettings(value)
            case "evaluations": config.evaluations = try value.sequence().map(readEvaluation)
            case "imported_runs": config.importedRuns = try value.sequence().map { try $0.string() }
            case "preparedness": config.preparedness = try readPreparedness(value)
            case "prices":
                for (model, price) in try value.freeMapping() {
                    guard model.contains("/") else { throw price.error("a price is keyed by provider/model, got '\(model)'") }
                    var fields: [String: Double] = [:]
                    for (key, number) in try price.mapping(allowed: ["input", "output"]) { fields[key] = try number.double() }
                    guard let input = fields["input"], let output = fields["output"], input >= 0, output >= 0 else {
                        throw price.error("a price needs input: and output: in dollars per million tokens, 0 or more")
                    }
                    config.prices[model] = ModelPrice(input: input, output: output)
                }
            default: break
            }
        }
        return config
    }

    func spec(_ node: CardYAMLNode) throws -> ModelSpec {
        do {
            return try ModelSpec(parsing: try node.string())
        } catch let error as SystemCardError {
            throw node.error(error.message)
        }
    }

    func readModel(_ node: CardYAMLNode) throws -> CardModelConfig {
        if !node.isMapping { return CardModelConfig(spec: try spec(node)) }
        let entries = try node.mapping(allowed: modelKeys)
        guard let specNode = entries.first(where: { $0.key == "model" })?.value else {
            throw node.error("a model needs model: openai/<model> (or local/<name>)")
        }
        var model = CardModelConfig(spec: try spec(specNode))
        var family: String?
        for (key, value) in entries {
            switch key {
            case "label": model.label = try value.string()
            case "base_url": model.baseURL = try value.string()
            case "api_key_env": model.apiKeyEnv = try value.string()
            case "mitigation":
                model.mitigation = MitigationStage(rawValue: try value.choice(MitigationStage.allCases.map(\.rawValue)))
            case "family": family = try value.string()
            case "reference": model.reference = try value.bool()
            case "mitigations":
                model.mitigations = try value.sequence().map { item in
                    let spec = try item.string()
                    do {
                        _ = try MitigationCatalog.make(spec)
                    } catch let error as SystemCardError {
                        throw item.error(error.message)
                    }
                    return spec
                }
            default: break
            }
        }
        model.family = family ?? model.spec.description
        return model
    }

    func readEndpoint(_ node: CardYAMLNode) throws -> ModelEndpoint {
        if !node.isMapping { return ModelEndpoint(spec: try spec(node)) }
        let entries = try node.mapping(allowed: endpointKeys)
        guard let specNode = entries.first(where: { $0.key == "model" })?.value else {
            throw node.error("needs model: openai/<model>")
        }
        var endpoint = ModelEndpoint(spec: try spec(specNode))
        for (key, value) in entries {
            if key == "base_url" { endpoint.baseURL = try value.string() }
            if key == "api_key_env" { endpoint.apiKeyEnv = try value.string() }
        }
        return endpoint
    }

    func readSettings(_ node: CardYAMLNode) throws -> CardRunSettings {
        var settings = CardRunSettings()
        for (key, value) in try node.mapping(allowed: settingsKeys) {
            switch key {
            case "temperature": settings.temperature = try value.double()
            case "max_tokens": settings.maxTokens = try positive(value)
            case "seed": settings.seed = try value.int()
            case "reasoning_effort": settings.reasoningEffort = try value.string()
            case "epochs": settings.epochs = try positive(value)
            case "limit": settings.limit = try positive(value)
            default: break
            }
        }
        return settings
    }

    func positive(_ node: CardYAMLNode) throws -> Int {
        let value = try node.int()
        guard value >= 1 else { throw node.error("must be at least 1, got \(value)") }
        return value
    }

    func readEvaluation(_ node: CardYAMLNode) throws -> CardEvaluationConfig {
        if !node.isMapping {
            let name = try evaluationName(node)
            try checkEvaluation(name, options: [:], node: node)
            return CardEvaluationConfig(name: name)
        }
        let entries = try node.mapping(allowed: evaluationKeys)
        guard let nameNode = entries.first(where: { $0.key == "name" })?.value else {
            throw node.error("an evaluation needs name: (one of \(registry.names.joined(separator: ", ")), or an evaluation file)")
        }
        var evaluation = CardEvaluationConfig(name: try evaluationName(nameNode))
        for (key, value) in entries {
            switch key {
            case "options":
                for (option, optionValue) in try value.freeMapping() {
                    evaluation.options[option] = try optionValue.string()
                }
            case "limit": evaluation.limit = try positive(value)
            case "grader": evaluation.grader = try value.choice(["rules", "model"]) == "rules" ? .rules : .model
            case "roles":
                for (role, roleNode) in try value.freeMapping() { evaluation.roles[role] = try readEndpoint(roleNode) }
            default: break
            }
        }
        try checkEvaluation(evaluation.name, options: evaluation.options, node: nameNode)
        return evaluation
    }

    /// A registered name, or an evaluation file's path (relative to the config), loaded and named by its `name:`.
    func evaluationName(_ node: CardYAMLNode) throws -> String {
        let name = try node.string()
        guard FileEvaluation.isFile(name) else { return name }
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : (folder ?? URL(fileURLWithPath: ".")).appendingPathComponent(name)
        let descriptor: EvaluationDescriptor
        do {
            descriptor = try FileEvaluation.load(contentsOf: url)
        } catch let error as SystemCardError {
            throw node.error(error.message)
        }
        guard !registry.names.contains(descriptor.name) else {
            throw node.error("\(name) is named '\(descriptor.name)', which a built-in evaluation already is")
        }
        files.add(descriptor)
        return descriptor.name
    }

    func checkEvaluation(_ name: String, options: [String: String], node: CardYAMLNode) throws {
        do {
            let registry = files.descriptors.reduce(self.registry) { $0.adding($1) }
            _ = try registry.evaluation(named: name, options: options)
        } catch let error as SystemCardError {
            throw node.error(error.message)
        }
    }

    func readPreparedness(_ node: CardYAMLNode) throws -> PreparednessConfig {
        var config = PreparednessConfig()
        let categoryNames = PreparednessConfig.categories.map(\.rawValue)
        for (key, value) in try node.mapping(allowed: ["margin", "overrides"] + categoryNames) {
            switch key {
            case "margin":
                config.margin = try value.double()
                guard config.margin >= 0 && config.margin < 1 else { throw value.error("must be between 0 and 1") }
            case "overrides": config.overrides = try value.sequence().map(readOverride)
            default:
                guard let category = CardSection(rawValue: key) else { continue }
                config.categories[category] = try readCategory(value, category: category)
            }
        }
        return config
    }

    func readCategory(_ node: CardYAMLNode, category: CardSection) throws -> PreparednessCategoryConfig {
        var config = PreparednessCategoryConfig()
        for (key, value) in try node.mapping(allowed: categoryKeys) {
            switch key {
            case "default_thresholds":
                throw value.error(
                    "default_thresholds is gone: nothing becomes an indicator by default any more. Evaluations "
                        + "declare their indicators and thresholds; to change one, list it under indicators: "
                        + "[{metric: evaluation.metric, medium: …, high: …, critical: …}]")
            case "indicators":
                if case .scalar(let scalar) = value.node, scalar.string == "declared" || scalar.string == "auto" {
                    continue
                }
                config.indicators = try value.sequence().map { try readIndicator($0, category: category) }
            default: break
            }
        }
        return config
    }

    /// One indicator of a config: a declared one (its direction, unit and thresholds are the defaults) or
    /// any metric of a registered evaluation, whose thresholds the config must then give. Its direction
    /// must agree with the metric's: a metric where higher is safer cannot count as rising risk.
    func readIndicator(_ node: CardYAMLNode, category: CardSection) throws -> PreparednessIndicator {
        let entries = try node.mapping(allowed: indicatorKeys)
        guard let metricNode = entries.first(where: { $0.key == "metric" })?.value else {
            throw node.error("an indicator needs metric: evaluation.metric")
        }
        let name = try metricNode.string()
        let (descriptor, metric) = try checkIndicatorMetric(name, node: metricNode)
        let declared = descriptor.indicators.first { $0.metricLabel == metric.label }
        let metricRiskier: RiskDirection = metric.info.higherIsBetter ? .lower : .higher
        var indicator =
            declared
            ?? PreparednessIndicator(
                metric: name, summary: metric.info.summary,
                thresholds: PreparednessThresholds(medium: .nan, high: nil, critical: nil, riskier: metricRiskier))
        indicator.category = category
        indicator.origin = declared == nil ? "card config" : "card config (declared by \(descriptor.name))"
        var given: Set<RiskLevel> = []
        for (key, value) in entries {
            switch key {
            case "medium", "high", "critical":
                let level = RiskLevel(rawValue: key)!
                let threshold = try value.double()
                switch level {
                case .medium: indicator.thresholds.medium = threshold
                case .high: indicator.thresholds.high = threshold
                default: indicator.thresholds.critical = threshold
                }
                indicator.thresholds.sources[level] = "card config"
                given.insert(level)
            case "riskier":
                let riskier = RiskDirection(rawValue: try value.choice(RiskDirection.allCases.map(\.rawValue)))!
                guard riskier == metricRiskier else {
                    let safer = metric.info.higherIsBetter ? "higher" : "lower"
                    throw value.error(
                        "\(name): a \(safer) value means less risk (the evaluation says so), so it cannot be an "
                            + "indicator whose risk rises as it gets \(riskier.rawValue)")
                }
                indicator.thresholds.riskier = riskier
            case "unit": indicator.unit = try readUnit(value)
            default: break
            }
        }
        if declared == nil, given.count < 3 {
            throw node.error(
                "\(name) is not an indicator \(descriptor.name) declares, so give all three thresholds "
                    + "(medium, high, critical)"
                    + (descriptor.indicators.isEmpty
                        ? "" : "; it declares: \(descriptor.indicators.map(\.metricLabel).joined(separator: ", "))"))
        }
        let thresholds = indicator.thresholds
        guard thresholds.isOrdered else {
            let order = thresholds.riskier == .higher ? "rise" : "fall (lower is riskier)"
            throw node.error(
                "thresholds must \(order) from medium to critical: \(thresholds.text.dropFirst(2)) "
                    + "(medium / high / critical; a level above one left out cannot be given)")
        }
        for (level, threshold) in thresholds.steps where !indicator.unit.contains(threshold) {
            throw node.error(
                "the \(level.rawValue) threshold \(threshold) is not a value of the unit \(indicator.unit.description)")
        }
        return indicator
    }

    func readUnit(_ node: CardYAMLNode) throws -> IndicatorUnit {
        if case .scalar = node.node {
            guard try node.string() == "share" else {
                throw node.error("unit is share, or {name: NAME, lowest: X, highest: Y}")
            }
            return .share
        }
        var name = "value"
        var lowest: Double?
        var highest: Double?
        for (key, value) in try node.mapping(allowed: ["name", "lowest", "highest"]) {
            switch key {
            case "name": name = try value.string()
            case "lowest": lowest = try value.double()
            default: highest = try value.double()
            }
        }
        guard let lowest, let highest, lowest < highest else {
            throw node.error("a unit needs lowest < highest")
        }
        return IndicatorUnit(name, range: lowest...highest)
    }

    /// An indicator must name a registered evaluation and one of its metrics (a typo would otherwise leave
    /// the category "not assessed" forever).
    func checkIndicatorMetric(_ name: String, node: CardYAMLNode) throws
        -> (EvaluationDescriptor, (label: String, info: CardMetricInfo))
    {
        let indicator = PreparednessIndicator(metric: name, thresholds: PreparednessThresholds(medium: 0, high: 0, critical: 0))
        guard name.contains("."), !indicator.metricLabel.isEmpty else {
            throw node.error("write the metric as evaluation.metric, got '\(name)'")
        }
        guard let descriptor = registry.descriptors.first(where: { $0.name == indicator.evaluation }) else {
            throw node.error(
                "no evaluation '\(indicator.evaluation)' is registered (available: \(registry.names.joined(separator: ", ")))"
            )
        }
        let evaluation = try descriptor.evaluation()
        let metrics = CardMetricInfo.all(of: evaluation)
        guard let info = metrics.first(where: { $0.name == indicator.metricName }) else {
            throw node.error(
                "\(indicator.evaluation) has no metric '\(indicator.metricName)' (its metrics: "
                    + "\(metrics.map(\.name).joined(separator: ", ")))")
        }
        return (descriptor, (indicator.metricLabel, info))
    }

    func readOverride(_ node: CardYAMLNode) throws -> PreparednessOverride {
        let entries = try node.mapping(allowed: overrideKeys)
        func required(_ key: String) throws -> CardYAMLNode {
            guard let value = entries.first(where: { $0.key == key })?.value else {
                throw node.error("an override needs \(key): (it needs category, level, rationale and reviewer)")
            }
            return value
        }
        let category = CardSection(
            rawValue: try required("category").choice(PreparednessConfig.categories.map(\.rawValue)))!
        let level = RiskLevel(rawValue: try required("level").choice(RiskLevel.allCases.map(\.rawValue)))!
        var override = PreparednessOverride(
            category: category, level: level, rationale: try required("rationale").string(),
            reviewer: try required("reviewer").string())
        for (key, value) in entries {
            if key == "mitigation" {
                override.mitigation = MitigationStage(
                    rawValue: try value.choice(MitigationStage.allCases.map(\.rawValue)))!
            }
            if key == "family" { override.family = try value.string() }
        }
        return override
    }
}
