// Float kernels of the AVX2 level that follow ggml's AVX2 arithmetic step by step, so that llama.cpp's choices
// are ours where a last-bit difference is amplified (this engine, like ggml, quantises every activation to
// 8 bits before a product): SwiGLU with ggml's vectorised exp; the one-row flash-attention kernel with ggml's F16
// dot product, F16 accumulator and fused multiply-adds, and its split form for long caches; the tiled kernel for
// large micro-batches. See LocalInferenceKernels.h.
#include "LocalInferenceKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Avx2Helpers.h"

#define LI_TARGET __attribute__((target("avx2,fma,f16c")))
#define LI_INLINE static inline __attribute__((always_inline, target("avx2,fma,f16c")))

/// e^x for 8 lanes, with ggml's polynomial (ARM's optimized-routines expf: range reduction by ln 2 with a
/// two-part constant, degree-5 polynomial, the exponent added to the bits; a slower path for |n| > 126).
LI_INLINE __m256 vexp(__m256 x) {
    const __m256 r = _mm256_set1_ps(0x1.8p23f);
    const __m256 z = _mm256_fmadd_ps(x, _mm256_set1_ps(0x1.715476p+0f), r);
    const __m256 n = _mm256_sub_ps(z, r);
    const __m256 b = _mm256_fnmadd_ps(n, _mm256_set1_ps(0x1.7f7d1cp-20f),
                                      _mm256_fnmadd_ps(n, _mm256_set1_ps(0x1.62e4p-1f), x));
    const __m256i e = _mm256_slli_epi32(_mm256_castps_si256(z), 23);
    const __m256 k = _mm256_castsi256_ps(_mm256_add_epi32(e, _mm256_castps_si256(_mm256_set1_ps(1))));
    const __m256i c = _mm256_castps_si256(
        _mm256_cmp_ps(_mm256_andnot_ps(_mm256_set1_ps(-0.f), n), _mm256_set1_ps(126), _CMP_GT_OQ));
    const __m256 u = _mm256_mul_ps(b, b);
    const __m256 j = _mm256_fmadd_ps(
        _mm256_fmadd_ps(_mm256_fmadd_ps(_mm256_set1_ps(0x1.0e4020p-7f), b, _mm256_set1_ps(0x1.573e2ep-5f)), u,
                        _mm256_fmadd_ps(_mm256_set1_ps(0x1.555e66p-3f), b, _mm256_set1_ps(0x1.fffdb6p-2f))),
        u, _mm256_mul_ps(_mm256_set1_ps(0x1.ffffecp-1f), b));
    if (!_mm256_movemask_ps(_mm256_castsi256_ps(c))) return _mm256_fmadd_ps(j, k, k);
    const __m256i g = _mm256_and_si256(
        _mm256_castps_si256(_mm256_cmp_ps(n, _mm256_setzero_ps(), _CMP_LE_OQ)), _mm256_set1_epi32((int)0x82000000u));
    const __m256 s1 = _mm256_castsi256_ps(_mm256_add_epi32(g, _mm256_set1_epi32(0x7f000000)));
    const __m256 s2 = _mm256_castsi256_ps(_mm256_sub_epi32(e, g));
    const __m256i d = _mm256_castps_si256(
        _mm256_cmp_ps(_mm256_andnot_ps(_mm256_set1_ps(-0.f), n), _mm256_set1_ps(192), _CMP_GT_OQ));
    return _mm256_or_ps(
        _mm256_and_ps(_mm256_castsi256_ps(d), _mm256_mul_ps(s1, s1)),
        _mm256_andnot_ps(_mm256_castsi256_ps(d),
                         _mm256_or_ps(_mm256_and_ps(_mm256_castsi256_ps(c), _mm256_mul_ps(_mm256_fmadd_ps(s2, j, s2), s1)),
                                      _mm256_andnot_ps(_mm256_castsi256_ps(c), _mm256_fmadd_ps(k, j, k)))));
}

LI_TARGET void li_avx2_swiglu(long n, float *gate, const float *up) {
    long i = 0;
    for (; i + 7 < n; i += 8) {
        const __m256 x = _mm256_loadu_ps(gate + i);
        const __m256 silu = _mm256_div_ps(x, _mm256_add_ps(_mm256_set1_ps(1), vexp(_mm256_sub_ps(_mm256_setzero_ps(), x))));
        _mm256_storeu_ps(gate + i, _mm256_mul_ps(silu, _mm256_loadu_ps(up + i)));
    }
    for (; i < n; i++) gate[i] = gate[i] / (1.0f + expf(-gate[i])) * up[i];
}

/// Rounds 8 floats to half precision and back (ggml stores them as F16).
LI_INLINE __m256 toHalf(__m256 x) { return _mm256_cvtph_ps(_mm256_cvtps_ph(x, 0)); }

/// ggml_vec_dot_f16 of two rows of half-precision values held as floats: four accumulators of eight lanes over
/// steps of 32 (fused multiply-adds), reduced as ggml reduces them; leftovers added in double.
LI_INLINE float dotHalf(const float *x, const float *y, long n) {
    const long np = n & ~31L;
    __m256 sum[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    for (long i = 0; i < np; i += 32) {
        for (int j = 0; j < 4; j++) {
            sum[j] = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8 * j), _mm256_loadu_ps(y + i + 8 * j), sum[j]);
        }
    }
    sum[0] = _mm256_add_ps(sum[0], sum[2]);
    sum[1] = _mm256_add_ps(sum[1], sum[3]);
    sum[0] = _mm256_add_ps(sum[0], sum[1]);
    const __m128 t0 = _mm_add_ps(_mm256_castps256_ps128(sum[0]), _mm256_extractf128_ps(sum[0], 1));
    const __m128 t1 = _mm_hadd_ps(t0, t0);
    double total = (double)_mm_cvtss_f32(_mm_hadd_ps(t1, t1));
    for (long i = np; i < n; i++) total += (double)(x[i] * y[i]);
    return (float)total;
}

/// ggml's one-row flash-attention loop over cached positions [start, end): the half-precision weighted sum of V to
/// `acc` (not divided by the sum), the maximum score and the sum of the weights to `maxOut` and `sumOut`.
LI_INLINE void oneRow(const float *qh, const float *keys, const float *values, long start, long end, long stride,
                      long hd, float scale, float *acc, float *maxOut, float *sumOut) {
    long i;
    for (i = 0; i < hd; i++) acc[i] = 0;
    float sum = 0, maxScore = -INFINITY;
    for (long j = start; j < end; j++) {
        const float s = dotHalf(keys + j * stride, qh, hd) * scale;
        float ms = 1, vs = 1;
        if (s > maxScore) {
            ms = expf(maxScore - s);
            maxScore = s;
            const __m256 m = _mm256_set1_ps(ms);
            for (i = 0; i + 7 < hd; i += 8) _mm256_storeu_ps(acc + i, toHalf(_mm256_mul_ps(_mm256_loadu_ps(acc + i), m)));
            for (; i < hd; i++) acc[i] = li_halfRound(acc[i] * ms);
        } else {
            vs = expf(s - maxScore);
        }
        const float *v = values + j * stride;
        const __m256 w = _mm256_set1_ps(vs);
        for (i = 0; i + 7 < hd; i += 8) {
            _mm256_storeu_ps(acc + i, toHalf(_mm256_fmadd_ps(_mm256_loadu_ps(v + i), w, _mm256_loadu_ps(acc + i))));
        }
        for (; i < hd; i++) acc[i] = li_halfRound(fmaf(v[i], vs, acc[i]));
        // Not fused: ggml's `S = S*ms + vs` is a separate multiply and add in llama.cpp's x86 build (its attention
        // outputs match only so; a fused S is one unit in the last place off in ~1 in 10 rows). Two statements, so
        // that clang's default contraction (within an expression) leaves it alone.
        const float kept = sum * ms;
        sum = kept + vs;
    }
    *maxOut = maxScore;
    *sumOut = sum;
}

/// Q rounded to half precision, as ggml converts it for ggml_vec_dot_f16.
LI_INLINE void halfQuery(const float *q, long hd, float *qh) {
    long i = 0;
    for (; i + 7 < hd; i += 8) _mm256_storeu_ps(qh + i, toHalf(_mm256_loadu_ps(q + i)));
    for (; i < hd; i++) qh[i] = li_halfRound(q[i]);
}

LI_TARGET void li_avx2_attend_one_row(const float *q, const float *keys, const float *values, long positions,
                                      long stride, long hd, float scale, float *out, float *scratch) {
    float *qh = scratch, *acc = scratch + hd;
    halfQuery(q, hd, qh);
    float maxScore, sum;
    oneRow(qh, keys, values, 0, positions, stride, hd, scale, acc, &maxScore, &sum);
    const float inv = sum == 0 ? 0 : 1.0f / sum;
    for (long i = 0; i < hd; i++) out[i] = acc[i] * inv;
}

LI_TARGET void li_avx2_attend_one_row_split(const float *q, const float *keys, const float *values, long positions,
                                            long stride, long hd, float scale, long cells, long chunks, float *out,
                                            float *scratch) {
    float *qh = scratch, *acc = scratch + hd, *total = scratch + 2 * hd;
    halfQuery(q, hd, qh);
    long i;
    for (i = 0; i < hd; i++) total[i] = 0;
    float maxTotal = -INFINITY, sumTotal = 0;
    const long chunk = (cells + chunks - 1) / chunks;
    for (long start = 0; start < cells && start < positions; start += chunk) {
        const long end = start + chunk < positions ? start + chunk : positions;
        float maxChunk, sumChunk;
        oneRow(qh, keys, values, start, end, stride, hd, scale, acc, &maxChunk, &sumChunk);
        if (sumChunk == 0) continue;
        const float newMax = fmaxf(maxTotal, maxChunk);
        const float keep = expf(maxTotal - newMax), add = expf(maxChunk - newMax);
        // ggml's `VKQ_final*scale_old + VKQ_chunk*scale_new` (and the same for S) as llama.cpp's x86 build compiles
        // it: the second product rounded, the first fused into the add (the only one of the three ways to round it
        // that gives its outputs, checked on every layer of a 301-cell decoding step).
        for (i = 0; i < hd; i++) {
            const float added = acc[i] * add;
            total[i] = fmaf(total[i], keep, added);
        }
        const float added = sumChunk * add;
        sumTotal = fmaf(sumTotal, keep, added);
        maxTotal = newMax;
    }
    const float inv = sumTotal == 0 ? 1 : 1.0f / sumTotal;
    for (i = 0; i < hd; i++) out[i] = total[i] * inv;
}

/// kt[d * 64 + j] = keys[j * stride + d] for the first n (at most 64) keys, zero for the others: 8 x 8 blocks
/// transposed in registers.
LI_INLINE void transposeKeys(const float *keys, long stride, long n, long hd, float *kt) {
    long j = 0, d;
    for (; j + 7 < n; j += 8) {
        for (d = 0; d + 7 < hd; d += 8) {
            __m256 r[8], t[8];
            for (int a = 0; a < 8; a++) r[a] = _mm256_loadu_ps(keys + (j + a) * stride + d);
            for (int a = 0; a < 8; a += 2) {
                t[a] = _mm256_unpacklo_ps(r[a], r[a + 1]);
                t[a + 1] = _mm256_unpackhi_ps(r[a], r[a + 1]);
            }
            for (int a = 0; a < 8; a += 4) {
                r[a] = _mm256_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(1, 0, 1, 0));
                r[a + 1] = _mm256_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(3, 2, 3, 2));
                r[a + 2] = _mm256_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(1, 0, 1, 0));
                r[a + 3] = _mm256_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(3, 2, 3, 2));
            }
            for (int a = 0; a < 4; a++) {
                _mm256_storeu_ps(kt + (d + a) * 64 + j, _mm256_permute2f128_ps(r[a], r[a + 4], 0x20));
                _mm256_storeu_ps(kt + (d + a + 4) * 64 + j, _mm256_permute2f128_ps(r[a], r[a + 4], 0x31));
            }
        }
        for (; d < hd; d++) {
            for (int a = 0; a < 8; a++) kt[d * 64 + j + a] = keys[(j + a) * stride + d];
        }
    }
    for (; j < 64; j++) {
        for (d = 0; d < hd; d++) kt[d * 64 + j] = j < n ? keys[j * stride + d] : 0;
    }
}

/// The scores of the first 8 * blocks keys of a transposed tile against the row qr, as ggml's simd_gemm forms
/// them: one fused multiply-add per dimension, in order, from zero; then the scale.
LI_INLINE void scores(const float *kt, const float *qr, long hd, float scale, const int blocks, float *p) {
    __m256 a[8];
    for (int b = 0; b < blocks; b++) a[b] = _mm256_setzero_ps();
    for (long i = 0; i < hd; i++) {
        const __m256 qi = _mm256_set1_ps(qr[i]);
        for (int b = 0; b < blocks; b++) a[b] = _mm256_fmadd_ps(_mm256_loadu_ps(kt + i * 64 + 8 * b), qi, a[b]);
    }
    const __m256 sv = _mm256_set1_ps(scale);
    for (int b = 0; b < blocks; b++) _mm256_storeu_ps(p + 8 * b, _mm256_mul_ps(a[b], sv));
}

LI_TARGET void li_avx2_attend_tiled(const float *q, long qStride, long rows, const long *counts, const float *keys,
                                    const float *values, long stride, long hd, float scale, float *out,
                                    long outStride, float *scratch) {
    float *kt = scratch, *p = kt + 64 * hd, *acc = p + 64, *maxScore = acc + rows * hd, *sum = maxScore + rows;
    long last = 0, i;
    for (long r = 0; r < rows; r++) {
        maxScore[r] = -INFINITY;
        sum[r] = 0;
        for (i = 0; i < hd; i++) acc[r * hd + i] = 0;
        if (counts[r] > last) last = counts[r];
    }
    for (long t0 = 0; t0 < last; t0 += 64) {
        // The key tile transposed (kt[d * 64 + key]), as ggml packs it, so that a vector holds 8 keys' scores.
        const long n = last - t0 < 64 ? last - t0 : 64;
        transposeKeys(keys + t0 * stride, stride, n, hd, kt);
        for (long r = 0; r < rows; r++) {
            const long visible = counts[r] - t0 < 64 ? counts[r] - t0 : 64;
            if (visible <= 0) continue;
            const float *qr = q + r * qStride;
            float *ar = acc + r * hd;
            // Scores as ggml's simd_gemm forms them; keys this row does not see are -inf (ggml's mask).
            const int blocks = (int)((visible + 7) / 8);
            switch (blocks) {  // a constant count of accumulators each, so that they stay in registers
            case 1: scores(kt, qr, hd, scale, 1, p); break;
            case 2: scores(kt, qr, hd, scale, 2, p); break;
            case 3: scores(kt, qr, hd, scale, 3, p); break;
            case 4: scores(kt, qr, hd, scale, 4, p); break;
            case 5: scores(kt, qr, hd, scale, 5, p); break;
            case 6: scores(kt, qr, hd, scale, 6, p); break;
            case 7: scores(kt, qr, hd, scale, 7, p); break;
            default: scores(kt, qr, hd, scale, 8, p); break;
            }
            for (long j = visible; j < 64; j++) p[j] = -INFINITY;
            float tileMax = -INFINITY;
            for (long j = 0; j < visible; j++) tileMax = p[j] > tileMax ? p[j] : tileMax;
            const float newMax = fmaxf(maxScore[r], tileMax);
            if (newMax > maxScore[r]) {
                const float ms = expf(maxScore[r] - newMax);
                const __m256 m = _mm256_set1_ps(ms);
                for (i = 0; i + 7 < hd; i += 8) _mm256_storeu_ps(ar + i, _mm256_mul_ps(_mm256_loadu_ps(ar + i), m));
                for (; i < hd; i++) ar[i] *= ms;
                sum[r] *= ms;
            }
            maxScore[r] = newMax;
            // The tile's weights as ggml_vec_soft_max_f32 computes them over all 64 keys: its vectorised exp
            // (zero for the unseen keys), each 8 summed in float, the sums added in double. Eights of unseen keys
            // add exact zeros and are skipped.
            double tileSum = 0;
            const __m256 mv = _mm256_set1_ps(newMax);
            for (long j = 0; j < 8 * blocks; j += 8) {
                const __m256 e = vexp(_mm256_sub_ps(_mm256_loadu_ps(p + j), mv));
                _mm256_storeu_ps(p + j, e);
                tileSum += (double)li_hsum8(e);
            }
            sum[r] = (float)((double)sum[r] + tileSum);
            if (hd == 64) {  // the usual head size: the accumulator held in registers (the same operations)
                __m256 va[8];
                for (int b = 0; b < 8; b++) va[b] = _mm256_loadu_ps(ar + 8 * b);
                for (long j = 0; j < visible; j++) {
                    const float *v = values + (t0 + j) * stride;
                    const __m256 w = _mm256_set1_ps(p[j]);
                    for (int b = 0; b < 8; b++) va[b] = _mm256_fmadd_ps(_mm256_loadu_ps(v + 8 * b), w, va[b]);
                }
                for (int b = 0; b < 8; b++) _mm256_storeu_ps(ar + 8 * b, va[b]);
                continue;
            }
            for (long j = 0; j < visible; j++) {
                const float *v = values + (t0 + j) * stride;
                const __m256 w = _mm256_set1_ps(p[j]);
                for (i = 0; i + 7 < hd; i += 8) {
                    _mm256_storeu_ps(ar + i, _mm256_fmadd_ps(_mm256_loadu_ps(v + i), w, _mm256_loadu_ps(ar + i)));
                }
                for (; i < hd; i++) ar[i] = fmaf(v[i], p[j], ar[i]);
            }
        }
    }
    for (long r = 0; r < rows; r++) {
        const float inv = sum[r] == 0 ? 0 : 1.0f / sum[r];
        for (i = 0; i < hd; i++) out[r * outStride + i] = acc[r * hd + i] * inv;
    }
}

#else

void li_avx2_attend_tiled(const float *q, long qStride, long rows, const long *counts, const float *keys,
                          const float *values, long stride, long hd, float scale, float *out, long outStride,
                          float *scratch) {
    (void)q; (void)qStride; (void)rows; (void)counts; (void)keys; (void)values; (void)stride; (void)hd;
    (void)scale; (void)out; (void)outStride; (void)scratch;
}

void li_avx2_swiglu(long n, float *gate, const float *up) { (void)n; (void)gate; (void)up; }
void li_avx2_attend_one_row(const float *q, const float *keys, const float *values, long positions, long stride,
                            long hd, float scale, float *out, float *scratch) {
    (void)q; (void)keys; (void)values; (void)positions; (void)stride; (void)hd; (void)scale; (void)out;
    (void)scratch;
}
void li_avx2_attend_one_row_split(const float *q, const float *keys, const float *values, long positions,
                                  long stride, long hd, float scale, long cells, long chunks, float *out,
                                  float *scratch) {
    (void)q; (void)keys; (void)values; (void)positions; (void)stride; (void)hd; (void)scale; (void)cells;
    (void)chunks; (void)out; (void)scratch;
}

#endif
