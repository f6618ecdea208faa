import Foundation
import Testing
@testable import SystemCardKit

@Suite struct SeededGeneratorTests {
    @Test func matchesTheSplitMix64ReferenceSequence() {
        // SplitMix64 from seed 0 (reference values from Vigna's splitmix64.c).
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameSequence() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}

@Suite struct SHA256DigestTests {
    @Test func knownDigests() throws {
        #expect(SHA256Digest.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = try temporary.write("abc", to: "abc.txt")
        #expect(try SHA256Digest.file(file) == SHA256Digest.hex("abc"))
    }
}

@Suite struct PathsTests {
    @Test func homeAndDatabaseFollowTheEnvironment() {
        #expect(SystemCardPaths.home(environment: ["HOME": "/home/u"]).path == "/home/u/.systemcard")
        #expect(SystemCardPaths.home(environment: ["HOME": "/home/u", "SYSTEMCARD_HOME": "/data/sc"]).path == "/data/sc")
        #expect(SystemCardPaths.home(environment: ["HOME": "/home/u", "SYSTEMCARD_HOME": ""]).path == "/home/u/.systemcard")
        #expect(SystemCardPaths.defaultDatabase(environment: ["SYSTEMCARD_HOME": "/sc"]).path == "/sc/systemcard.sqlite")
    }
}

@Suite struct JSONValueTests {
    @Test func roundTripsEveryKind() throws {
        let value = JSONValue.object([
            "null": .null, "bool": .bool(false), "int": .int(-7), "double": .double(2.5), "string": .string("s"),
            "array": .array([.int(1), .string("x")]), "object": .object(["k": .bool(true)]),
        ])
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test func numbersAreNotBooleans() throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("1".utf8)) == .int(1))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("0".utf8)) == .int(0))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("true".utf8)) == .bool(true))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("0.25".utf8)) == .double(0.25))
    }
}

@Suite struct TextTableTests {
    @Test func firstColumnLeftOthersRight() {
        let lines = TextTable.render(header: ["metric", "value", "n"], rows: [["a", "0.500", "10"], ["longer_name", "1.000", "2"]])
        #expect(lines == [
            "metric       value   n",
            "a            0.500  10",
            "longer_name  1.000   2",
        ])
    }
}

@Suite struct RunProgressTests {
    @Test func lineShowsCountsRateRetriesAndETA() {
        let progress = RunProgress(evaluation: "xstest", total: 100, resumed: 5, completed: 25, errors: 1, retries: 3, elapsed: 5)
        #expect(progress.rate == 5)
        #expect(progress.eta == 15)
        #expect(progress.line == "xstest 25/100 25.0% 5.0/s errors 1 retries 3 (resumed 5) ETA 15s")
        let done = RunProgress(evaluation: "x", total: 0, resumed: 0, completed: 0, errors: 0, retries: 0, elapsed: 0)
        #expect(done.eta == nil)
        #expect(done.line == "x 0/0 100.0% 0.0/s errors 0")
    }

    @Test func durationsAreCompact() {
        #expect(RunProgress.duration(59.4) == "59s")
        #expect(RunProgress.duration(61) == "1m01s")
        #expect(RunProgress.duration(3_725) == "1h02m")
    }
}
