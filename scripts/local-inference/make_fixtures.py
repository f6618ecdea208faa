#!/usr/bin/env python3
"""Generate Tests/LocalInferenceTests/Fixtures/reference.json from llama.cpp (via the xllamacpp wheel).

For each prompt: the chat-formatted prompt text (llama.cpp's Jinja rendering of the file's template), its token ids,
llama.cpp's greedy tokens (up to 32, stopping at end of turn) and the top-50 log-probabilities of the first
generated token. Also records llama.cpp's tokenization of tricky strings.

    pip install xllamacpp
    python3 scripts/local-inference/make_fixtures.py [--model PATH]

llama.cpp is only used here (a reference), never by the product.
"""
import argparse
import json
import os
import sys
import urllib.request

SYSTEM = "You are a helpful assistant. Answer briefly."
PROMPTS = [
    [("user", "What is the capital of France?")],
    [("user", "Write a haiku about the sea.")],
    [("user", "What is 12 times 7?")],
    [("user", "Name three primary colors.")],
    [("user", "Translate 'good morning' into Spanish.")],
    [("user", "Give me a one-sentence definition of photosynthesis.")],
    [("user", "List two benefits of regular exercise.")],
    [("user", "Who wrote Romeo and Juliet?")],
    [("user", "Hi! How are you today?"), ("assistant", "I'm doing well, thank you! How can I help?"),
     ("user", "Tell me a fun fact about cats.")],
    [("user", "Explain in simple words what a computer program is.")],
]
TOKENIZER_STRINGS = [
    "Hello world",
    "  leading spaces and trailing  ",
    "tabs\tand\nnewlines\n\n\nmany",
    "numbers 1234567 and 3.14159, 2024-01-01",
    "contractions: I'm, you're, it's, we've, they'll, he'd, don't",
    "Unicode: café, naïve, Straße, Ελληνικά, русский, 日本語, 한국어",
    "Emoji: 👋🌍 🎉🎉 👨‍👩‍👧‍👦 ❤️",
    "Code: def f(x):\n    return x**2  # square\n",
    "Punctuation!!! ??? ... --- ((()))",
    "<|im_start|>user\nHi<|im_end|>\n",
    "Mixed 中文 and English with   multiple   spaces",
    "URL https://example.com/path?q=1&r=2 and email a.b@c.de",
]


def post(base, path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    default_model = os.path.join(os.environ.get("SYSTEMCARD_MODELS_DIR", os.path.expanduser("~/.systemcard/models")),
                                 "SmolLM2-135M-Instruct.Q4_1.gguf")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--model", default=default_model)
    ap.add_argument("--out", default=os.path.join(here, "../../Tests/LocalInferenceTests/Fixtures/reference.json"))
    ap.add_argument("--tokens", type=int, default=32)
    args = ap.parse_args()

    import xllamacpp as xl
    p = xl.CommonParams()
    p.model.path = args.model
    p.n_ctx = 2048
    p.n_parallel = 1
    p.cpuparams.n_threads = 2
    p.cpuparams_batch.n_threads = 2
    p.use_jinja = True
    server = xl.Server(p)
    base = server.listening_address

    cases = []
    for turns in PROMPTS:
        messages = [{"role": "system", "content": SYSTEM}] + [{"role": r, "content": c} for r, c in turns]
        prompt = post(base, "/apply-template", {"messages": messages})["prompt"]
        tokens = post(base, "/tokenize", {"content": prompt, "add_special": True, "parse_special": True})["tokens"]
        r = server.handle_completions({
            "prompt": tokens, "n_predict": args.tokens, "temperature": 0, "top_k": 1, "n_probs": 50,
            "cache_prompt": False, "samplers": ["top_k"], "return_tokens": True,
        })
        if "error" in r:
            sys.exit(f"llama.cpp error: {r}")
        content = r["choices"][0]["logprobs"]["content"]
        greedy = [c["id"] for c in content]
        first = content[0]["top_logprobs"]
        cases.append({
            "messages": messages,
            "prompt": prompt,
            "promptTokens": tokens,
            "greedyTokens": greedy,
            "text": r["choices"][0]["text"],
            "stopped": r["choices"][0].get("finish_reason") == "stop",
            "topLogprobs": [{"id": c["id"], "logprob": round(c["logprob"], 5)} for c in first],
        })
        print(f"{len(tokens):4d} prompt tokens, {len(greedy):2d} greedy: {r['choices'][0]['text'][:70]!r}")

    tokenizer_cases = []
    for s in TOKENIZER_STRINGS:
        plain = post(base, "/tokenize", {"content": s, "add_special": False, "parse_special": False})["tokens"]
        special = post(base, "/tokenize", {"content": s, "add_special": False, "parse_special": True})["tokens"]
        tokenizer_cases.append({"text": s, "tokens": plain, "tokensParseSpecial": special})

    out = {
        "model": os.path.basename(args.model),
        "generator": "scripts/local-inference/make_fixtures.py (llama.cpp via xllamacpp "
                     + getattr(xl, "__version__", "?") + ")",
        "note": "topLogprobs are log-softmax values of the first generated token (logit minus logsumexp)",
        "cases": cases,
        "tokenizer": tokenizer_cases,
    }
    with open(args.out, "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    print(f"wrote {os.path.normpath(args.out)} ({os.path.getsize(args.out)} bytes)")
    del server


if __name__ == "__main__":
    main()
