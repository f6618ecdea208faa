#!/usr/bin/env python3
"""Same prompts, same GGUF file: does the embedded engine answer what llama.cpp answers? Measured through the CLI.

    pip install xllamacpp
    swift build -c release --product systemcard
    python3 scripts/local-inference/agreement.py [--model PATH] [--evaluation xstest] [--limit 100]
        [--max-tokens 64] [--simd sse2|avx2|avx512vnni] [--llama-tiled on|off] [--data-dir ../shared/datasets]

Starts llama.cpp's own HTTP server on loopback (the xllamacpp wheel, 2 threads, the file's chat template) and
runs `systemcard eval EVALUATION --limit N --temperature 0` twice against it (`openai/<name> --base-url ...`) and
twice on the embedded engine (`local/PATH`): once with `--max-tokens 1` (the first token of each answer) and once
with `--max-tokens N`. Each run is in its own scratch database; answers are read back with `systemcard show RUN
--output json --width 0`. Prints the first-token agreement, the share of answers whose first 40 characters are
identical, the share identical in full, and each evaluation's metrics side by side.

`--llama-tiled off` sets GGML_CPU_TILED_MM=0 for llama.cpp: its tiled prompt matmul (x86, on by default in recent
builds) quantises the activations of Q4_1, Q5_1 and K-quant products to Q8_K (one scale per 256 values) instead of
the Q8_1/Q8_0 blocks its own vec_dot kernels (and this engine) use, which changes the arithmetic of prompts, not of
decoding. Only for measurement; the product never needs it.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../.."))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_llama(model, threads, tiled):
    if not tiled:
        os.environ["GGML_CPU_TILED_MM"] = "0"  # read by ggml on first use, before the server starts
    import xllamacpp as xl
    from bench import llama_params
    p = llama_params(model, threads, n_ctx=4096)
    p.port = free_port()
    server = xl.Server(p)
    return server, f"http://127.0.0.1:{p.port}/v1"


def run_eval(binary, args, model_args, max_tokens, env):
    scratch = tempfile.mkdtemp(prefix="agreement-")
    db = os.path.join(scratch, "runs.sqlite")
    cmd = [binary, "eval", args.evaluation, "--limit", str(args.limit), "--temperature", "0", "--max-tokens",
           str(max_tokens), "--grader", "rules", "--output", "json", "--db", db, "--max-connections", "1"]
    if args.data_dir:
        cmd += ["--data-dir", args.data_dir]
    p = subprocess.run(cmd + model_args, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"systemcard eval failed ({p.returncode}):\n{p.stderr[-2000:]}")
    summary = json.loads(p.stdout)
    run = summary["run_id"]
    shown = subprocess.run([binary, "show", run, "--output", "json", "--width", "0", "--db", db],
                           capture_output=True, text=True, env=env, check=True)
    samples = json.loads(shown.stdout)["samples"]
    shutil.rmtree(scratch, ignore_errors=True)
    answers = {s["sample"]["id"]: s.get("completion") or "" for s in samples}
    errors = [s["sample"]["id"] for s in samples if s.get("status") not in ("scored", "finished")]
    if errors:
        sys.exit(f"{len(errors)} samples errored, e.g. {errors[:3]}")
    return answers, summary.get("metrics", {})


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    models = os.environ.get("SYSTEMCARD_MODELS_DIR", os.path.expanduser("~/.systemcard/models"))
    ap.add_argument("--model", default=os.path.join(models, "SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--evaluation", default="xstest")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2, help="llama.cpp's threads (the engine uses every core)")
    ap.add_argument("--simd", help="LOCALINFERENCE_SIMD for the embedded engine (default: the best level)")
    ap.add_argument("--llama-tiled", choices=["on", "off"], default="on",
                    help="llama.cpp's tiled prompt matmul (GGML_CPU_TILED_MM), default on as llama.cpp ships")
    ap.add_argument("--data-dir", default=os.path.normpath(os.path.join(ROOT, "../shared/datasets")))
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/systemcard"))
    ap.add_argument("--show", action="store_true", help="print every answer that differs")
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: swift build -c release --product systemcard (or --binary PATH)")
    if args.data_dir and not os.path.isdir(args.data_dir):
        args.data_dir = None

    server, base_url = start_llama(args.model, args.threads, args.llama_tiled == "on")
    env = dict(os.environ)
    env["OPENAI_API_KEY"] = "unused"
    if args.simd:
        env["LOCALINFERENCE_SIMD"] = args.simd
    name = os.path.basename(args.model)
    llama = ["--model", f"openai/{name}", "--base-url", base_url]
    ours = ["--model", f"local/{args.model}"]

    first_llama, _ = run_eval(args.binary, args, llama, 1, env)
    first_ours, _ = run_eval(args.binary, args, ours, 1, env)
    full_llama, metrics_llama = run_eval(args.binary, args, llama, args.max_tokens, env)
    full_ours, metrics_ours = run_eval(args.binary, args, ours, args.max_tokens, env)
    del server

    ids = sorted(set(first_llama) & set(first_ours) & set(full_llama) & set(full_ours))
    n = len(ids)
    first = sum(first_llama[i] == first_ours[i] for i in ids)
    prefix = sum(full_llama[i][:40] == full_ours[i][:40] for i in ids)
    same = sum(full_llama[i] == full_ours[i] for i in ids)
    print(f"model: {name}; {args.evaluation}, {n} prompts, temperature 0, {args.max_tokens} tokens; "
          f"engine kernels: {args.simd or 'best'}; llama.cpp tiled matmul: {args.llama_tiled}")
    print(f"first token identical:          {first}/{n} ({100 * first / n:.0f}%)")
    print(f"first 40 characters identical:  {prefix}/{n} ({100 * prefix / n:.0f}%)")
    print(f"whole answers identical:        {same}/{n} ({100 * same / n:.0f}%)")
    print("metrics (llama.cpp | LocalInference):")
    for key in sorted(set(metrics_llama) | set(metrics_ours)):
        print(f"  {key}: {json.dumps(metrics_llama.get(key))} | {json.dumps(metrics_ours.get(key))}")
    if args.show:
        for i in ids:
            if first_llama[i] != first_ours[i]:
                print(f"  first token differs, sample {i}: llama.cpp {first_llama[i]!r}, ours {first_ours[i]!r}")
        for i in ids:
            if full_llama[i][:40] != full_ours[i][:40]:
                print(f"  answer differs, sample {i}:\n    llama.cpp: {full_llama[i][:80]!r}\n"
                      f"    ours:      {full_ours[i][:80]!r}")


if __name__ == "__main__":
    sys.exit(main())
