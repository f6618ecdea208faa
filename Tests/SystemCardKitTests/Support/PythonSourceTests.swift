import Foundation
import Testing
@testable import SystemCardKit

@Suite struct PythonSourceTests {
    @Test func readsTripleQuotedAssignmentsAndAppliesStrip() throws {
        let source = #"""
            import re
            OTHER = "no"
            TEMPLATE = """
            Line one {question}.
              Indented "quoted" line with a \"escape\" and a tab\there.
            """.strip()
            """#
        let value = try PythonSource.stringAssignment("TEMPLATE", in: source)
        #expect(value == "Line one {question}.\n  Indented \"quoted\" line with a \"escape\" and a tab\there.")
        #expect(try PythonSource.stringAssignment("OTHER", in: source) == "no")
    }

    @Test func readsIndentedFStringsWithContinuationsAsPythonDoes() throws {
        // A backslash at the end of a line continues the string: the next line's indentation is kept.
        let source = "def f(Q):\n    PROMPT = f'First.\\n\\n\\\n        Second {Q} line.\\n\\\n        End:'\n    return PROMPT\n"
        #expect(try PythonSource.stringAssignment("PROMPT", in: source) == "First.\n\n        Second {Q} line.\n        End:")
    }

    @Test func rawStringsKeepTheirBackslashes() throws {
        #expect(try PythonSource.stringAssignment("R", in: #"R = r"a\nb""#) == #"a\nb"#)
    }

    @Test func missingOrUnterminatedStringsAreErrors() {
        #expect(throws: PythonSourceError.self) { try PythonSource.stringAssignment("X", in: "Y = 'a'") }
        #expect(throws: PythonSourceError.self) { try PythonSource.stringAssignment("X", in: "X = \"\"\"never ends") }
        #expect(throws: PythonSourceError.self) { try PythonSource.stringAssignment("X", in: "X = 'broken\nline'") }
    }

    @Test func formatsFieldsAndDoubledBracesAsStrFormat() throws {
        #expect(try PythonSource.format("{a} and {{literal}} {b}", ["a": "1", "b": "{b}"]) == "1 and {literal} {b}")
        #expect(throws: PythonSourceError.self) { try PythonSource.format("{missing}", [:]) }
        #expect(throws: PythonSourceError.self) { try PythonSource.format("a } b", [:]) }
        #expect(throws: PythonSourceError.self) { try PythonSource.format("a { b", [:]) }
    }
}
