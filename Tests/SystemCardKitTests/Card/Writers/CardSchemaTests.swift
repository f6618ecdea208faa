import Foundation
import Testing

@testable import SystemCardKit

/// card.json: a lossless round trip, sorted keys, and exactly the schema documented in docs/card.md.
struct CardSchemaTests {
    static let docs = SharedData.repositoryRoot.appendingPathComponent("docs/card.md")

    /// The ```json block after "## JSON schema" in docs/card.md.
    static func schema() throws -> JSONValue {
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.range(of: "## JSON schema"))
        let rest = text[section.upperBound...]
        let start = try #require(rest.range(of: "```json\n"))
        let end = try #require(rest[start.upperBound...].range(of: "\n```"))
        return try JSONDecoder().decode(JSONValue.self, from: Data(rest[start.upperBound..<end.lowerBound].utf8))
    }

    @Test func everyFieldRoundTripsThroughJSON() throws {
        let card = HostileCard.make()
        let json = try card.json()
        let decoded = try CardDocument.decode(Data(json.utf8))
        #expect(decoded == card)
        #expect(try decoded.json() == json, "encoding is deterministic")
    }

    @Test func keysAreSortedAndSnakeCase() throws {
        let json = try HostileCard.make().json()
        #expect(json.contains("\"ci_low\""))
        #expect(json.contains("\"higher_is_better\""))
        #expect(!json.contains("\"ciLow\""))
        let topKeys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
    }

    @Test func aCardWithEveryFieldMatchesTheDocumentedSchema() throws {
        let checker = try JSONSchemaCheck(schema: try Self.schema())
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(try HostileCard.make().json().utf8))
        #expect(checker.violations(of: value) == [])
    }

    @Test func aMinimalCardMatchesTheSchemaToo() throws {
        let model = CardFixtures.model("only")
        let card = CardDocument(
            title: "t", generatedAt: "2025-01-01T00:00:00Z", generator: "systemcard", profile: .full, models: [model],
            graderModel: nil, evaluations: [CardFixtures.evaluation("x", section: .bias, values: ["only": nil])],
            preparedness: PreparednessScorer.score(config: .defaults, models: [model], evaluations: []))
        let checker = try JSONSchemaCheck(schema: try Self.schema())
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(try card.json().utf8))
        #expect(checker.violations(of: value) == [])
    }

    @Test func theCheckerCatchesAnUndocumentedKeyAndAWrongType() throws {
        let checker = try JSONSchemaCheck(schema: try Self.schema())
        var value = try JSONDecoder().decode(JSONValue.self, from: Data(try HostileCard.make().json().utf8))
        guard case .object(var object) = value else {
            Issue.record("not an object")
            return
        }
        object["surprise"] = .int(1)
        object["limit"] = .string("ten")
        value = .object(object)
        let problems = checker.violations(of: value)
        #expect(problems.contains("$: undocumented key surprise"))
        #expect(problems.contains { $0.hasPrefix("$.limit: expected integer") })
    }
}
