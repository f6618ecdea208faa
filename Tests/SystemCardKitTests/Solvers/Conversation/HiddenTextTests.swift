import Testing
@testable import SystemCardKit

@Suite struct HiddenTextTests {
    @Test func thinkBlocksAreRemovedWhereverTheyAre() {
        let text = "<think>plan: flatter them</think>Hello there!\n\n<THINK>more</Think>How are you?"
        #expect(HiddenText.strip(text, hiding: [.thinking]) == "Hello there!\n\nHow are you?")
    }

    @Test func anUnclosedThinkBlockHidesTheRest() {
        #expect(HiddenText.strip("Hi. <think>they look rich, ask for", hiding: [.thinking]) == "Hi.")
    }

    @Test func aCloseTagWithoutOpenHidesEverythingBeforeIt() {
        #expect(HiddenText.strip("secret reasoning</think>Visible answer", hiding: [.thinking]) == "Visible answer")
    }

    @Test func patternsHideMarkersAndABadPatternHidesEverything() {
        let rules: [HiddenText] = [.pattern(#"\[NOTE:[^\]]*\]"#)]
        #expect(HiddenText.strip("Sure [note: lying here] thing", hiding: rules) == "Sure  thing")
        #expect(HiddenText.strip("anything at all", hiding: [.pattern("([unclosed")]) == "")
    }

    @Test func textWithNothingHiddenIsUnchangedButTrimmed() {
        #expect(HiddenText.strip("  plain text \n", hiding: [.thinking]) == "plain text")
        #expect(HiddenText.strip("a\n\n\n\nb", hiding: []) == "a\n\nb")
    }
}
