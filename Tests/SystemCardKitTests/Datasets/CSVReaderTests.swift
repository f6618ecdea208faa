import Foundation
import Testing
@testable import SystemCardKit

@Suite struct CSVReaderTests {
    @Test func plainRowsAreKeyedByTheHeader() throws {
        let records = try CSVReader.parse("id,prompt\n1,hello\n2,world\n", file: "t.csv")
        #expect(records.count == 2)
        #expect(records[0].fields == ["id": "1", "prompt": "hello"])
        #expect(records[1].fields == ["id": "2", "prompt": "world"])
        #expect(records.map(\.line) == [2, 3])
        #expect(records.allSatisfy { $0.file == "t.csv" })
    }

    @Test func quotedFieldsKeepCommasAndDoubledQuotes() throws {
        let text = "id,text\n1,\"a, b\"\n2,\"she said \"\"hi\"\"\"\n3,\"\"\n"
        let records = try CSVReader.parse(text, file: "t.csv")
        #expect(records.map { $0.fields["text"] } == ["a, b", "she said \"hi\"", ""])
    }

    @Test func newlinesInsideQuotesAreKeptAndLaterRowsKeepTheirStartLine() throws {
        let text = "id,text\n1,\"line one\nline two\nline three\"\n2,after\n3,\"x\ny\"\n4,last"
        let records = try CSVReader.parse(text, file: "t.csv")
        #expect(records.map { $0.fields["id"] } == ["1", "2", "3", "4"])
        #expect(records[0].fields["text"] == "line one\nline two\nline three")
        #expect(records.map(\.line) == [2, 5, 6, 8])
    }

    @Test func crlfLineEndingsAreStripped() throws {
        let text = "id,text\r\n1,hello\r\n2,\"multi\r\nline\"\r\n3,end\r\n"
        let records = try CSVReader.parse(text, file: "t.csv")
        #expect(records.map { $0.fields["id"] } == ["1", "2", "3"])
        #expect(records[0].fields["text"] == "hello")
        #expect(records[2].fields["text"] == "end")
        #expect(records[2].line == 5)
        #expect(Array(records[0].fields.keys).sorted() == ["id", "text"])  // no "text\r" header
    }

    @Test func byteOrderMarkIsRemovedFromTheFirstHeader() throws {
        let records = try CSVReader.parse("\u{FEFF}id,prompt\n1,hello\n", file: "t.csv")
        #expect(records.first?.fields["id"] == "1")
        #expect(try records.first?.require("id") == "1")
    }

    @Test func byteOrderMarkBeforeAQuotedHeader() throws {
        // Spreadsheet exports often write a BOM and quote every header.
        let records = try CSVReader.parse("\u{FEFF}\"id\",\"prompt\"\n1,hello\n", file: "t.csv")
        #expect(records.first?.fields["id"] == "1")
    }

    @Test func blankLinesAndAMissingFinalNewlineAreFine() throws {
        let records = try CSVReader.parse("id,text\n1,a\n\n2,b", file: "t.csv")
        #expect(records.map { $0.fields["text"] } == ["a", "b"])
        #expect(records.map(\.line) == [2, 4])
    }

    @Test func aQuotedEmptyValueInAOneColumnFileIsARowNotABlankLine() throws {
        // Rows are never skipped silently; `""` is an empty value, unlike an empty line.
        let records = try CSVReader.parse("name\n\"\"\nx\n", file: "t.csv")
        #expect(records.map { $0.fields["name"] } == ["", "x"])
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() {
        let error = #expect(throws: DatasetError.self) {
            try CSVReader.parse("id,text\n1,ok\n2,\"never closed\nmore\nand more\n", file: "t.csv")
        }
        #expect(error?.file == "t.csv")
        #expect(error?.line == 3)
        #expect(error?.reason.contains("unterminated") == true)
    }

    @Test func wrongFieldCountNamesTheLine() {
        let tooMany = #expect(throws: DatasetError.self) {
            try CSVReader.parse("id,text\n1,\"a\nb\"\n2,x,y\n", file: "t.csv")
        }
        #expect(tooMany?.line == 4)
        #expect(tooMany?.reason.contains("expected 2 fields") == true)
        #expect(tooMany?.reason.contains("found 3") == true)

        let tooFew = #expect(throws: DatasetError.self) { try CSVReader.parse("a,b,c\n1,2\n", file: "t.csv") }
        #expect(tooFew?.line == 2)
        #expect(tooFew?.description.hasPrefix("t.csv:2: expected 3 fields") == true)
    }

    @Test func quoteInsideAnUnquotedFieldIsAnError() {
        let error = #expect(throws: DatasetError.self) {
            try CSVReader.parse("id,text\n1,ok\n2,say \"hi\"\n", file: "t.csv")
        }
        #expect(error?.line == 3)
        #expect(error?.field == "column 2")
        #expect(error?.reason.contains("quote inside an unquoted field") == true)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let error = #expect(throws: DatasetError.self) { try CSVReader.parse("id,text\n1,\"a\"b\n", file: "t.csv") }
        #expect(error?.line == 2)
        #expect(error?.field == "column 2")
    }

    @Test func duplicateHeaderAndEmptyFileAreErrors() {
        let duplicate = #expect(throws: DatasetError.self) { try CSVReader.parse("id,id\n1,2\n", file: "t.csv") }
        #expect(duplicate?.line == 1)
        #expect(duplicate?.field == "id")
        let empty = #expect(throws: DatasetError.self) { try CSVReader.parse("", file: "empty.csv") }
        #expect(empty?.file == "empty.csv")
    }

    @Test func readingAFileUsesTheDisplayName() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let url = try temporary.write("id,x\n1,2\n3\n", to: "data.csv")
        let error = #expect(throws: DatasetError.self) { try CSVReader.read(url, displayName: "sub/data.csv") }
        #expect(error?.file == "sub/data.csv")
        #expect(error?.line == 3)
        let missing = #expect(throws: DatasetError.self) {
            try CSVReader.read(temporary.url.appendingPathComponent("absent.csv"))
        }
        #expect(missing?.file == "absent.csv")
        #expect(missing?.reason.contains("cannot read") == true)
        let binary = temporary.url.appendingPathComponent("binary.csv")
        try Data([0x69, 0x64, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: binary)
        let notUTF8 = #expect(throws: DatasetError.self) { try CSVReader.read(binary) }
        #expect(notUTF8?.reason.contains("UTF-8") == true)
    }
}
