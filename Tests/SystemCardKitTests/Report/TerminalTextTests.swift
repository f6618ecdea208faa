import Foundation
import Testing
@testable import SystemCardKit

@Suite struct TerminalTextTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(TerminalText.escape("\u{1B}[31mred\u{1B}[0m") == "\\u{1b}[31mred\\u{1b}[0m")
        // Window-title sequence: ESC ] 0 ; title BEL
        #expect(TerminalText.escape("\u{1B}]0;pwned\u{07}") == "\\u{1b}]0;pwned\\u{7}")
    }

    @Test func otherControlCharactersBecomeVisible() {
        #expect(TerminalText.escape("a\u{00}b\u{08}c\rd\u{7F}") == "a\\u{0}b\\u{8}c\\u{d}d\\u{7f}")
        // C1 controls, including the single-byte CSI.
        #expect(TerminalText.escape("x\u{9B}2Jy\u{85}") == "x\\u{9b}2Jy\\u{85}")
    }

    @Test func bidiOverridesAndInvisibleMarksBecomeVisible() {
        #expect(TerminalText.escape("abc\u{202E}fed") == "abc\\u{202e}fed")
        #expect(TerminalText.escape("\u{2066}x\u{2069}\u{200F}\u{FEFF}") == "\\u{2066}x\\u{2069}\\u{200f}\\u{feff}")
    }

    @Test func newlinesAndTabsAreKeptUnlessSingleLine() {
        #expect(TerminalText.escape("line 1\n\tline 2") == "line 1\n\tline 2")
        #expect(TerminalText.escape("line 1\n\tline 2", singleLine: true) == "line 1\\n\\tline 2")
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Grüße, 你好, emoji 🙂, quotes \"'\\ and accents é"
        #expect(TerminalText.escape(text) == text)
        #expect(TerminalText.escape(text, singleLine: true) == text)
    }

    @Test func excerptEscapesAndCuts() {
        #expect(TerminalText.excerpt("abcdef", limit: 10) == "abcdef")
        #expect(TerminalText.excerpt("abcdefghijkl", limit: 5) == "abcd…")
        #expect(TerminalText.excerpt("a\nb", limit: 10) == "a\\nb")
        let excerpt = TerminalText.excerpt(String(repeating: "\u{1B}", count: 10), limit: 12)
        #expect(excerpt.count == 12)
        #expect(!excerpt.unicodeScalars.contains("\u{1B}"))
    }
}
