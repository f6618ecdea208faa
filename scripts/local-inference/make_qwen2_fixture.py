#!/usr/bin/env python3
"""Build a tiny random qwen2 GGUF and record llama.cpp's output on it, for Tests/LocalInferenceTests.

The model is ours: seeded random weights (2 layers, 64 wide, 4 query heads / 2 KV heads, Q/K/V biases, separate
output head, rope base 1e6) and a byte-level vocabulary built here (the 256 GPT-2 byte symbols, 16 merges written
below and the ChatML control tokens), so the repository holds no third-party data. Tensor types mix F32 (layer-0
attention, output head, norms, biases) and Q8_0 (token embedding, layer-1 attention, feed-forward) to stay small.

llama.cpp (the xllamacpp wheel) then records, for a few conversations: its rendering of the chat template, the
prompt token ids, 32 greedy tokens and the log-probabilities of every vocabulary entry (it is small enough to ask
for all of them) for the first generated token and after a few decoding steps.

    pip install gguf xllamacpp numpy
    python3 scripts/local-inference/make_qwen2_fixture.py            # writes both fixtures
    python3 scripts/local-inference/make_qwen2_fixture.py --all-f32 --model /tmp/q.gguf --out /tmp/q.json
    python3 scripts/local-inference/make_qwen2_fixture.py --quant Q4_1 --arch llama --model /tmp/l.gguf --out /tmp/l.json

The last two are diagnostics (not fixtures): every tensor in F32, or another quantisation type and architecture.

llama.cpp is only used here (a reference), never by the product or the tests.
"""
import argparse
import json
import os
import sys
import urllib.request

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "../../Tests/LocalInferenceTests/Fixtures"))

DIM, FFN, LAYERS, HEADS, KV_HEADS, CONTEXT = 64, 96, 2, 4, 2, 512
MERGES = [
    "h e", "Ġ t", "Ġt he", "i n", "e r", "a n", "o n", "Ġ a", "r e", "o u", "i s", "Ġ s", "l l", "Ġ w", "Ċ Ċ", "in g",
]
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a tiny test model.<|im_end|>\\n' }}{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
# llama.cpp picks its flash-attention kernel by the number of rows in the micro-batch: the tiled kernel from 64
# prompt tokens, the one-row-at-a-time kernel below (and for every decoding step). The first conversation (48
# prompt tokens) is below 64; the others are above.
CONVERSATIONS = [
    [("user", "hello")],
    [("user", "Tell me about the weather in spring, and why the sea is blue.")],
    [("system", "Answer in one word, and be nice about it."), ("user", "What is 12 times 7? Think it over.")],
    [("user", "héllo wörld 👋 ünïcode — “quotes” 日本語")],
    [("user", "Hi!"), ("assistant", "Hello there."), ("user", "Say it again, three times:\n\n\tagain")],
    [("user", "the quick brown fox jumps over the lazy dog, " * 4)],
]


def byte_symbols():
    """GPT-2's byte-to-unicode map, by byte value."""
    printable = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    out, n = [], 0
    for b in range(256):
        if b in printable:
            out.append(chr(b))
        else:
            out.append(chr(256 + n))
            n += 1
    return out


def vocabulary():
    tokens = byte_symbols()
    for m in MERGES:
        left, right = m.split(" ")
        assert left in tokens and right in tokens, m
        tokens.append(left + right)
    types = [1] * len(tokens) + [3] * len(SPECIALS)
    return tokens + SPECIALS, types


def build(path, all_f32, seed, arch="qwen2", quant="Q8_0"):
    import gguf

    rng = np.random.default_rng(seed)
    tokens, types = vocabulary()
    vocab = len(tokens)
    head_dim = DIM // HEADS
    w = gguf.GGUFWriter(path, arch)
    w.add_name(f"synthetic {arch} (random weights)")
    w.add_context_length(CONTEXT)
    w.add_embedding_length(DIM)
    w.add_block_count(LAYERS)
    w.add_feed_forward_length(FFN)
    w.add_head_count(HEADS)
    w.add_head_count_kv(KV_HEADS)
    w.add_rope_freq_base(1_000_000.0)
    w.add_layer_norm_rms_eps(1e-6)
    w.add_file_type(gguf.LlamaFileType.ALL_F32 if all_f32 else gguf.LlamaFileType.MOSTLY_Q8_0)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("qwen2")
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(MERGES)
    w.add_bos_token_id(tokens.index("<|endoftext|>"))
    w.add_eos_token_id(tokens.index("<|im_end|>"))
    w.add_pad_token_id(tokens.index("<|endoftext|>"))
    w.add_add_bos_token(False)
    w.add_chat_template(TEMPLATE)

    def tensor(name, shape, scale, q8=False):
        # shape is numpy order (rows, cols); GGUF stores it reversed (cols first).
        data = (rng.standard_normal(shape) * scale).astype(np.float32)
        if q8 and not all_f32:
            qtype = gguf.GGMLQuantizationType[quant]
            packed = gguf.quants.quantize(data, qtype)
            w.add_tensor(name, packed, raw_shape=packed.shape, raw_dtype=qtype)
        else:
            w.add_tensor(name, data)

    def norm(name, n):
        w.add_tensor(name, (1 + 0.1 * rng.standard_normal(n)).astype(np.float32))

    tensor("token_embd.weight", (vocab, DIM), 1.0, q8=True)
    norm("output_norm.weight", DIM)
    tensor("output.weight", (vocab, DIM), 0.3)
    for layer in range(LAYERS):
        p = f"blk.{layer}."
        q8 = layer == 1
        norm(p + "attn_norm.weight", DIM)
        tensor(p + "attn_q.weight", (HEADS * head_dim, DIM), 0.25, q8=q8)
        tensor(p + "attn_k.weight", (KV_HEADS * head_dim, DIM), 0.25, q8=q8)
        tensor(p + "attn_v.weight", (KV_HEADS * head_dim, DIM), 0.25, q8=q8)
        if arch == "qwen2":
            tensor(p + "attn_q.bias", (HEADS * head_dim,), 0.5)
            tensor(p + "attn_k.bias", (KV_HEADS * head_dim,), 0.5)
            tensor(p + "attn_v.bias", (KV_HEADS * head_dim,), 0.5)
        tensor(p + "attn_output.weight", (DIM, HEADS * head_dim), 0.2, q8=q8)
        norm(p + "ffn_norm.weight", DIM)
        tensor(p + "ffn_gate.weight", (FFN, DIM), 0.2, q8=True)
        tensor(p + "ffn_up.weight", (FFN, DIM), 0.2, q8=True)
        tensor(p + "ffn_down.weight", (DIM, FFN), 0.2, q8=True)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return tokens


def post(base, path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def token_bytes(tokens, t):
    """The bytes of token t (byte-level symbols mapped back to bytes; control tokens as their text)."""
    inverse = {c: b for b, c in enumerate(byte_symbols())}
    text = tokens[t]
    return text.encode() if text in SPECIALS else bytes(inverse[c] for c in text)


def complete_utf8_length(b):
    """llama.cpp's server validate_utf8: the length of b without a trailing incomplete UTF-8 sequence."""
    n = len(b)
    for i in range(1, min(4, n) + 1):
        c = b[n - i]
        if ((c & 0xE0) == 0xC0 and i < 2) or ((c & 0xF0) == 0xE0 and i < 3) or ((c & 0xF8) == 0xF0 and i < 4):
            return n - i
    return n


def record(model, tokens, out, n_tokens, steps):
    import xllamacpp as xl

    p = xl.CommonParams()
    p.model.path = model
    p.n_ctx = CONTEXT
    p.n_parallel = 1
    p.cpuparams.n_threads = 2
    p.cpuparams_batch.n_threads = 2
    p.use_jinja = True
    server = xl.Server(p)
    base = server.listening_address
    vocab = len(tokens)

    cases = []
    for turns in CONVERSATIONS:
        messages = [{"role": r, "content": c} for r, c in turns]
        prompt = post(base, "/apply-template", {"messages": messages})["prompt"]
        ids = post(base, "/tokenize", {"content": prompt, "add_special": True, "parse_special": True})["tokens"]
        r = post(base, "/completion", {
            "prompt": ids, "n_predict": n_tokens, "temperature": 0, "top_k": 1, "n_probs": vocab,
            "cache_prompt": False, "samplers": ["top_k"], "return_tokens": True,
        })
        generated = r["tokens"]
        entries = r["completion_probabilities"]
        # The server gives probabilities only for tokens after which the text so far is complete UTF-8 (and not for
        # an end-of-generation token): map its entries back to token positions.
        logprobs = {}
        text, j = b"", 0
        for i, t in enumerate(generated):
            text += token_bytes(tokens, t)
            if complete_utf8_length(text) == len(text) and j < len(entries):
                if entries[j]["id"] != t:
                    sys.exit(f"probability entry {j} is for token {entries[j]['id']}, expected {t} (position {i})")
                by_id = {e["id"]: e["logprob"] for e in entries[j]["top_logprobs"]}
                if len(by_id) != vocab:
                    sys.exit(f"llama.cpp returned {len(by_id)} log-probabilities, expected {vocab}")
                logprobs[i] = [round(by_id[k], 6) for k in range(vocab)]
                j += 1
        if 0 not in logprobs:
            sys.exit(f"no log-probabilities for the first token of {turns!r}: pick another conversation or seed")
        kept = {str(i): logprobs[i] for i in steps if i in logprobs}
        cases.append({
            "messages": messages,
            "prompt": prompt,
            "promptTokens": ids,
            "greedyTokens": generated,
            "stopped": r.get("stop_type") in ("eos", "word"),
            "firstLogprobs": logprobs[0],
            "stepLogprobs": kept,
        })
        print(f"{len(ids):4d} prompt tokens, {len(generated):2d} greedy, decoding steps kept {sorted(map(int, kept))}")

    doc = {
        "model": os.path.basename(model),
        "generator": "scripts/local-inference/make_qwen2_fixture.py (llama.cpp via xllamacpp "
                     + getattr(xl, "__version__", "?") + ")",
        "note": "firstLogprobs[i] is llama.cpp's log-softmax of token i for the first generated token; "
                "stepLogprobs[k] the same after the first k greedy tokens (decoding steps)",
        "cases": cases,
    }
    with open(out, "w") as f:  # one line per case: the log-probability arrays are long
        f.write("{\n")
        for key in ("model", "generator", "note"):
            f.write(f" {json.dumps(key)}: {json.dumps(doc[key], ensure_ascii=False)},\n")
        f.write(' "cases": [\n')
        f.write(",\n".join("  " + json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases))
        f.write("\n ]\n}\n")
    print(f"wrote {out} ({os.path.getsize(out)} bytes)")
    del server


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(FIXTURES, "qwen2-synthetic.gguf"))
    ap.add_argument("--out", default=os.path.join(FIXTURES, "qwen2-synthetic.json"))
    ap.add_argument("--all-f32", action="store_true", help="every tensor in F32 (a diagnostic variant, larger)")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--arch", default="qwen2", help="llama builds the same model without biases (a diagnostic)")
    ap.add_argument("--quant", default="Q8_0", help="type of the quantised tensors, e.g. Q4_1 (a diagnostic)")
    ap.add_argument("--tokens", type=int, default=32)
    args = ap.parse_args()
    tokens = build(args.model, args.all_f32, args.seed, args.arch, args.quant)
    print(f"wrote {args.model} ({os.path.getsize(args.model)} bytes, {len(tokens)} tokens)")
    record(args.model, tokens, args.out, args.tokens, steps=[4, 12, 24, 31])


if __name__ == "__main__":
    main()
