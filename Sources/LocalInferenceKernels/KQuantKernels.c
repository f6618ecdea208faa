// AVX2 kernels for the K-quant super-block types Q4_K and Q6_K against Q8_K activations, and the Q8_K quantiser.
// See LocalInferenceKernels.h.
//
// The arithmetic is ggml's x86 AVX2 ggml_vec_dot_q4_K_q8_K / _q6_K_q8_K: per super-block of 256, integer lanes
// (lane k of each 32 values collects elements 4k..4k+3, each sub-block's products multiplied by its scale with
// vpmaddwd) summed exactly in 32 bits, converted to float and accumulated with one fused multiply-add by
// d_weight * d_activation; Q4_K's minimums go through the activations' sums of 16 (bsums) into a four-lane
// accumulator with dmin. Both C levels use these (VNNI would not save the per-scale vpmaddwd).
#include "LocalInferenceKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Avx2Helpers.h"

#define LI_TARGET __attribute__((target("avx2,fma,f16c")))
#define LI_INLINE static inline __attribute__((always_inline, target("avx2,fma,f16c")))

/// Bytes 2i (8 times) then 2i + 1 (8 times): the scales of two sub-blocks of 16 spread over 16 int16 lanes.
LI_INLINE __m128i pairShuffle(int i) {
    const char a = (char)(2 * i), b = (char)(2 * i + 1);
    return _mm_setr_epi8(a, a, a, a, a, a, a, a, b, b, b, b, b, b, b, b);
}

// MARK: Q4_K

enum { bytesQ4_K = 144, bytesQ6_K = 210 };

/// The eight 6-bit scales (low 128 bits: int16 lanes 0..7) and mins (lanes 8..15) of a Q4_K super-block.
LI_INLINE __m256i scalesAndMinsK4(const uint8_t *p) {
    uint32_t u[4];
    memcpy(u, p, 12);
    const uint32_t low6 = 0x3f3f3f3f, low4 = 0x0f0f0f0f, low2 = 0x03030303;
    u[3] = ((u[2] >> 4) & low4) | (((u[1] >> 6) & low2) << 4);
    const uint32_t m = u[1] & low6;
    u[1] = (u[2] & low4) | (((u[0] >> 6) & low2) << 4);
    u[2] = m;
    u[0] &= low6;
    // Scales in u[0], u[1]; mins in u[2], u[3].
    return _mm256_cvtepu8_epi16(_mm_set_epi32((int)u[3], (int)u[2], (int)u[1], (int)u[0]));
}

/// One Q4_K row against `n` (1...4) activation rows (`nb * 256` values apart).
LI_INLINE void tileQ4_K(int n, const uint8_t *w, long nb, const int8_t *qs, const float *d, const int16_t *bsums,
                        float *out, long out_stride) {
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    __m128 accm[4] = {_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps()};
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    for (long b = 0; b < nb; b++) {
        const uint8_t *blk = w + b * bytesQ4_K;
        const float dw = li_half(blk), dminw = li_half(blk + 2);
        const __m256i ms = scalesAndMinsK4(blk + 4);
        const __m128i mins = _mm256_extracti128_si256(ms, 1);
        const __m128i sc = _mm256_castsi256_si128(ms);
        const __m256i scales = _mm256_inserti128_si256(_mm256_castsi128_si256(sc), sc, 1);
        __m256i lo[4], hi[4], sl[4], sh[4];
        for (int j = 0; j < 4; j++) {
            const __m256i bits = _mm256_loadu_si256((const __m256i *)(blk + 16 + 32 * j));
            lo[j] = _mm256_and_si256(bits, m4);
            hi[j] = _mm256_and_si256(_mm256_srli_epi16(bits, 4), m4);
            sl[j] = _mm256_shuffle_epi8(scales, _mm256_set1_epi16((short)(((2 * j) * 2 + 1) << 8 | (2 * j) * 2)));
            sh[j] = _mm256_shuffle_epi8(scales, _mm256_set1_epi16((short)(((2 * j + 1) * 2 + 1) << 8 | (2 * j + 1) * 2)));
        }
        for (int i = 0; i < n; i++) {
            const long blk8 = i * nb + b;
            const int8_t *q8 = qs + 256 * blk8;
            const float dy = d[blk8];
            // Minimums: sums of 32 from the sums of 16, times the mins, in four lanes.
            const __m256i q8sums = _mm256_loadu_si256((const __m256i *)(bsums + 16 * blk8));
            const __m128i q8s = _mm_hadd_epi16(_mm256_castsi256_si128(q8sums), _mm256_extracti128_si256(q8sums, 1));
            const __m128i prod = _mm_madd_epi16(mins, q8s);
            accm[i] = _mm_fmadd_ps(_mm_set1_ps(-dy * dminw), _mm_cvtepi32_ps(prod), accm[i]);
            __m256i sumi = _mm256_setzero_si256();
            for (int j = 0; j < 4; j++) {
                const __m256i pl = _mm256_madd_epi16(sl[j], _mm256_maddubs_epi16(lo[j], _mm256_loadu_si256((const __m256i *)(q8 + 64 * j))));
                const __m256i ph = _mm256_madd_epi16(sh[j], _mm256_maddubs_epi16(hi[j], _mm256_loadu_si256((const __m256i *)(q8 + 64 * j + 32))));
                sumi = _mm256_add_epi32(sumi, _mm256_add_epi32(pl, ph));
            }
            acc[i] = _mm256_fmadd_ps(_mm256_set1_ps(dy * dw), _mm256_cvtepi32_ps(sumi), acc[i]);
        }
    }
    for (int i = 0; i < n; i++) {
        __m128 m = _mm_add_ps(accm[i], _mm_movehl_ps(accm[i], accm[i]));
        m = _mm_add_ss(m, _mm_movehdup_ps(m));
        out[i * out_stride] = li_hsum8(acc[i]) + _mm_cvtss_f32(m);
    }
}

// MARK: Q6_K

/// One Q6_K row against `n` (1...4) activation rows. As ggml: the products of the unsigned 6-bit values (q + 32)
/// summed per lane with their scales, and 32 * (scale * the activations' sums of 16) subtracted per lane pair at the
/// end of each super-block.
LI_INLINE void tileQ6_K(int n, const uint8_t *w, long nb, const int8_t *qs, const float *d, const int16_t *bsums,
                        float *out, long out_stride) {
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    const __m256i m4 = _mm256_set1_epi8(0x0F), m2 = _mm256_set1_epi8(3);
    for (long b = 0; b < nb; b++) {
        const uint8_t *blk = w + b * bytesQ6_K;
        const uint8_t *ql = blk, *qh = blk + 128;
        const __m128i scales = _mm_loadu_si128((const __m128i *)(blk + 192));
        const __m256i scales16 = _mm256_cvtepi8_epi16(scales);
        const float dw = li_half(blk + 208);
        __m256i q[8], s[8];
        for (int j = 0; j < 2; j++) {
            const __m256i b1 = _mm256_loadu_si256((const __m256i *)(ql + 64 * j));
            const __m256i b2 = _mm256_loadu_si256((const __m256i *)(ql + 64 * j + 32));
            const __m256i h = _mm256_loadu_si256((const __m256i *)(qh + 32 * j));
            const __m256i h0 = _mm256_slli_epi16(_mm256_and_si256(h, m2), 4);
            const __m256i h1 = _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m2), 4);
            const __m256i h2 = _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m2), 4);
            const __m256i h3 = _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m2), 4);
            q[4 * j + 0] = _mm256_or_si256(_mm256_and_si256(b1, m4), h0);
            q[4 * j + 1] = _mm256_or_si256(_mm256_and_si256(b2, m4), h1);
            q[4 * j + 2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(b1, 4), m4), h2);
            q[4 * j + 3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(b2, 4), m4), h3);
            for (int k = 0; k < 4; k++) {
                s[4 * j + k] = _mm256_cvtepi8_epi16(_mm_shuffle_epi8(scales, pairShuffle(4 * j + k)));
            }
        }
        for (int i = 0; i < n; i++) {
            const long blk8 = i * nb + b;
            const int8_t *q8 = qs + 256 * blk8;
            const __m256i q8sums = _mm256_loadu_si256((const __m256i *)(bsums + 16 * blk8));
            const __m256i offset = _mm256_slli_epi32(_mm256_madd_epi16(q8sums, scales16), 5);
            __m256i sumi = _mm256_setzero_si256();
            for (int c = 0; c < 8; c++) {
                const __m256i y = _mm256_loadu_si256((const __m256i *)(q8 + 32 * c));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(s[c], _mm256_maddubs_epi16(q[c], y)));
            }
            sumi = _mm256_sub_epi32(sumi, offset);
            acc[i] = _mm256_fmadd_ps(_mm256_set1_ps(d[blk8] * dw), _mm256_cvtepi32_ps(sumi), acc[i]);
        }
    }
    for (int i = 0; i < n; i++) out[i * out_stride] = li_hsum8(acc[i]);
}

// MARK: Rows

#define LI_KROWS(NAME, TILE_CALL)                                                                                \
    LI_TARGET static void NAME(const uint8_t *w, size_t row_bytes, long r0, long r1, long nb, const int8_t *qs, \
                               const float *d, const int16_t *bsums, long tokens, float *out, long os) {       \
        (void)bsums;                                                                                            \
        for (long r = r0; r < r1; r++) {                                                                        \
            const uint8_t *wr = w + r * row_bytes;                                                              \
            long t = 0;                                                                                         \
            for (; t + 4 <= tokens; t += 4) {                                                                   \
                const int8_t *q = qs + t * nb * 256; const float *dd = d + t * nb;                              \
                const int16_t *bs = bsums + t * nb * 16; float *o = out + t * os + r; (void)bs;                 \
                TILE_CALL(4);                                                                                   \
            }                                                                                                   \
            const int8_t *q = qs + t * nb * 256; const float *dd = d + t * nb;                                  \
            const int16_t *bs = bsums + t * nb * 16; float *o = out + t * os + r; (void)bs;                     \
            switch (tokens - t) {                                                                               \
            case 3: TILE_CALL(3); break;                                                                        \
            case 2: TILE_CALL(2); break;                                                                        \
            case 1: TILE_CALL(1); break;                                                                        \
            default: break;                                                                                     \
            }                                                                                                   \
        }                                                                                                       \
    }

#define Q4K_TILE(N) tileQ4_K(N, wr, nb, q, dd, bs, o, os)
#define Q6K_TILE(N) tileQ6_K(N, wr, nb, q, dd, bs, o, os)
LI_KROWS(rowsQ4_K, Q4K_TILE)
LI_KROWS(rowsQ6_K, Q6K_TILE)

int li_kquant_kernels_support(int type) { return type == LI_Q4_K || type == LI_Q6_K; }

void li_avx2_krows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                   const int8_t *qs, const float *d, const int16_t *bsums, long tokens, float *out,
                   long out_stride) {
    const uint8_t *p = (const uint8_t *)w;
    switch (type) {
    case LI_Q4_K: rowsQ4_K(p, row_bytes, row_begin, row_end, nb, qs, d, bsums, tokens, out, out_stride); break;
    case LI_Q6_K: rowsQ6_K(p, row_bytes, row_begin, row_end, nb, qs, d, bsums, tokens, out, out_stride); break;
    default: break;
    }
}

// MARK: Q8_K

LI_TARGET void li_avx2_quantize_q8k(const float *x, long tokens, long cols, int8_t *qs, float *d, int16_t *bsums) {
    const long nb = cols / 256;
    const __m256 signBit = _mm256_set1_ps(-0.0f);
    for (long t = 0; t < tokens; t++) {
        for (long b = 0; b < nb; b++) {
            const float *src = x + t * cols + b * 256;
            int8_t *dst = qs + t * cols + b * 256;
            int16_t *sums = bsums + (t * nb + b) * 16;
            __m256 m = _mm256_setzero_ps();
            for (int i = 0; i < 256; i += 8) m = _mm256_max_ps(m, _mm256_andnot_ps(signBit, _mm256_loadu_ps(src + i)));
            __m128 m4 = _mm_max_ps(_mm256_extractf128_ps(m, 1), _mm256_castps256_ps128(m));
            m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
            m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
            const float amax = _mm_cvtss_f32(m4);
            if (amax == 0) {
                d[t * nb + b] = 0;
                memset(dst, 0, 256);
                memset(sums, 0, 16 * sizeof(int16_t));
                continue;
            }
            // ggml takes the sign of the first value of largest magnitude.
            float signedMax = 0;
            for (int i = 0; i < 256; i++) {
                if (fabsf(src[i]) == amax) {
                    signedMax = src[i];
                    break;
                }
            }
            const float iscale = -127.f / signedMax;
            const __m256 vs = _mm256_set1_ps(iscale);
            for (int g = 0; g < 16; g++) {
                const __m256 a = _mm256_round_ps(_mm256_mul_ps(vs, _mm256_loadu_ps(src + 16 * g)),
                                                 _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
                const __m256 c = _mm256_round_ps(_mm256_mul_ps(vs, _mm256_loadu_ps(src + 16 * g + 8)),
                                                 _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
                const __m256i ia = _mm256_min_epi32(_mm256_cvtps_epi32(a), _mm256_set1_epi32(127));
                const __m256i ic = _mm256_min_epi32(_mm256_cvtps_epi32(c), _mm256_set1_epi32(127));
                int32_t va[8], vc[8];
                _mm256_storeu_si256((__m256i *)va, ia);
                _mm256_storeu_si256((__m256i *)vc, ic);
                int sum = 0;
                for (int k = 0; k < 8; k++) {
                    dst[16 * g + k] = (int8_t)va[k];
                    dst[16 * g + 8 + k] = (int8_t)vc[k];
                    sum += va[k] + vc[k];
                }
                sums[g] = (int16_t)sum;
            }
            d[t * nb + b] = 1 / iscale;
        }
    }
}

#else

int li_kquant_kernels_support(int type) { (void)type; return 0; }
void li_avx2_krows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                   const int8_t *qs, const float *d, const int16_t *bsums, long tokens, float *out,
                   long out_stride) {
    (void)type; (void)w; (void)row_bytes; (void)row_begin; (void)row_end; (void)nb; (void)qs; (void)d;
    (void)bsums; (void)tokens; (void)out; (void)out_stride;
}
void li_avx2_quantize_q8k(const float *x, long tokens, long cols, int8_t *qs, float *d, int16_t *bsums) {
    (void)x; (void)tokens; (void)cols; (void)qs; (void)d; (void)bsums;
}

#endif
