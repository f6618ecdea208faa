#!/usr/bin/env python3
"""Requantise a GGUF model to a llama.cpp K-quant mix (Q4_K_M, Q5_K_M, Q6_K) or Q8_0, as `llama-quantize --allow-requantize`.

Every quantised tensor is dequantised to float with the `gguf` package and quantised again with ggml's own
`ggml_quantize_chunk`, called through ctypes from the library inside the xllamacpp wheel, so the blocks are
bit-for-bit what ggml writes. The per-tensor types follow llama.cpp's `llama_tensor_get_type` for dense `llama`
models without an importance matrix (src/llama-quant.cpp): attn_v and ffn_down get more bits in the first and last
eighths and every third layer between (`use_more_bits`), the output head (or the tied token embedding) gets Q6_K,
and a tensor whose rows are not whole 256-element super-blocks falls back to Q5_0 (for Q4_K), Q5_1 (for Q5_K) or
Q8_0 (for Q6_K). Norms stay F32; a tensor already of its target type is copied unchanged.

    pip install gguf xllamacpp
    python3 scripts/local-inference/requantize.py --type Q4_K_M \\
        ~/.systemcard/models/SmolLM2-135M-Instruct.Q4_1.gguf ~/.systemcard/models/SmolLM2-135M-Instruct.Q4_K_M.gguf

Only for making test and benchmark files; the product never needs it.
"""
import argparse
import collections
import ctypes
import os
import re
import sys

import numpy as np

import gguf
from gguf import GGMLQuantizationType as T

# llama_ftype values (include/llama.h) and each mix's default type.
FTYPES = {"Q4_K_M": (15, T.Q4_K), "Q5_K_M": (17, T.Q5_K), "Q6_K": (18, T.Q6_K), "Q8_0": (7, T.Q8_0)}
FALLBACK = {T.Q4_K: T.Q5_0, T.Q5_K: T.Q5_1, T.Q6_K: T.Q8_0}


def ggml_library():
    import xllamacpp
    path = os.path.join(os.path.dirname(xllamacpp.__file__), "xllamacpp.abi3.so")
    lib = ctypes.CDLL(path)
    f = lib.ggml_quantize_chunk
    f.restype = ctypes.c_size_t
    f.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64, ctypes.c_int64,
                  ctypes.c_void_p]
    return f


def use_more_bits(i, n):
    return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2


def target_type(name, cols, mix, default, layers, tied):
    """llama_tensor_get_type for the tensors of a dense llama model."""
    if not name.endswith(".weight") or "norm" in name:
        return None  # kept as is
    m = re.match(r"blk\.(\d+)\.", name)
    layer = int(m.group(1)) if m else -1
    t = default
    if name == "output.weight" or (tied and name == "token_embd.weight"):
        t = T.Q8_0 if cols % 256 else T.Q6_K
        return t
    if name == "token_embd.weight":
        t = default
    elif name.endswith("attn_v.weight"):
        if mix in ("Q4_K_M", "Q5_K_M") and use_more_bits(layer, layers):
            t = T.Q6_K
    elif name.endswith("ffn_down.weight"):
        if mix in ("Q4_K_M", "Q5_K_M") and use_more_bits(layer, layers):
            t = T.Q6_K
    if cols % 256 and t in FALLBACK:
        t = FALLBACK[t]
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--type", choices=sorted(FTYPES), default="Q4_K_M")
    args = ap.parse_args()

    quantize_chunk = ggml_library()
    reader = gguf.GGUFReader(args.input)
    arch = reader.get_field("general.architecture").contents()
    layers = reader.get_field(f"{arch}.block_count").contents()
    names = {t.name for t in reader.tensors}
    tied = "output.weight" not in names
    ftype, default = FTYPES[args.type]

    writer = gguf.GGUFWriter(args.output, arch)
    for field in reader.fields.values():
        if field.name == "general.architecture" or field.name.startswith("GGUF."):
            continue
        value = ftype if field.name == "general.file_type" else field.contents()
        sub_type = field.types[-1] if field.types[0] == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(field.name, value, field.types[0], sub_type=sub_type)

    counts = collections.Counter()
    for t in reader.tensors:
        shape = [int(x) for x in t.shape]  # ggml order: shape[0] = row length
        cols = shape[0]
        rows = int(np.prod(shape[1:])) if len(shape) > 1 else 1
        new = target_type(t.name, cols, args.type, default, layers, tied) if len(shape) > 1 else None
        if new is None or new == t.tensor_type:
            writer.add_tensor(t.name, t.data, raw_dtype=t.tensor_type if t.data.dtype == np.uint8 else None)
            counts[t.tensor_type.name] += 1
            continue
        floats = gguf.quants.dequantize(t.data, t.tensor_type)
        floats = np.ascontiguousarray(floats, dtype=np.float32).reshape(rows, cols)
        block, block_bytes = gguf.GGML_QUANT_SIZES[new]
        out = np.zeros((rows, cols // block * block_bytes), dtype=np.uint8)
        written = quantize_chunk(int(new), floats.ctypes.data, out.ctypes.data, 0, rows, cols, None)
        assert written == out.nbytes, (t.name, written, out.nbytes)
        writer.add_tensor(t.name, out.reshape(list(reversed(shape[1:])) + [out.shape[1]]), raw_dtype=new)
        counts[new.name] += 1

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    print(f"{args.output}: {os.path.getsize(args.output)} bytes; tensors by type: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    sys.exit(main())
