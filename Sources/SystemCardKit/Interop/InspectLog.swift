import Foundation

/// The part of an Inspect AI eval log (its documented `EvalLog` schema) that SystemCard imports and exports: the
/// task, model and status, the results' scores and metrics, and each sample's id, epoch, input, target, messages,
/// output and scores. Read from both formats: `.json` (one document) and `.eval` (a ZIP of `header.json` and
/// `samples/<id>_epoch_<n>.json`).
struct InspectLog: Codable {
    struct Eval: Codable {
        var task: String
        var model: String
        var created: String?
        var run_id: String?
        var task_id: String?
        var eval_id: String?
        var dataset: JSONValue?
        var config: JSONValue?
    }

    struct Metric: Codable {
        var name: String
        var value: Double
    }

    struct ScoreSummary: Codable {
        var name: String
        var scorer: String
        var metrics: [String: Metric]
    }

    struct Results: Codable {
        var total_samples: Int?
        var completed_samples: Int?
        var scores: [ScoreSummary]
    }

    struct Message: Codable {
        var role: String
        var content: JSONValue

        /// The message's text: the string, or the text parts of a content list.
        var text: String {
            switch content {
            case .string(let text): return text
            case .array(let parts):
                return parts.compactMap { part -> String? in
                    if case .object(let fields) = part, case .string(let text)? = fields["text"] { return text }
                    return nil
                }.joined()
            default: return ""
            }
        }
    }

    struct Choice: Codable {
        var message: Message
        var stop_reason: String?
    }

    struct Output: Codable {
        var model: String?
        var completion: String?
        var choices: [Choice]?
    }

    struct SampleScore: Codable {
        var value: JSONValue
        var answer: String?
        var explanation: String?
    }

    struct Sample: Codable {
        var id: JSONValue
        var epoch: Int
        var input: JSONValue
        var target: JSONValue?
        var messages: [Message]?
        var output: Output?
        var scores: [String: SampleScore]?
        var metadata: [String: JSONValue]?
        var error: JSONValue?

        var idText: String {
            switch id {
            case .string(let text): return text
            case .int(let number): return String(number)
            default: return "\(id)"
            }
        }

        var targetText: String? {
            switch target {
            case .string(let text)?: return text
            case .array(let items)?: return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }.joined(separator: " | ")
            default: return nil
            }
        }
    }

    struct Stats: Codable {
        var started_at: String?
        var completed_at: String?
    }

    var version: Int?
    var status: String
    var stats: Stats?
    var eval: Eval
    var results: Results?
    var samples: [Sample]?

    /// Reads a `.json` or `.eval` log.
    static func read(_ url: URL) throws -> InspectLog {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SystemCardError.invalidInput("cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            if url.pathExtension == "eval" {
                let archive = try ZipArchive(data)
                guard let header = try archive.data("header.json") else {
                    throw SystemCardError.invalidInput("\(url.lastPathComponent): no header.json (is it an Inspect .eval log?)")
                }
                var log = try JSONCoding.decoder.decode(InspectLog.self, from: header)
                log.samples = try archive.names.filter { $0.hasPrefix("samples/") && $0.hasSuffix(".json") }.map {
                    try JSONCoding.decoder.decode(Sample.self, from: try archive.data($0) ?? Data())
                }
                return log
            }
            return try JSONCoding.decoder.decode(InspectLog.self, from: data)
        } catch let error as SystemCardError {
            throw error
        } catch let error as DecodingError {
            throw SystemCardError.invalidInput("\(url.lastPathComponent) is not an Inspect eval log: \(Self.describe(error))")
        } catch {
            throw SystemCardError.invalidInput("\(url.lastPathComponent): \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default:
            return "\(error)"
        }
    }

    /// A score value as a number: Inspect's `C`/`I`/`P`/`N` (correct, incorrect, partial, no answer), numbers and
    /// booleans; nil for anything else (lists, dictionaries).
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text):
            switch text {
            case "C": return 1
            case "I", "N": return 0
            case "P": return 0.5
            default: return Double(text)
            }
        default: return nil
        }
    }
}
