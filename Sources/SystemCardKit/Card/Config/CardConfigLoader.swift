import Foundation
import Yams

/// Reads a card config from YAML. Every mistake (a YAML syntax error, an unknown key, a wrong type, an
/// unknown evaluation or option) is a ``SystemCardError`` naming the file, line and key.
public struct CardConfigLoader: Sendable {
    /// The evaluations a config may name.
    let registry: EvaluationRegistry

    var topKeys: [String] { ["title", "profile", "models", "grader", "settings", "evaluations", "preparedness"] }
    var modelKeys: [String] { ["label", "model", "base_url", "api_key_env", "mitigation", "family"] }
    var endpointKeys: [String] { ["model", "base_url", "api_key_env"] }
    var settingsKeys: [String] { ["temperature", "max_tokens", "seed", "reasoning_effort", "epochs", "limit"] }
    var evaluationKeys: [String] { ["name", "options", "limit", "grader", "roles"] }
    var categoryKeys: [String] { ["indicators", "default_thresholds"] }
    var thresholdKeys: [String] { ["medium", "high", "critical"] }
    var indicatorKeys: [String] { ["metric"] + thresholdKeys }
    var overrideKeys: [String] { ["category", "mitigation", "family", "level", "rationale", "reviewer"] }

    /// Reads and checks the config file at `url`.
    public static func load(contentsOf url: URL, registry: EvaluationRegistry = .builtIn) throws -> CardConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SystemCardError.invalidInput("cannot read the card config \(url.path): \(error.localizedDescription)")
        }
        return try parse(text, file: url.lastPathComponent, registry: registry)
    }

    /// Parses YAML text; `file` names it in error messages.
    static func parse(_ text: String, file: String = "card.yaml", registry: EvaluationRegistry = .builtIn)
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
        let config = try CardConfigLoader(registry: registry).read(CardYAMLNode(node: root, path: "", file: file))
        return config
    }

    func read(_ root: CardYAMLNode) throws -> CardConfig {
        var config = CardConfig()
        for (key, value) in try root.mapping(allowed: topKeys) {
            switch key {
            case "title": config.title = try value.string()
            case "profile":
                config.profile = CardProfile(rawValue: try value.choice(CardProfile.allCases.map(\.rawValue)))
            case "models": config.models = try value.sequence().map(readModel)
            case "grader": config.grader = try readEndpoint(value)
            case "settings": config.settings = try readSettings(value)
            case "evaluations": config.evaluations = try value.sequence().map(readEvaluation)
            case "preparedness": config.preparedness = try readPreparedness(value)
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
            let name = try node.string()
            try checkEvaluation(name, options: [:], node: node)
            return CardEvaluationConfig(name: name)
        }
        let entries = try node.mapping(allowed: evaluationKeys)
        guard let nameNode = entries.first(where: { $0.key == "name" })?.value else {
            throw node.error("an evaluation needs name: (one of \(registry.names.joined(separator: ", ")))")
        }
        var evaluation = CardEvaluationConfig(name: try nameNode.string())
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

    func checkEvaluation(_ name: String, options: [String: String], node: CardYAMLNode) throws {
        do {
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
                config.categories[category] = try readCategory(value)
            }
        }
        return config
    }

    func readCategory(_ node: CardYAMLNode) throws -> PreparednessCategoryConfig {
        var category = PreparednessCategoryConfig()
        var indicatorNodes: [CardYAMLNode]?
        for (key, value) in try node.mapping(allowed: categoryKeys) {
            switch key {
            case "default_thresholds": category.defaultThresholds = try readThresholds(value, keys: thresholdKeys)
            case "indicators":
                if case .scalar(let scalar) = value.node, scalar.string == "auto" { continue }
                indicatorNodes = try value.sequence()
            default: break
            }
        }
        if let indicatorNodes {
            category.indicators = try indicatorNodes.map { node in
                let metricNode = try node.mapping(allowed: indicatorKeys).first(where: { $0.key == "metric" })?.value
                guard let metricNode else { throw node.error("an indicator needs metric: evaluation.metric") }
                let metric = try metricNode.string()
                let indicator = PreparednessIndicator(
                    metric: metric,
                    thresholds: try readThresholds(node, keys: indicatorKeys, defaults: category.defaultThresholds))
                try checkIndicator(indicator, node: metricNode)
                return indicator
            }
        }
        return category
    }

    func readThresholds(
        _ node: CardYAMLNode, keys: [String], defaults: PreparednessThresholds = .defaults
    ) throws -> PreparednessThresholds {
        var thresholds = defaults
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "medium": thresholds.medium = try value.double()
            case "high": thresholds.high = try value.double()
            case "critical": thresholds.critical = try value.double()
            default: break
            }
        }
        guard thresholds.isAscending else {
            throw node.error(
                "thresholds must rise: medium \(thresholds.medium) ≤ high \(thresholds.high) ≤ critical \(thresholds.critical)"
            )
        }
        return thresholds
    }

    /// An indicator must name a registered evaluation and one of its metrics (a typo would otherwise leave
    /// the category "not assessed" forever).
    func checkIndicator(_ indicator: PreparednessIndicator, node: CardYAMLNode) throws {
        guard indicator.metric.contains("."), !indicator.metricLabel.isEmpty else {
            throw node.error("write the metric as evaluation.metric, got '\(indicator.metric)'")
        }
        guard registry.names.contains(indicator.evaluation) else {
            throw node.error(
                "no evaluation '\(indicator.evaluation)' is registered (available: \(registry.names.joined(separator: ", ")))"
            )
        }
        guard let evaluation = try? registry.evaluation(named: indicator.evaluation) else { return }
        let baseName = indicator.metricLabel.split(separator: "[", maxSplits: 1).first.map(String.init) ?? ""
        let metrics = CardMetricInfo.all(of: evaluation).map(\.name)
        guard metrics.contains(baseName) else {
            throw node.error(
                "\(indicator.evaluation) has no metric '\(baseName)' (its metrics: \(metrics.joined(separator: ", ")))")
        }
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
