import Testing

@testable import SystemCardKit

struct FencedCodeTests {
    @Test func picksTheTaggedBlockThatMatches() {
        let answer = """
            Here is an example:
            ```python
            print(1)
            ```
            And the function:
            ```Python
            def f(x):
                return x
            ```
            """
        #expect(FencedCode.blocks(in: answer).count == 2)
        #expect(FencedCode.block(in: answer, languages: ["python"], preferring: { $0.contains("def f(") })
            == "def f(x):\n    return x")
        #expect(FencedCode.block(in: answer, languages: ["python"]) == "print(1)")
        #expect(FencedCode.block(in: "```diff\n--- a\n+++ b\n", languages: ["diff"]) == "--- a\n+++ b\n",
                "an unclosed fence runs to the end")
        #expect(FencedCode.block(in: "no code here", languages: ["python"]) == nil)
        #expect(FencedCode.block(in: "````markdown\n```py\nx\n```\n````", languages: ["markdown"]) == "```py\nx\n```",
                "a longer fence holds shorter ones")
        #expect(FencedCode.block(in: "```python title=f.py\ny = 1\n```", languages: ["python"]) == "y = 1")
    }
}
