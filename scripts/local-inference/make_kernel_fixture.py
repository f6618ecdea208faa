#!/usr/bin/env python3
"""Write Tests/LocalInferenceTests/Fixtures/kernels.json: ggml's own quantised dot products on random data.

For each weight type, random float rows are quantised with ggml's `ggml_quantize_chunk` and random activation rows
with the CPU backend's `from_float` for the type's `vec_dot_type` (Q8_0, Q8_1 or Q8_K); the expected values are
ggml's `vec_dot` kernels (the ones llama.cpp runs on this CPU), all called through ctypes from the library inside the
xllamacpp wheel. The Swift tests run the same rows and activations through LocalInference's kernels: the integer sums
are exact in both, so only float rounding may differ.

    pip install xllamacpp numpy
    python3 scripts/local-inference/make_kernel_fixture.py

Only random numbers of our own go into the fixture (no model weights).
"""
import base64
import ctypes
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "../../Tests/LocalInferenceTests/Fixtures/kernels.json")
# ggml type id, name, block size, block bytes
TYPES = [(2, "Q4_0", 32, 18), (3, "Q4_1", 32, 20), (6, "Q5_0", 32, 22), (7, "Q5_1", 32, 24), (8, "Q8_0", 32, 34),
         (12, "Q4_K", 256, 144), (13, "Q5_K", 256, 176), (14, "Q6_K", 256, 210)]
ROW_BYTES_OF_ACTIVATION = {8: lambda n: n // 32 * 34, 9: lambda n: n // 32 * 36, 15: lambda n: n // 256 * 292}


class TypeTraitsCPU(ctypes.Structure):
    _fields_ = [("from_float", ctypes.c_void_p), ("vec_dot", ctypes.c_void_p), ("vec_dot_type", ctypes.c_int),
                ("nrows", ctypes.c_int64)]


def main():
    import xllamacpp
    lib = ctypes.CDLL(os.path.join(os.path.dirname(xllamacpp.__file__), "xllamacpp.abi3.so"))
    lib.ggml_cpu_init()
    lib.ggml_get_type_traits_cpu.restype = ctypes.POINTER(TypeTraitsCPU)
    lib.ggml_quantize_chunk.restype = ctypes.c_size_t
    lib.ggml_quantize_chunk.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64,
                                        ctypes.c_int64, ctypes.c_int64, ctypes.c_void_p]
    from_float_t = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64)
    vec_dot_t = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p,
                                 ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)

    rng = np.random.default_rng(20261129)
    cols, rows, count = 512, 5, 6
    # Activations with per-block ranges, one with a zero super-block, one constant (shared by all types).
    x = (rng.standard_normal((count, cols)) * rng.uniform(0.1, 4, (count, cols // 32)).repeat(32, axis=1))
    x = x.astype(np.float32)
    x[1, 256:] = 0
    x[2, :] = 0.7
    cases = []
    for type_id, name, block, block_bytes in TYPES:
        # Weights like a model's (a few outliers per row).
        w = (rng.standard_normal((rows, cols)) * 0.05).astype(np.float32)
        w[:, rng.integers(0, cols, 6)] *= 6
        weights = np.zeros((rows, cols // block * block_bytes), dtype=np.uint8)
        written = lib.ggml_quantize_chunk(type_id, w.ctypes.data, weights.ctypes.data, 0, rows, cols, None)
        assert written == weights.nbytes

        traits = lib.ggml_get_type_traits_cpu(type_id).contents
        act_traits = lib.ggml_get_type_traits_cpu(traits.vec_dot_type).contents
        from_float = from_float_t(act_traits.from_float)
        vec_dot = vec_dot_t(traits.vec_dot)
        expected = []
        for t in range(count):
            a = np.zeros(ROW_BYTES_OF_ACTIVATION[traits.vec_dot_type](cols), dtype=np.uint8)
            from_float(x[t].ctypes.data, a.ctypes.data, cols)
            out = []
            for r in range(rows):
                s = np.zeros(1, dtype=np.float32)
                vec_dot(cols, s.ctypes.data, 0, weights[r].ctypes.data, 0, a.ctypes.data, 0, 1)
                out.append(float(s[0]))
            expected.append(out)
        cases.append({
            "type": name, "rows": rows, "cols": cols,
            "weights": base64.b64encode(weights.tobytes()).decode(),
            "expected": expected,
        })
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/local-inference/make_kernel_fixture.py", "cols": cols,
                   "vectors": base64.b64encode(x.astype("<f4").tobytes()).decode(), "cases": cases}, f)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    sys.exit(main())
