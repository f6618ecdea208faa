#!/usr/bin/env python3
"""Compare LocalInference with llama.cpp on the same GGUF file, prompt and thread count.

    pip install xllamacpp
    python3 scripts/local-inference/bench.py [--model PATH] [--threads 2] [--tokens 128] [--baseline BINARY]
        [--simd sse2|avx2] [--baseline-simd sse2]

Builds scripts/local-inference/bench-cli/main.swift together with Sources/LocalInference (swiftc -Ounchecked
-wmo) and the C kernels of Sources/LocalInferenceKernels (clang -O3), runs it under /usr/bin/time -v (peak RSS), then runs llama.cpp in-process through xllamacpp, and prints
prompt-processing and generation tokens/s for both with the ratio. `--baseline` also runs an earlier build of the
CLI (e.g. one built from another checkout with `--binary PATH --no-llama`) in the same session, for old-vs-new
figures under the same machine load; `--baseline-simd sse2` runs this build again with the portable kernels as the
baseline; `--no-llama` skips llama.cpp.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../.."))
PROMPT = ("Summarise the following text in three sentences. " + " ".join([
    "The history of computing spans several centuries, from mechanical calculators and punched cards to",
    "electronic machines built with vacuum tubes, transistors and finally integrated circuits. Early pioneers",
    "such as Charles Babbage and Ada Lovelace imagined programmable engines long before they could be built.",
    "In the twentieth century, Alan Turing formalised computation, and engineers constructed the first",
    "stored-program computers. Personal computers arrived in the 1970s and 1980s, the internet connected them",
    "in the 1990s, and smartphones put powerful computers in billions of pockets in the 2000s. Today, machine",
    "learning models run on everything from data centres to laptops, and small language models can answer",
    "questions on an ordinary CPU without any network connection at all.",
]))


def build_cli(out):
    sources = sorted(glob.glob(os.path.join(ROOT, "Sources/LocalInference/**/*.swift"), recursive=True))
    kernels = os.path.join(ROOT, "Sources/LocalInferenceKernels")
    objects = []
    for c in sorted(glob.glob(os.path.join(kernels, "*.c"))):
        obj = out + "-" + os.path.basename(c) + ".o"
        subprocess.run(["clang", "-O3", "-c", "-I", os.path.join(kernels, "include"), "-o", obj, c], check=True)
        objects.append(obj)
    cmd = ["swiftc", "-Ounchecked", "-wmo", "-parse-as-library", "-module-name", "BenchCLI", "-o", out,
           "-I", os.path.join(kernels, "include"), os.path.join(HERE, "bench-cli/main.swift")] + sources + objects
    subprocess.run(cmd, check=True)


def run_ours(binary, model, threads, tokens, level=None):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(PROMPT)
        prompt_file = f.name
    env = dict(os.environ)
    if level:
        env["LOCALINFERENCE_SIMD"] = level
    p = subprocess.run(["/usr/bin/time", "-v", binary, model, str(threads), prompt_file, str(tokens)],
                       capture_output=True, text=True, check=True, env=env)
    os.unlink(prompt_file)
    result = json.loads(p.stdout.strip().splitlines()[-1])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    result["peak_rss_mb"] = int(rss.group(1)) / 1024 if rss else None
    return result


def llama_params(model, threads, n_ctx=2048):
    """llama.cpp's server settings for `model`: one slot, `threads` threads for prompts and generation."""
    import xllamacpp as xl
    p = xl.CommonParams()
    p.model.path = model
    p.n_ctx = n_ctx
    p.n_parallel = 1
    p.cpuparams.n_threads = threads
    p.cpuparams_batch.n_threads = threads
    return p


def run_llama(model, threads, tokens):
    import xllamacpp as xl
    server = xl.Server(llama_params(model, threads))
    messages = [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": PROMPT}]
    best_pp, best_tg, n_prompt = 0.0, 0.0, 0
    for i in range(3):
        r = server.handle_chat_completions({
            "messages": messages, "max_tokens": tokens, "temperature": 0.8, "seed": i + 1, "ignore_eos": True,
            "cache_prompt": False,
        })
        t = r["timings"]
        n_prompt = t["prompt_n"]
        best_pp = max(best_pp, t["prompt_per_second"])
        best_tg = max(best_tg, t["predicted_per_second"])
    del server
    return {"prompt_tokens": n_prompt, "pp": best_pp, "tg": best_tg}


def rates(result):
    pp = result["prompt_tokens"] / result["prompt_seconds"]
    tg = result["gen_tokens"] / result["gen_seconds"] if result["gen_seconds"] > 0 else 0
    return pp, tg


def main():
    ap = argparse.ArgumentParser()
    models = os.environ.get("SYSTEMCARD_MODELS_DIR", os.path.expanduser("~/.systemcard/models"))
    ap.add_argument("--model", default=os.path.join(models, "SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--binary", default=os.path.join(tempfile.gettempdir(), "localinference-bench-cli"))
    ap.add_argument("--baseline", help="an earlier build of the bench CLI to run too (old vs new)")
    ap.add_argument("--no-llama", action="store_true", help="do not run llama.cpp")
    ap.add_argument("--simd", help="the kernel level for LocalInference (LOCALINFERENCE_SIMD: sse2, avx2); "
                    "default the best this CPU runs")
    ap.add_argument("--baseline-simd", help="also run this build at another kernel level as the baseline "
                    "(e.g. sse2: the portable kernels, old vs new in one run)")
    ap.add_argument("--no-build", action="store_true", help="use --binary as it is")
    args = ap.parse_args()

    if not args.no_build:
        build_cli(args.binary)
    ours = run_ours(args.binary, args.model, args.threads, args.tokens, args.simd)
    ours_pp, ours_tg = rates(ours)
    print(f"model: {os.path.basename(args.model)}, threads: {args.threads}, "
          f"prompt: {ours['prompt_tokens']} tokens, generated: {ours['gen_tokens']}, kernels: {args.simd or 'best'}")
    if args.baseline or args.baseline_simd:
        base = run_ours(args.baseline or args.binary, args.model, args.threads, args.tokens, args.baseline_simd)
        base_pp, base_tg = rates(base)
        print(f"{'':24}{'LocalInference':>16}{'baseline':>12}{'ratio':>8}")
        print(f"{'prompt tokens/s':24}{ours_pp:16.1f}{base_pp:12.1f}{ours_pp / base_pp:8.2f}")
        print(f"{'generation tokens/s':24}{ours_tg:16.1f}{base_tg:12.1f}{ours_tg / base_tg:8.2f}")
    if not args.no_llama:
        llama = run_llama(args.model, args.threads, args.tokens)
        print(f"llama.cpp prompt: {llama['prompt_tokens']} tokens")
        print(f"{'':24}{'LocalInference':>16}{'llama.cpp':>12}{'ratio':>8}")
        print(f"{'prompt tokens/s':24}{ours_pp:16.1f}{llama['pp']:12.1f}{ours_pp / llama['pp']:8.2f}")
        print(f"{'generation tokens/s':24}{ours_tg:16.1f}{llama['tg']:12.1f}{ours_tg / llama['tg']:8.2f}")
    print(f"peak RSS (LocalInference bench process): {ours['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
