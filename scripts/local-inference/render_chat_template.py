#!/usr/bin/env python3
"""Renders chat templates as Hugging Face's `apply_chat_template` does: the reference the engine's Jinja interpreter
is tested against (Tests/LocalInferenceTests/Jinja/). Needs Jinja2 (Debian's python3-jinja2, or pip install jinja2).

    python3 scripts/local-inference/render_chat_template.py < cases.json

Reads a JSON list of {"template": str, "context": {...}} and writes a JSON list of {"output": str} or
{"error": str}, one per case. The environment is transformers' (`chat_template_utils._compile_jinja_template`):
ImmutableSandboxedEnvironment with trim_blocks and lstrip_blocks, the loopcontrols extension, the
`{% generation %}` block (transformers' AssistantTracker, which renders its body), a `tojson` filter
that keeps non-ASCII text and key order, and the `raise_exception` and `strftime_now` globals. Objects keep their
key order (json.loads gives ordered dicts), as the engine's do.
"""
import json
import sys
from datetime import datetime

from jinja2 import nodes
from jinja2.exceptions import TemplateError
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment


class Generation(Extension):
    """`{% generation %}...{% endgeneration %}`: transformers marks the assistant's tokens with it; renders the body."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return datetime.now().strftime(format)


def main():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[Generation, "jinja2.ext.loopcontrols"])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    results = []
    compiled = {}  # compiling is the slow part: each template once
    for case in json.load(sys.stdin):
        try:
            source = case["template"]
            if source not in compiled:
                compiled[source] = env.from_string(source)
            results.append({"output": compiled[source].render(**case["context"])})
        except Exception as error:  # the test only compares whether both fail
            results.append({"error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
