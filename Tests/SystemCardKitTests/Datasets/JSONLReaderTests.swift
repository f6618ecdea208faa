import Foundation
import Testing
@testable import SystemCardKit

@Suite struct JSONLReaderTests {
    static func parse(_ text: String) throws -> [DataRecord] {
        try JSONLReader.parse(Data(text.utf8), file: "t.jsonl")
    }

    @Test func scalarsBecomeText() throws {
        let records = try Self.parse(#"{"s":"hi","i":42,"d":1.5,"t":true,"f":false,"n":null,"neg":-3}"#)
        let fields = try #require(records.first?.fields)
        #expect(fields["s"] == "hi")
        #expect(fields["i"] == "42")
        #expect(fields["d"] == "1.5")
        #expect(fields["t"] == "true")
        #expect(fields["f"] == "false")
        #expect(fields["n"] == "")
        #expect(fields["neg"] == "-3")
    }

    @Test func numbersAreKeptAsWritten() throws {
        let fields = try #require(
            try Self.parse(#"{"v":1.0, "big" : 12345678901234567890,"e":-2.50E+3,"s":"1.0","k\"ey":7.0,"n":[1.0],"z":0}"#).first?.fields)
        #expect(fields["v"] == "1.0")
        #expect(fields["big"] == "12345678901234567890")
        #expect(fields["e"] == "-2.50E+3")
        #expect(fields["s"] == "1.0")
        #expect(fields["k\"ey"] == "7.0")
        #expect(fields["z"] == "0")
    }

    @Test func aDuplicateKeyKeepsTheDecodedValue() throws {
        // Which duplicate wins is the decoder's choice; the written text of the other must never replace it.
        for line in [#"{"a":1.0,"a":"text","b":2.50}"#, #"{"a":"text","a":1.0,"b":2.50}"#] {
            let fields = try #require(try Self.parse(line).first?.fields)
            let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8))["a"]!.text
            #expect(fields["a"] == decoded)
            #expect(fields["b"] == "2.50")
        }
    }

    @Test func numberSpansFollowKeysAcrossStringsWithBracesAndEscapes() {
        let line = #"{ "a" : "}{,\"]", "b":{"c":[1,{"d":"}"}]}, "x": 3.10 }"#
        #expect(JSONNumberSpans.topLevelNumbers(in: Array(line.utf8)) == ["x": "3.10"])
        #expect(JSONNumberSpans.topLevelNumbers(in: Array("{}".utf8)) == [:])
        #expect(JSONNumberSpans.topLevelNumbers(in: Array("[1]".utf8)) == nil)
    }

    @Test func nestedValuesAreKeptAsCompactJSON() throws {
        let records = try Self.parse(#"{"list":[1, "two", {"b":2, "a":1}],"object":{"z":[], "a":"x/y"}}"#)
        let fields = try #require(records.first?.fields)
        #expect(fields["list"] == #"[1,"two",{"a":1,"b":2}]"#)
        #expect(fields["object"] == #"{"a":"x/y","z":[]}"#)
        // The text parses back to the same value.
        let reparsed = try JSONDecoder().decode(JSONValue.self, from: Data(fields["list"]!.utf8))
        #expect(reparsed == .array([.int(1), .string("two"), .object(["a": .int(1), "b": .int(2)])]))
    }

    @Test func linesAreNumberedAndBlankLinesSkipped() throws {
        let records = try Self.parse("{\"id\":\"a\"}\n\n   \n{\"id\":\"b\"}\r\n{\"id\":\"c\"}\n")
        #expect(records.map { $0.fields["id"] } == ["a", "b", "c"])
        #expect(records.map(\.line) == [1, 4, 5])
    }

    @Test func invalidJSONNamesTheLine() {
        let error = #expect(throws: DatasetError.self) { try Self.parse("{\"id\":1}\n{\"id\":2}\n{\"id\": oops}\n") }
        #expect(error?.file == "t.jsonl")
        #expect(error?.line == 3)
        #expect(error?.reason == "not valid JSON")
    }

    @Test func aLineThatIsNotAnObjectIsAnError() {
        let array = #expect(throws: DatasetError.self) { try Self.parse("{\"id\":1}\n[1,2]\n") }
        #expect(array?.line == 2)
        #expect(array?.reason == "expected a JSON object")
        let string = #expect(throws: DatasetError.self) { try Self.parse("\"just text\"") }
        #expect(string?.line == 1)
    }

    @Test func readUsesTheDisplayName() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let url = try temporary.write("{\"a\":1}\nbroken\n", to: "x.jsonl")
        let error = #expect(throws: DatasetError.self) { try JSONLReader.read(url, displayName: "set/x.jsonl") }
        #expect(error?.description == "set/x.jsonl:2: not valid JSON")
    }
}
