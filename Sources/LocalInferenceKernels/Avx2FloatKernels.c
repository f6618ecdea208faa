// Float kernels of the AVX2 level that follow ggml's AVX2 arithmetic step by step, so that llama.cpp's choices
// are ours where a last-bit difference is amplified (this engine, like ggml, quantises every activation to
// 8 bits before a product): SwiGLU with ggml's vectorised exp, and the one-row flash-attention kernel with
// ggml's F16 dot product, F16 accumulator and fused multiply-adds. See LocalInferenceKernels.h.
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

LI_TARGET void li_avx2_attend_one_row(const float *q, const float *keys, const float *values, long positions,
                                      long stride, long hd, float scale, float *out, float *scratch) {
    float *qh = scratch, *acc = scratch + hd;
    long i = 0;
    for (; i + 7 < hd; i += 8) {
        _mm256_storeu_ps(qh + i, toHalf(_mm256_loadu_ps(q + i)));
        _mm256_storeu_ps(acc + i, _mm256_setzero_ps());
    }
    for (; i < hd; i++) {
        qh[i] = li_halfRound(q[i]);
        acc[i] = 0;
    }
    float sum = 0, maxScore = -INFINITY;
    for (long j = 0; j < positions; j++) {
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
    const float inv = sum == 0 ? 0 : 1.0f / sum;
    for (i = 0; i < hd; i++) out[i] = acc[i] * inv;
}

LI_TARGET void li_avx2_attend_tiled(const float *q, const float *keys, const float *values, long positions,
                                    long stride, long hd, float scale, float *out, float *scratch) {
    float *p = scratch, *acc = scratch + 64;
    long i;
    for (i = 0; i < hd; i++) acc[i] = 0;
    float sum = 0, maxScore = -INFINITY;
    for (long t0 = 0; t0 < positions; t0 += 64) {
        const long n = positions - t0 < 64 ? positions - t0 : 64;
        float tileMax = -INFINITY;
        for (long j = 0; j < n; j++) {
            const float *k = keys + (t0 + j) * stride;
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
            for (i = 0; i + 15 < hd; i += 16) {
                a0 = _mm256_fmadd_ps(_mm256_loadu_ps(q + i), _mm256_loadu_ps(k + i), a0);
                a1 = _mm256_fmadd_ps(_mm256_loadu_ps(q + i + 8), _mm256_loadu_ps(k + i + 8), a1);
            }
            float dot = li_hsum8(_mm256_add_ps(a0, a1));
            for (; i < hd; i++) dot = fmaf(q[i], k[i], dot);
            p[j] = dot * scale;
            tileMax = fmaxf(tileMax, p[j]);
        }
        const float newMax = fmaxf(maxScore, tileMax);
        if (newMax > maxScore) {
            const float ms = expf(maxScore - newMax);
            const __m256 m = _mm256_set1_ps(ms);
            for (i = 0; i + 7 < hd; i += 8) _mm256_storeu_ps(acc + i, _mm256_mul_ps(_mm256_loadu_ps(acc + i), m));
            for (; i < hd; i++) acc[i] *= ms;
            sum *= ms;
            maxScore = newMax;
        }
        // The tile's weights as ggml_vec_soft_max_f32 computes them: vectorised exp, sums in double.
        double tileSum = 0;
        long j = 0;
        const __m256 mv = _mm256_set1_ps(maxScore);
        for (; j + 7 < n; j += 8) {
            const __m256 e = vexp(_mm256_sub_ps(_mm256_loadu_ps(p + j), mv));
            _mm256_storeu_ps(p + j, e);
            tileSum += (double)li_hsum8(e);
        }
        for (; j < n; j++) {
            p[j] = expf(p[j] - maxScore);
            tileSum += (double)p[j];
        }
        sum = (float)((double)sum + tileSum);
        for (j = 0; j < n; j++) {
            const float *v = values + (t0 + j) * stride;
            const __m256 w = _mm256_set1_ps(p[j]);
            for (i = 0; i + 7 < hd; i += 8) {
                _mm256_storeu_ps(acc + i, _mm256_fmadd_ps(w, _mm256_loadu_ps(v + i), _mm256_loadu_ps(acc + i)));
            }
            for (; i < hd; i++) acc[i] = fmaf(p[j], v[i], acc[i]);
        }
    }
    const float inv = sum == 0 ? 0 : 1.0f / sum;
    for (i = 0; i < hd; i++) out[i] = acc[i] * inv;
}

#else

void li_avx2_attend_tiled(const float *q, const float *keys, const float *values, long positions, long stride,
                          long hd, float scale, float *out, float *scratch) {
    (void)q; (void)keys; (void)values; (void)positions; (void)stride; (void)hd; (void)scale; (void)out;
    (void)scratch;
}

void li_avx2_swiglu(long n, float *gate, const float *up) { (void)n; (void)gate; (void)up; }
void li_avx2_attend_one_row(const float *q, const float *keys, const float *values, long positions, long stride,
                            long hd, float scale, float *out, float *scratch) {
    (void)q; (void)keys; (void)values; (void)positions; (void)stride; (void)hd; (void)scale; (void)out;
    (void)scratch;
}

#endif
