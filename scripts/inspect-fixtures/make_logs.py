#!/usr/bin/env python3
"""Writes the Inspect AI eval logs the import tests read (Tests/SystemCardKitTests/Fixtures/inspect/): a small task
of our own run by the `inspect-ai` package against a loopback OpenAI-compatible server this script starts, in
both log formats (`.eval`, `.json`). The tests need no Python; run this to regenerate them:

    python3 -m venv /tmp/inspect && /tmp/inspect/bin/pip install inspect-ai openai
    /tmp/inspect/bin/python scripts/inspect-fixtures/make_logs.py Tests/SystemCardKitTests/Fixtures/inspect

It also checks, when given `--check LOG`, that Inspect reads a log SystemCard exported (`systemcard export
inspect RUN`), as `inspect view` does.
"""
import json
import os
import shutil
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

ANSWERS = {"What is 2 + 2?": "4", "Name the capital of France.": "Paris", "Which colour is the sky on a clear day?": "green"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        if isinstance(prompt, list):
            prompt = "".join(part.get("text", "") for part in prompt)
        answer = next((a for q, a in ANSWERS.items() if q in prompt), "I do not know.")
        reply = {
            "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12},
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        from inspect_ai.log import read_eval_log
        log = read_eval_log(sys.argv[2])
        print(f"{sys.argv[2]}: Inspect reads it: task {log.eval.task}, model {log.eval.model}, "
              f"{len(log.samples or [])} samples, status {log.status}, "
              f"scores {[ (s.name, {k: m.value for k, m in s.metrics.items()}) for s in (log.results.scores if log.results else [])]}")
        return
    out = sys.argv[1]
    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ["OPENAI_BASE_URL"] = f"http://127.0.0.1:{server.server_port}/v1"
    os.environ["OPENAI_API_KEY"] = "test-key-not-secret"

    from inspect_ai import Task, eval as inspect_eval
    from inspect_ai.dataset import Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    task = Task(
        name="arithmetic_and_facts",
        dataset=[
            Sample(id="sum", input="What is 2 + 2?", target="4", metadata={"kind": "math"}),
            Sample(id="capital", input="Name the capital of France.", target="Paris", metadata={"kind": "fact"}),
            Sample(id="sky", input="Which colour is the sky on a clear day?", target="blue", metadata={"kind": "fact"}),
        ],
        solver=generate(),
        scorer=match(),
    )
    os.makedirs(out, exist_ok=True)
    for log_format in ("eval", "json"):
        with tempfile.TemporaryDirectory() as logs:
            # The chat completions API (what the loopback server speaks), not the Responses API.
            [log] = inspect_eval(task, model="openai/loopback-model", model_args={"responses_api": False}, log_dir=logs,
                                 log_format=log_format, display="none", epochs=2)
            [written] = [f for f in os.listdir(logs) if f.endswith("." + log_format)]
            target = os.path.join(out, f"arithmetic_and_facts.{log_format}")
            shutil.copy(os.path.join(logs, written), target)
            print(f"wrote {target} ({log.status})")
    server.shutdown()


if __name__ == "__main__":
    main()
