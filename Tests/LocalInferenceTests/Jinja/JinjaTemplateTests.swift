import Foundation
import Testing

@testable import LocalInference

/// The engine's Jinja interpreter against Jinja2 itself (as Hugging Face's `apply_chat_template` configures it):
/// llama.cpp's collection of real chat templates and small templates for each language feature, each rendered
/// both ways on the same conversations, with and without tools.
struct JinjaTemplateTests {
    /// Conversations every template renders (as the JSON context `apply_chat_template` passes).
    static let contexts: [(name: String, json: String)] = [
        ("chat", """
        {"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi there"}, \
        {"role": "assistant", "content": "Hello!"}, {"role": "user", "content": "What is 2+2? Say \\"4\\" or 'four'.\\n"}], \
        "tools": null, "documents": null, "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>"}
        """),
        ("no system", """
        {"messages": [{"role": "user", "content": "  Hello  "}], "tools": null, "documents": null, \
        "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>"}
        """),
        ("tools", """
        {"messages": [{"role": "system", "content": "Solve the task."}, {"role": "user", "content": "Find the flag."}, \
        {"role": "assistant", "content": "", "tool_calls": [{"id": "call12345", "type": "function", \
        "function": {"name": "bash", "arguments": {"cmd": "cat flag.txt", "timeout": 30}}}]}, \
        {"role": "tool", "tool_call_id": "call12345", "name": "bash", "content": "picoCTF{ünïcode}\\n"}], \
        "tools": [{"type": "function", "function": {"name": "bash", "description": "Run a shell command.", \
        "parameters": {"type": "object", "properties": {"cmd": {"type": "string", "description": "The command."}, \
        "timeout": {"type": "integer"}}, "required": ["cmd"]}}}, {"type": "function", "function": {"name": "submit", \
        "description": "Submit an answer.", "parameters": {"type": "object", "properties": {"answer": {"type": "string"}}, \
        "required": ["answer"]}}}], "documents": null, "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>"}
        """),
        ("parallel calls", """
        {"messages": [{"role": "user", "content": "Two things."}, {"role": "assistant", "content": "On it.", \
        "tool_calls": [{"id": "callAAAAA", "type": "function", "function": {"name": "bash", "arguments": {"cmd": "ls"}}}, \
        {"id": "callBBBBB", "type": "function", "function": {"name": "python", "arguments": {"code": "print(1)"}}}]}, \
        {"role": "tool", "tool_call_id": "callAAAAA", "name": "bash", "content": "a.txt"}, \
        {"role": "tool", "tool_call_id": "callBBBBB", "name": "python", "content": "1"}, \
        {"role": "assistant", "content": "Done."}, {"role": "user", "content": "Thanks"}], \
        "tools": [{"type": "function", "function": {"name": "bash", "description": "Run.", "parameters": \
        {"type": "object", "properties": {"cmd": {"type": "string"}}}}}], "documents": null, \
        "add_generation_prompt": false, "bos_token": "<s>", "eos_token": "</s>"}
        """),
    ]

    /// llama.cpp's real chat templates (`models/templates/*.jinja`), fetched with its vocab test files.
    static var realTemplates: [URL] {
        let folder = VocabTestFiles.directory.appendingPathComponent("templates")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "jinja" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Renders each template on each context both ways; returns how many agreed, recording every difference.
    /// Where the interpreter knowingly renders what Jinja2 does not, by template, with the reason.
    static let knownDifferences: [String: String] = [
        "meetkai-functionary-medium-v3.1":
            "`'text'|safe + value` makes a Markup string whose `+` HTML-escapes the other operand; strings here have no Markup type",
        "llama-cpp-deepseek-r1":
            "Jinja2's map/select return generators, which its tojson cannot serialise; here they are lists and serialise",
    ]

    func compare(_ templates: [(name: String, source: String)], knownDifferences: [String: String] = [:]) throws
        -> (agreed: Int, total: Int, bothFailed: Int)
    {
        var cases: [(template: String, context: String)] = []
        var labels: [String] = []
        for template in templates {
            for context in Self.contexts {
                cases.append((template.source, context.json))
                labels.append("\(template.name) / \(context.name)")
            }
        }
        let reference = try JinjaReference.render(cases)
        var agreed = 0, bothFailed = 0
        for (i, c) in cases.enumerated() {
            let templateName = String(labels[i].prefix { $0 != "/" }.dropLast())
            let ours: Result<String, any Error> = Result {
                let context = try JinjaValue(json: c.context)
                guard case .object(let object) = context else { throw JinjaError("context is not an object") }
                let variables = Dictionary(object.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                return try JinjaTemplate(c.template).render(variables)
            }
            switch (ours, reference[i]) {
            case (.success(let a), .success(let b)) where a == b:
                agreed += 1
            case (.failure, .failure):
                agreed += 1
                bothFailed += 1
            case _ where knownDifferences[templateName] != nil:
                print("known difference, \(labels[i]): \(knownDifferences[templateName]!)")
            case (.success(let a), .success(let b)):
                let prefix = zip(a, b).prefix { $0 == $1 }.count
                Issue.record("\(labels[i]): differs after \(prefix) characters\n  ours:   \(String(a.dropFirst(max(0, prefix - 40)).prefix(160)).debugDescription)\n  jinja2: \(String(b.dropFirst(max(0, prefix - 40)).prefix(160)).debugDescription)")
            case (.failure(let error), .success):
                Issue.record("\(labels[i]): ours failed, Jinja2 rendered: \(error)")
            case (.success, .failure(let error)):
                Issue.record("\(labels[i]): ours rendered, Jinja2 failed: \(error.message)")
            }
        }
        return (agreed, cases.count, bothFailed)
    }

    @Test(.enabled(if: JinjaReference.isAvailable, "needs Python with Jinja2 (python3-jinja2)"))
    func realChatTemplatesRenderAsJinja2Does() throws {
        let files = Self.realTemplates
        guard !files.isEmpty else {
            print("skipped: no chat templates in \(VocabTestFiles.directory.path)/templates (scripts/local-inference/fetch_vocab_tests.sh)")
            return
        }
        let templates = try files.map { ($0.deletingPathExtension().lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
        let result = try compare(templates, knownDifferences: Self.knownDifferences)
        print("chat templates: \(result.agreed)/\(result.total) renders identical to Jinja2 (\(templates.count) templates × \(Self.contexts.count) conversations; \(result.bothFailed) refused by both)")
        #expect(templates.count >= 60)
    }

    /// Small templates, one per language feature chat templates lean on.
    static let featureTemplates: [(name: String, source: String)] = [
        ("whitespace", "{% for m in messages %}\n  {%- if m.role == 'user' %}\n    U:{{ m.content }}\n  {% else %}\n    {{- ' X:' -}}\n  {% endif %}\n{% endfor %}\n{#- comment -#}\n  end{%+ if true %} kept{% endif +%}\n"),
        ("loop", "{% for m in messages %}{{ loop.index }}/{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}{{ loop.previtem.role if loop.previtem is defined else '-' }}{{ loop.cycle('a', 'b') }};{% else %}empty{% endfor %}"),
        ("namespace", "{% set ns = namespace(n=0, last='') %}{% for m in messages if m.role != 'system' %}{% set ns.n = ns.n + 1 %}{% set ns.last = m.role %}{% set local = 1 %}{% endfor %}{{ ns.n }} {{ ns.last }} {{ local is defined }}"),
        ("break", "{% for i in range(10) %}{% if i == 2 %}{% continue %}{% endif %}{% if i > 4 %}{% break %}{% endif %}{{ i }}{% endfor %}"),
        ("tojson", "{{ tools | tojson }}|{{ tools[0] | tojson(indent=2) }}|{{ messages[-1].content | tojson }}|{{ {'a': none, 'b': [1, 2.5, true]} | tojson }}"),
        ("strings", "{{ messages[1].content.strip().upper() }}|{{ '  x  '.lstrip() }}|{{ 'a,b,,c'.split(',') }}|{{ 'a b  c'.split() }}|{{ 'abc'[1:] }}{{ 'abc'[::-1] }}|{{ 'hello' ~ 1 ~ none }}|{{ 'x' * 3 }}|{{ 'Hi'.startswith(('H', 'Z')) }}|{{ 'tool_call'.replace('_', '-') }}|{{ '%s=%d' % ('a', 3) }}|{{ '{}-{}'.format(1, 'b') }}|{{ 'ab' in 'cabd' }}|{{ 'x' | trim }}|{{ 'hello world' | title }}|{{ 'A' | lower }}"),
        ("values", "{{ none }}|{{ true }}|{{ 1.0 }}|{{ 7 / 2 }}|{{ 7 // 2 }}|{{ -7 % 3 }}|{{ 2 ** 10 }}|{{ [1, 'a', none] }}|{{ {'k': 'v'} }}|{{ undefined_name }}|{{ 'it''s' }}|{{ 1 < 2 < 3 }}|{{ (1, 2)[1] }}|{{ [3, 1, 2] | sort }}|{{ [1, 2] + [3] }}"),
        ("filters", "{{ messages | map(attribute='role') | join(',') }}|{{ messages | selectattr('role', 'equalto', 'user') | list | length }}|{{ messages | rejectattr('role', 'in', ['system']) | map(attribute='role') | first }}|{{ [1, 2, 3] | select('odd') | list }}|{{ x | default('d') }}|{{ '' | default('e', true) }}|{{ [1, 2, 2] | unique | list }}|{{ [[1, 2], [3]] | map('length') | sum }}|{{ {'b': 1, 'a': 2} | items | map('first') | list }}|{% for k, v in {'b': 1, 'a': 2, 3: 'c'} | dictsort(by='value') if v is number %}{{ k }}{{ v }}{% endfor %}|{{ {4096: 1, 'x': {1: 2}}[4096] }}{{ {4096: 1, 'x': {1: 2}} | tojson }}|{{ 3.14159 | round(2) }}|{{ '42' | int + 1 }}|{{ 'a\\nb' | indent(2) }}|{{ [1, 2, 3] | reverse | list }}|{{ [4, 9] | max }}"),
        ("tests", "{{ messages is sequence }}{{ messages[0] is mapping }}{{ 'x' is string }}{{ 3 is number }}{{ 3 is integer }}{{ none is none }}{{ x is undefined }}{{ 4 is divisibleby 2 }}{{ 3 is odd }}{{ messages[0].content is not none }}{{ 1 is eq 1 }}{{ 'a' is in 'abc' }}{{ true is boolean }}{{ range is callable }}"),
        ("dict methods", "{% for k, v in tools[0].function.parameters.properties.items() %}{{ k }}:{{ v.type }};{% endfor %}{{ tools[0].function.get('missing', 'dflt') }}{{ tools[0].function.keys() | list }}{{ messages[0]['role'] }}{{ messages[0].get('tool_calls') }}"),
        ("macro", "{% macro render(m, prefix='> ') %}{{ prefix }}{{ m.role }}: {{ m.content }}{% endmacro %}{% for m in messages %}{{ render(m) }}|{{ render(m, prefix='* ') }}{% endfor %}{% macro wrap() %}[{{ caller() }}]{% endmacro %}{% call wrap() %}inside{% endcall %}"),
        ("set block", "{% set header %}H{{ messages | length }}{% endset %}{% set a, b = 1, 2 %}{{ header }}{{ a + b }}{% filter upper %}shout{% endfilter %}{% raw %}{{ not rendered }}{% endraw %}"),
        ("raise", "{% if messages | length > 1 %}{{ raise_exception('only one message is supported') }}{% endif %}ok"),
        ("undefined attribute", "{{ messages[0].nope.deeper }}"),
        ("conditional", "{{ 'yes' if messages else 'no' }}{{ 'only' if false }}|{{ messages[0].role == 'system' and 'sys' or 'other' }}|{{ not messages }}"),
    ]

    @Test(.enabled(if: JinjaReference.isAvailable, "needs Python with Jinja2 (python3-jinja2)"))
    func languageFeaturesRenderAsJinja2Does() throws {
        let result = try compare(Self.featureTemplates)
        // Two templates must fail in both (raise_exception on multi-message conversations, an undefined's attribute).
        #expect(result.bothFailed >= Self.contexts.count)
        print("feature templates: \(result.agreed)/\(result.total) identical to Jinja2")
    }

    /// Expectations written out, so the interpreter is checked where Jinja2 is absent too.
    @Test func rendersChatTemplateBasicsWithoutJinja2() throws {
        let context = try JinjaValue(json: Self.contexts[0].json)
        guard case .object(let object) = context else { Issue.record("context"); return }
        let variables = Dictionary(object.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        func render(_ source: String) throws -> String { try JinjaTemplate(source).render(variables) }
        #expect(try render(Self.featureTemplates[0].source) == " X:    U:Hi there\n X:    U:What is 2+2? Say \"4\" or 'four'.\n\nend kept")
        #expect(try render(Self.featureTemplates[1].source) == "1/4F-a;2/4systemb;3/4usera;4/4Lassistantb;")
        #expect(try render(Self.featureTemplates[2].source) == "3 user False")
        #expect(try render(Self.featureTemplates[3].source) == "0134")
        #expect(try render("{{ {'b': 'é', 'a': [1, 2.5, none]} | tojson }}") == "{\"b\": \"é\", \"a\": [1, 2.5, null]}")
        #expect(try render("{{ [1, 'a', none, true] }} {{ 1.0 }} {{ 7 / 2 }} {{ -7 % 3 }}") == "[1, 'a', None, True] 1.0 3.5 2")
        #expect(throws: JinjaError.self) { try render(Self.featureTemplates[12].source) }
        #expect(throws: JinjaError.self) { try render("{{ messages[0].nope.deeper }}") }
        #expect(throws: JinjaError.self) { try JinjaTemplate("{% if x %}unclosed") }
        #expect(throws: JinjaError.self) { try JinjaTemplate("{{ x ") }
        // A template from a model file cannot loop forever.
        // Hostile templates from a model file: errors, never a crash, a hang or a huge allocation.
        let deep = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        #expect(throws: JinjaError.self) { try JinjaTemplate("{{ \(deep) }}") }
        #expect(throws: JinjaError.self) { try JinjaTemplate("{{ " + String(repeating: "not ", count: 5_000) + "x }}") }
        #expect(throws: JinjaError.self) { try render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}") }
        #expect(throws: JinjaError.self) {
            try render("{% set ns = namespace(x=[]) %}{% for i in range(1000) %}{% set ns.x = [ns.x] %}{% endfor %}{{ ns.x | tojson }}")
        }
        #expect(throws: JinjaError.self) { try render("{{ range(-9223372036854775807, 9223372036854775807) | length }}") }
        #expect(throws: JinjaError.self) { try render("{{ 'x' * 1000000000000 }}") }
        #expect(throws: JinjaError.self) { try render("{{ 9223372036854775807 + 1 }}") }
        #expect(throws: JinjaError.self) { try render("{{ 10 ** 19 }}") }
        #expect(try render("{{ [1, 2, 3][1::9223372036854775807] }}|{{ 9007199254740993 + 0 }}|{{ 2 ** 62 }}|{{ -7 // 2 }}") == "[2]|9007199254740993|4611686018427387904|-4")
        let endless = try JinjaTemplate("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
        #expect(throws: JinjaError.self) { try endless.render(variables, stepLimit: 20_000) }
    }

    @Test func readsJSONKeepingKeyOrder() throws {
        let value = try JinjaValue(json: #"{"z": 1, "a": {"y": [true, null, -2.5e3, "\u00e9\n"]}, "m": 12345678901}"#)
        #expect(try value.json() == #"{"z": 1, "a": {"y": [true, null, -2500.0, "é\n"]}, "m": 12345678901}"#)
        #expect(throws: JinjaError.self) { try JinjaValue(json: #"{"a": }"#) }
        #expect(throws: JinjaError.self) { try JinjaValue(json: "[1, 2") }
    }

    /// SmolLM2's own template, interpreted, gives the prompts llama.cpp rendered for the reference fixture.
    @Test(.enabled(if: TestModel.isAvailable, "needs the SmolLM2 model (systemcard model pull smollm2)"))
    func smolLM2sTemplateGivesLlamaCppsPrompts() throws {
        let model = try #require(TestModel.shared)
        let source = try #require(model.file.metadata["tokenizer.chat_template"]?.stringValue)
        let template = try JinjaTemplate(source)
        let fixture = try ReferenceFixture.load()
        for c in fixture.cases {
            let messages = c.messages.map { JinjaValue.object(JinjaObject([("role", .string($0.role)), ("content", .string($0.content))])) }
            let prompt = try template.render([
                "messages": .array(messages), "add_generation_prompt": .bool(true), "tools": .none,
                "bos_token": .string("<|im_start|>"), "eos_token": .string("<|im_end|>"),
            ])
            #expect(prompt == c.prompt)
            #expect(prompt == model.formatChat(c.messages.map { ChatTurn(role: $0.role, content: $0.content) }))
        }
    }
}
