import Foundation
import Yams

/// What an evaluation file says, checked: every key known (a typo names its file, line, column and the nearest
/// key), every choice one of its kind, every template's fields present in the dataset's first row.
struct FileEvaluationSpec: Sendable {
    enum SolverKind: String, CaseIterable, Sendable {
        case generate
        case multipleChoice = "multiple-choice"
    }

    enum GraderKind: String, CaseIterable, Sendable {
        case exact, includes, regex
        case multipleChoice = "multiple-choice"
        case refusalRules = "refusal-rules"
        case model
    }

    struct MetricSpec: Sendable {
        var name: String
        var summary: String
        var groupBy: [String]
        var filter: [String: String]
        var higherIsBetter: Bool
    }

    var name: String
    var summary: String
    var section: CardSection
    /// The dataset file, resolved against the evaluation file's folder.
    var datasetFile: URL
    /// The field holding each row's id (default: the row's line number).
    var idField: String?
    var system: FieldTemplate?
    var developer: FieldTemplate?
    var user: FieldTemplate
    var target: FieldTemplate?
    var solver: SolverKind
    /// Multiple choice: the fields holding the options, in order (A, B, …).
    var choices: [String]
    var grader: GraderKind
    var pattern: String?
    var ignoreCase: Bool
    var rubric: String?
    var metrics: [MetricSpec]
    var published: [PublishedFigure]
    /// SHA-256 of the file's bytes: part of the evaluation's version, so an edited file never resumes an old run.
    var digest: String

    static let keys = [
        "name", "summary", "section", "dataset", "prompt", "target", "solver", "choices", "grader", "metrics", "published",
    ]

    static func parse(_ text: String, file: String, folder: URL) throws -> FileEvaluationSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SystemCardError.invalidInput("\(file): invalid YAML: \(error)")
        }
        guard let root else { throw SystemCardError.invalidInput("\(file) is empty") }
        let top = CardYAMLNode(node: root, path: "", file: file)
        let value = try top.fields(allowed: keys)
        func required(_ key: String) throws -> CardYAMLNode {
            guard let node = value[key] else { throw top.error("missing '\(key)'") }
            return node
        }

        let name = try required("name").string()
        guard name.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw try required("name").error("a name is lower-case letters, digits and hyphens, e.g. capital-cities")
        }
        let sectionNode = try required("section")
        let sectionText = try sectionNode.string()
        guard let section = CardSection(rawValue: sectionText) else {
            throw sectionNode.error(Self.unknown("section", sectionText, CardSection.allCases.map(\.rawValue)))
        }

        // dataset: FILE, or {file: FILE, id: FIELD}
        let datasetNode = try required("dataset")
        var datasetPath: String
        var idField: String?
        if datasetNode.isMapping {
            let fields = try datasetNode.fields(allowed: ["file", "id"])
            guard let fileNode = fields["file"] else { throw datasetNode.error("missing 'file'") }
            datasetPath = try fileNode.string()
            idField = try fields["id"]?.string()
        } else {
            datasetPath = try datasetNode.string()
        }
        let datasetFile = datasetPath.hasPrefix("/") ? URL(fileURLWithPath: datasetPath) : folder.appendingPathComponent(datasetPath)
        let supported = [".csv", ".jsonl", ".csv.gz", ".jsonl.gz"]
        guard supported.contains(where: { datasetPath.hasSuffix($0) }) else {
            throw datasetNode.error("the dataset must be a .csv or .jsonl file (optionally .gz), got '\(datasetPath)'")
        }
        guard FileManager.default.fileExists(atPath: datasetFile.path) else {
            throw datasetNode.error("no file at \(datasetFile.path)")
        }

        // prompt: TEXT (the user message), or {system, developer, user}
        let promptNode = try required("prompt")
        var system: FieldTemplate?
        var developer: FieldTemplate?
        let user: FieldTemplate
        if promptNode.isMapping {
            let parts = try promptNode.fields(allowed: ["system", "developer", "user"])
            guard let userNode = parts["user"] else { throw promptNode.error("missing 'user'") }
            user = FieldTemplate(try userNode.string())
            system = try parts["system"].map { FieldTemplate(try $0.string()) }
            developer = try parts["developer"].map { FieldTemplate(try $0.string()) }
        } else {
            user = FieldTemplate(try promptNode.string())
        }
        let target = try value["target"].map { FieldTemplate(try $0.string()) }

        let solver = try value["solver"].map { node -> SolverKind in
            let text = try node.string()
            guard let kind = SolverKind(rawValue: text) else {
                throw node.error(Self.unknown("solver", text, SolverKind.allCases.map(\.rawValue)))
            }
            return kind
        } ?? .generate
        var choices: [String] = []
        if let node = value["choices"] { choices = try node.sequence().map { try $0.string() } }
        if solver == .multipleChoice {
            guard (2...12).contains(choices.count) else {
                throw (value["choices"] ?? top).error("multiple-choice needs 'choices': the 2 to 12 fields holding the options")
            }
            guard target != nil else { throw top.error("multiple-choice needs 'target': the correct letter (or 0-based index)") }
        } else if let node = value["choices"] {
            throw node.error("'choices' is for solver: multiple-choice")
        }

        // grader: KIND, or {type: KIND, pattern, ignore_case, rubric}
        var grader: GraderKind = solver == .multipleChoice ? .multipleChoice : .exact
        var pattern: String?
        var ignoreCase = false
        var rubric: String?
        if let node = value["grader"] {
            var kindNode = node
            if node.isMapping {
                let fields = try node.fields(allowed: ["type", "pattern", "ignore_case", "rubric"])
                guard let typeNode = fields["type"] else { throw node.error("missing 'type'") }
                kindNode = typeNode
                pattern = try fields["pattern"]?.string()
                ignoreCase = try fields["ignore_case"]?.bool() ?? false
                rubric = try fields["rubric"]?.string()
            }
            let text = try kindNode.string()
            guard let kind = GraderKind(rawValue: text) else {
                throw kindNode.error(Self.unknown("grader", text, GraderKind.allCases.map(\.rawValue)))
            }
            grader = kind
            switch kind {
            case .regex:
                guard let pattern else { throw node.error("a regex grader needs 'pattern'") }
                do { _ = try NSRegularExpression(pattern: pattern) } catch {
                    throw node.error("'pattern' is not a valid regular expression: \(pattern)")
                }
            case .model:
                guard rubric != nil else { throw node.error("a model grader needs 'rubric': what the judge checks") }
            case .multipleChoice where solver != .multipleChoice:
                throw node.error("grader multiple-choice needs solver: multiple-choice")
            case .exact, .includes, .refusalRules:
                guard target != nil else { throw node.error("grader \(kind.rawValue) compares with 'target', which is missing") }
            default: break
            }
        } else if target == nil {
            throw top.error("missing 'target' (what the default exact grader compares with) or a 'grader'")
        }

        var metrics: [MetricSpec] = []
        if let node = value["metrics"] {
            for item in try node.sequence() {
                let fields = try item.fields(allowed: ["name", "summary", "group_by", "where", "higher_is_better"])
                guard let nameNode = fields["name"] else { throw item.error("missing 'name'") }
                var filter: [String: String] = [:]
                for (key, valueNode) in try fields["where"]?.freeMapping() ?? [] { filter[key] = try valueNode.string() }
                metrics.append(MetricSpec(
                    name: try nameNode.string(), summary: try fields["summary"]?.string() ?? "",
                    groupBy: try fields["group_by"]?.sequence().map { try $0.string() } ?? [], filter: filter,
                    higherIsBetter: try fields["higher_is_better"]?.bool() ?? true))
            }
        }
        if metrics.isEmpty {
            metrics = [MetricSpec(name: "accuracy", summary: "Samples graded correct.", groupBy: [], filter: [:], higherIsBetter: true)]
        }

        var published: [PublishedFigure] = []
        if let node = value["published"] {
            for item in try node.sequence() {
                let fields = try item.fields(allowed: ["metric", "model", "value", "source"])
                func field(_ key: String) throws -> CardYAMLNode {
                    guard let node = fields[key] else { throw item.error("missing '\(key)'") }
                    return node
                }
                published.append(PublishedFigure(
                    metric: try field("metric").string(), model: try field("model").string(), value: try field("value").double(),
                    source: try field("source").string()))
            }
        }

        return FileEvaluationSpec(
            name: name, summary: try value["summary"]?.string() ?? "Defined in \(file)", section: section,
            datasetFile: datasetFile, idField: idField, system: system, developer: developer, user: user, target: target,
            solver: solver, choices: choices, grader: grader, pattern: pattern, ignoreCase: ignoreCase, rubric: rubric,
            metrics: metrics, published: published, digest: SHA256Digest.hex(text))
    }

    static func unknown(_ what: String, _ given: String, _ allowed: [String]) -> String {
        var reason = "unknown \(what) '\(given)'"
        if let near = CardYAMLNode.nearest(given, in: allowed) { reason += " (did you mean '\(near)'?)" }
        return reason + "; allowed: \(allowed.joined(separator: ", "))"
    }
}
