// The engine's x86-64 kernels for CPU features the package cannot assume at compile time (AVX2, FMA, F16C).
//
// Every function here is compiled with per-function target attributes, so the target builds for the baseline
// x86-64 and the Swift side calls a function only after `li_cpu_level()` said the CPU has its features. On other
// architectures the functions exist but are never called (`li_cpu_level()` returns 0).
//
// Activations are in ggml's Q8_0/Q8_1 form, split in three arrays: `qs` (int8, 32 per block, natural order),
// `d` (per block: the scale, rounded to half precision) and `s` (per block: scale times the sum of the block's
// values, rounded to half precision; read by the types with a minimum). Weights are ggml's blocks as stored in
// the GGUF file.
#ifndef LOCAL_INFERENCE_KERNELS_H
#define LOCAL_INFERENCE_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The best kernel level this CPU supports: 0 = baseline (SSE2 on x86-64, NEON on arm64), 1 = AVX2 with FMA
/// and F16C (and the operating system saves the AVX registers), 2 = that and AVX-512 F/VL/BW/VNNI.
int li_cpu_level(void);

/// The weight types the block kernels handle (ggml's type numbers).
enum {
    LI_Q4_0 = 2,
    LI_Q4_1 = 3,
    LI_Q5_0 = 6,
    LI_Q5_1 = 7,
    LI_Q8_0 = 8,
    LI_Q4_K = 12,
    LI_Q6_K = 14,
};

/// Whether `li_avx2_rows` and `li_vnni_rows` handle weights of ggml type `type`.
int li_block_kernels_support(int type);

/// Rows `row_begin..<row_end` of W · x for `tokens` activation rows: output (t, r) goes to
/// `out[t * out_stride + r]`. `w` points at row 0, rows `row_bytes` apart; each row has `nb` blocks of 32.
/// Activation row `t` starts at `qs + t * nb * 32`, `d + t * nb`, `s + t * nb`.
///
/// Each output is computed as ggml's AVX2 `ggml_vec_dot_<type>_q8_0/1` computes it (eight float lanes, one fused
/// multiply-add per block, the same horizontal sum), whether it comes from a group of four activation rows sharing
/// the unpacked weights or from a row alone, so results do not depend on batching or threads.
void li_avx2_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride);

/// Quantises `tokens` rows of `cols` floats (a multiple of 32; row t at `x + t * cols`) as ggml's AVX2
/// quantize_row_q8_0/q8_1 do: per block of 32, scale = max|x| / 127 (stored rounded to half precision in `d`),
/// values = round-to-nearest-even(x * 127 / max|x|) as bytes in `qs`, and `s` = scale * their sum rounded to half.
void li_avx2_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s);

/// `li_avx2_rows` at level 2: the integer sums formed by vpdpbusd. The activations must come from
/// `li_vnni_quantize_q8`, which stores each value plus 128 as an unsigned byte (the same values otherwise).
void li_vnni_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride);

/// `li_avx2_quantize_q8` for `li_vnni_rows`: bytes hold value + 128 (unsigned).
void li_vnni_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s);

/// SwiGLU in place, as ggml's ggml_vec_swiglu_f32 on AVX2: gate[i] = silu(gate[i]) * up[i], with ggml's
/// vectorised exp for each 8 values and libm's expf for the rest.
void li_avx2_swiglu(long n, float *gate, const float *up);

/// The attention of one query row over `positions` cached keys and values (rows `stride` floats apart, holding
/// half-precision values), as ggml's one-row flash-attention kernel (flash_attn_ext_f16_one_chunk) computes it
/// on AVX2: Q rounded to half, scores by ggml_vec_dot_f16, an online softmax whose weighted sum of V is rounded to
/// half after every step, fused multiply-adds where ggml's build has them. `scratch` holds 2 * hd floats.
void li_avx2_attend_one_row(const float *q, const float *keys, const float *values, long positions, long stride,
                            long hd, float scale, float *out, float *scratch);

/// ggml's decoding path for long caches (llama.cpp's flash attention with one query row over 512 or more cells,
/// the cells it attends to being `positions` rounded up to 256): the `cells` split into `chunks` equal parts (one
/// per llama.cpp thread), each reduced by the one-row kernel to its maximum, sum and half-precision weighted sum,
/// and those combined in order (ggml_flash_attn_ext_reduce_partials). `scratch` holds 3 * hd floats.
void li_avx2_attend_one_row_split(const float *q, const float *keys, const float *values, long positions,
                                  long stride, long hd, float scale, long cells, long chunks, float *out,
                                  float *scratch);

/// Whether `li_avx2_krows` handles weights of ggml type `type` (Q4_K, Q6_K).
int li_kquant_kernels_support(int type);

/// `li_avx2_rows` for the K-quant super-block types against Q8_K activations: `nb` super-blocks of 256 per row;
/// activation row t at `qs + t * nb * 256` (bytes), `d + t * nb` (the float scale per super-block) and
/// `bsums + t * nb * 16` (the sums of each 16 values). ggml's AVX2 ggml_vec_dot_q4_K_q8_K / _q6_K_q8_K arithmetic.
void li_avx2_krows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                   const int8_t *qs, const float *d, const int16_t *bsums, long tokens, float *out, long out_stride);

/// ggml's quantize_row_q8_K: per 256 values, the value of largest magnitude (the first, if several) maps to
/// -127, the others round to nearest even (at most 127); `d` = 1 / that scale, `bsums` the sums of each 16.
void li_avx2_quantize_q8k(const float *x, long tokens, long cols, int8_t *qs, float *d, int16_t *bsums);

/// The attention of `rows` query rows of one head for micro-batches of 64 rows or more, as ggml's tiled
/// flash-attention kernel (flash_attn_ext_tiled) computes it on AVX2: row r at `q + r * qStride` sees the first
/// `counts[r]` cached keys and values (rows `stride` floats apart); float Q; keys in tiles of 64, transposed so that
/// each score is one fused multiply-add per dimension in order (ggml's simd_gemm); an online maximum per tile; the
/// tile's weights by ggml's vectorised exp over all 64 keys, summed in float by eights and in double; a float
/// accumulator updated with fused multiply-adds. Row r's output goes to `out + r * outStride`. `scratch` holds
/// 64 * hd + 64 + rows * (hd + 2) floats.
void li_avx2_attend_tiled(const float *q, long qStride, long rows, const long *counts, const float *keys,
                          const float *values, long stride, long hd, float scale, float *out, long outStride,
                          float *scratch);

#ifdef __cplusplus
}
#endif

#endif
