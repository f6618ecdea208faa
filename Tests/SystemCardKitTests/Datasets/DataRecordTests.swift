import Foundation
import Testing
@testable import SystemCardKit

@Suite struct DataRecordTests {
    let record = DataRecord(file: "set/file.csv", line: 17, fields: ["id": "7", "blank": "  ", "label": "maybe", "empty": ""])

    @Test func requireReturnsPresentValues() throws {
        #expect(try record.require("id") == "7")
        #expect(try record.require("label", oneOf: ["maybe", "no"]) == "maybe")
    }

    @Test func missingFieldNamesFileLineAndField() {
        let error = #expect(throws: DatasetError.self) { try record.require("prompt") }
        #expect(error == DatasetError(file: "set/file.csv", line: 17, field: "prompt", reason: "missing field"))
        #expect(error?.description == "set/file.csv:17 field 'prompt': missing field")
    }

    @Test func emptyOrBlankValuesAreErrors() {
        let blank = #expect(throws: DatasetError.self) { try record.require("blank") }
        #expect(blank?.field == "blank")
        #expect(blank?.reason == "empty value")
        let empty = #expect(throws: DatasetError.self) { try record.require("empty") }
        #expect(empty?.field == "empty")
    }

    @Test func valueOutsideTheAllowedSetNamesTheChoices() {
        let error = #expect(throws: DatasetError.self) { try record.require("label", oneOf: ["safe", "unsafe"]) }
        #expect(error?.field == "label")
        #expect(error?.line == 17)
        #expect(error?.reason == "'maybe' is not one of safe, unsafe")
    }

    @Test func optionalTreatsEmptyAsAbsent() {
        #expect(record.optional("id") == "7")
        #expect(record.optional("empty") == nil)
        #expect(record.optional("nothing") == nil)
    }

    @Test func errorHelperNamesTheRow() {
        #expect(record.error("id", "duplicate") == DatasetError(file: "set/file.csv", line: 17, field: "id", reason: "duplicate"))
        #expect(record.error(nil, "bad").description == "set/file.csv:17: bad")
    }
}
